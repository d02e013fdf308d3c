package org.gcmreview.notices;

import java.util.List;

/**
 * What a notice says, kept as a message key and its arguments so that it reads in the language of whoever looks
 * at it. An argument written {@code msg:some.key} is itself a message (a task's name, say), looked up in that
 * language too.
 *
 * @param link where the notice leads (a path of the application), or null
 * @param cycleKey the business key of the cycle it is about (the digest groups by it), or null
 */
public record NoticeText(String messageKey, List<String> arguments, String link, String cycleKey) {

    /** Marks an argument that is a message key. */
    public static final String MESSAGE = "msg:";
    /**
     * Marks an argument that is a calendar date in ISO form ({@code date:2027-02-26}), written in the reader's
     * language and digits when shown (issue 17.6: never an ISO date in a notice).
     */
    public static final String DATE = "date:";

    public NoticeText {
        arguments = List.copyOf(arguments);
    }
}
