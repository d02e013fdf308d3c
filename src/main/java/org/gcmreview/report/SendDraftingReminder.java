package org.gcmreview.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.notices.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * Service task "Remind the ministry", on the reminder timer of a ministry's drafting task: mails the users of
 * that ministry ({@code ministryGroup}) which objectives are still open and when they are due.
 */
@Component("sendDraftingReminder")
public class SendDraftingReminder implements JavaDelegate {

    static final DraftingNotice.Kind REMINDER = new DraftingNotice.Kind(ctx -> ctx.ministry().group(),
            "mail.reminder", (ctx, due) -> new Object[] {ctx.cycle().businessKey(), due}, "DRAFTING_REMINDER_SENT", "",
            NoticeKind.DUE_SOON);

    private final DraftingNotice notice;

    SendDraftingReminder(DraftingNotice notice) {
        this.notice = notice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notice.send(execution, REMINDER);
    }
}
