package org.gcmreview.consultation;

import java.util.List;
import java.util.Map;

import org.gcmreview.attachment.Attachment;

/**
 * One row of "your inputs" on the consultation page, with its words already resolved: a stakeholder sees up to
 * dozens of these on every visit, and resolving them here (one message, one date each) costs a fraction of doing
 * it in the template, where each row inserted a fragment and evaluated several expressions (issue 19.1).
 */
record MyInputRow(String reference, String about, String sent, String language, String body, List<Attachment> files) {

    static List<MyInputRow> of(List<ConsultationInput> inputs, Map<Long, List<Attachment>> files,
            ConsultationMessages messages) {
        return inputs.stream().map(i -> new MyInputRow(i.reference(), about(i, messages),
                messages.dateTime(i.submittedAt()), i.language(), i.body(), files.getOrDefault(i.id(), List.of())))
                .toList();
    }

    /** What an input is about, in words (as the fragment consultation/fragments :: about says it). */
    private static String about(ConsultationInput input, ConsultationMessages messages) {
        return input.objectiveNumber() != null
                ? messages.objective(input.objectiveNumber())
                : messages.get("consultation.section." + input.sectionKind());
    }
}
