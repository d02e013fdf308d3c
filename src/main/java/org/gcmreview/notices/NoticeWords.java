package org.gcmreview.notices;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** A notice's words in a given language: its message with the arguments that are messages looked up too. */
@Component("noticeWords")
public class NoticeWords {

    private final MessageSource messages;

    NoticeWords(MessageSource messages) {
        this.messages = messages;
    }

    String text(String messageKey, java.util.List<String> arguments, Locale language) {
        Object[] args = arguments.stream().map(a -> argument(a, language)).toArray();
        return messages.getMessage(messageKey, args, messageKey, language);
    }

    private Object argument(String argument, Locale language) {
        if (argument == null) {
            return null;
        }
        if (argument.startsWith(NoticeText.MESSAGE)) {
            return message(argument.substring(NoticeText.MESSAGE.length()), language);
        }
        if (argument.startsWith(NoticeText.DATE)) {
            try {
                return org.gcmreview.web.Formats.date(
                        java.time.LocalDate.parse(argument.substring(NoticeText.DATE.length())), language);
            } catch (java.time.format.DateTimeParseException e) {
                return "";
            }
        }
        return argument;
    }

    /** For the notification centre page ({@code ${@noticeWords.of(n)}}), in the reader's language. */
    public String of(Notice notice) {
        return text(notice.messageKey(), notice.arguments(),
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    String message(String key, Locale language, Object... args) {
        try {
            return messages.getMessage(key, args, language);
        } catch (NoSuchMessageException e) {
            // a task without a name of its own in the bundles: its key is still better than nothing
            return key;
        }
    }
}
