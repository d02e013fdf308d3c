package org.gcmreview.cycle;

import org.gcmreview.support.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts the cycle feature makes in Java (bundle {@code i18n/cycle}): validation errors and flash messages, in
 * the language of the current request. Numbers that are not quantities (codes, objective numbers) are passed as
 * strings, so that MessageFormat gives them no digit grouping.
 */
@Component
class CycleMessages extends Messages {

    CycleMessages(MessageSource messages) {
        super(messages);
    }
}
