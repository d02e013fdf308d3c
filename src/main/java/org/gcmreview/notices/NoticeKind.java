package org.gcmreview.notices;

/**
 * The kinds of notice a person gets (issue 18 part 4), each with the e-mail delivery a person has until they
 * choose: what needs them now is mailed at once, what is only news waits for the daily digest.
 */
public enum NoticeKind {
    /** A task was offered to a group the person is in (or to them as a deputy). */
    TASK_OFFERED(MailDelivery.DIGEST),
    /** Someone else put a task in the person's name. */
    TASK_CLAIMED(MailDelivery.IMMEDIATE),
    /** A deadline comes near (a reminder). */
    DUE_SOON(MailDelivery.IMMEDIATE),
    /** A deadline has passed (an escalation). */
    OVERDUE(MailDelivery.IMMEDIATE),
    /** A comment on the person's work. */
    COMMENT(MailDelivery.DIGEST),
    /** A secretariat asked for a clarification. */
    CLARIFICATION(MailDelivery.IMMEDIATE),
    /** A decision on the person's work (sign-off, endorsement, acknowledgement). */
    DECISION(MailDelivery.IMMEDIATE);

    private final MailDelivery byDefault;

    NoticeKind(MailDelivery byDefault) {
        this.byDefault = byDefault;
    }

    public MailDelivery byDefault() {
        return byDefault;
    }
}
