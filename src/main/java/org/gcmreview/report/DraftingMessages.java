package org.gcmreview.report;

import org.gcmreview.support.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts of the drafting, consolidation and sign-off pages (bundle {@code i18n/drafting}) for messages made in
 * Java, such as validation errors, in the language of the current request (English outside a request, e.g.
 * in a timer's job). Numbers that are not quantities (years, ids) must be passed as strings, or they get digit
 * grouping.
 */
@Component
public class DraftingMessages extends Messages {

    DraftingMessages(MessageSource messages) {
        super(messages);
    }
}
