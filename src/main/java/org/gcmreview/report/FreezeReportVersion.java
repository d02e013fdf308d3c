package org.gcmreview.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.processes.NationalReview;
import org.springframework.stereotype.Component;

/**
 * Service task "Freeze the report version", run when every ministry has approved: the report as it stands
 * becomes an immutable, hashed version, and {@code reportVersionId} tells endorsement and submission which.
 */
@Component("freezeReportVersion")
public class FreezeReportVersion implements JavaDelegate {

    private final ReportVersions versions;
    private final AuditLog audit;

    FreezeReportVersion(ReportVersions versions, AuditLog audit) {
        this.versions = versions;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ((Number) execution.getVariable(NationalReview.VAR_CYCLE_ID)).longValue();
        ReportVersion version = versions.freeze(cycleId);
        execution.setVariable(NationalReview.VAR_REPORT_VERSION_ID, version.id());
        audit.record(AuditEntry.of("system", "REPORT_VERSION_FROZEN", (String) execution.getVariable(NationalReview.VAR_COUNTRY_ISO3),
                "report_version", version.id(), "version " + version.versionNo() + ", SHA-256 " + version.sha256()));
    }
}
