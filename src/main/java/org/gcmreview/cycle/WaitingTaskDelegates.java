package org.gcmreview.cycle;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.processes.NationalReview;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks on national-review's sign-off and clarification timers (issue 14.2), one bean per
 * {@code delegateExpression}. A reminder goes to whoever has the task; an escalation also to the coordinators, who
 * can reassign a ministry's task or proceed without the ministry. (Nobody stands above the coordinator in the
 * application, so the overdue answer to a clarification goes to every coordinator of the country.)
 */
@Configuration(proxyBeanMethods = false)
class WaitingTaskDelegates {

    static final WaitingTaskNotice.Kind SIGN_OFF_REMINDER = new WaitingTaskNotice.Kind("signOffReminder",
            NoticeKind.DUE_SOON, true, false, NationalReview.VAR_SIGN_OFF_DUE, "SIGNOFF_REMINDER_SENT");
    static final WaitingTaskNotice.Kind SIGN_OFF_OVERDUE = new WaitingTaskNotice.Kind("signOffOverdue",
            NoticeKind.OVERDUE, true, true, NationalReview.VAR_SIGN_OFF_DUE, "SIGNOFF_OVERDUE_ESCALATED");
    static final WaitingTaskNotice.Kind CLARIFICATION_REMINDER = new WaitingTaskNotice.Kind("clarificationReminder",
            NoticeKind.DUE_SOON, false, true, NationalReview.VAR_CLARIFICATION_DUE, "CLARIFICATION_REMINDER_SENT");
    static final WaitingTaskNotice.Kind CLARIFICATION_OVERDUE = new WaitingTaskNotice.Kind("clarificationOverdue",
            NoticeKind.OVERDUE, false, true, NationalReview.VAR_CLARIFICATION_DUE, "CLARIFICATION_OVERDUE_ESCALATED");

    @Bean
    JavaDelegate sendSignOffReminder(WaitingTaskNotice notice) {
        return execution -> notice.send(execution, SIGN_OFF_REMINDER);
    }

    @Bean
    JavaDelegate escalateOverdueSignOff(WaitingTaskNotice notice) {
        return execution -> notice.send(execution, SIGN_OFF_OVERDUE);
    }

    @Bean
    JavaDelegate sendClarificationReminder(WaitingTaskNotice notice) {
        return execution -> notice.send(execution, CLARIFICATION_REMINDER);
    }

    @Bean
    JavaDelegate escalateOverdueClarification(WaitingTaskNotice notice) {
        return execution -> notice.send(execution, CLARIFICATION_OVERDUE);
    }
}
