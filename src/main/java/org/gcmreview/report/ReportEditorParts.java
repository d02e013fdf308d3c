package org.gcmreview.report;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.MinistryAbsences;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * What every form built on {@link ReportEditingForm} needs, in one bean, so that forms of other features (the
 * sign-off's revision of requested sections) extend the editor without reaching into this package.
 */
@Component
public class ReportEditorParts {

    final ReviewCycles cycles;
    final ReportSections sections;
    final Contributions contributions;
    final Edits edits;
    final ReferenceData reference;
    final Evidence evidence;
    final DraftingMessages messages;
    final AuditLog audit;
    final Comments comments;
    /** Who still drafts, for the task list's "cannot start yet" (issue 16.5). */
    final Ministries ministries;
    final MinistryAbsences absences;

    ReportEditorParts(ReviewCycles cycles, ReportSections sections, Contributions contributions, Edits edits,
            ReferenceData reference, Evidence evidence, DraftingMessages messages, AuditLog audit,
            Comments comments, Ministries ministries, MinistryAbsences absences) {
        this.comments = comments;
        this.ministries = ministries;
        this.absences = absences;
        this.cycles = cycles;
        this.sections = sections;
        this.contributions = contributions;
        this.edits = edits;
        this.reference = reference;
        this.evidence = evidence;
        this.messages = messages;
        this.audit = audit;
    }
}
