package org.gcmreview.attachment;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * A file the user chose cannot be attached. The message is written for the user (it names the file and
 * says what would be accepted) and is meant to be shown next to the file field. The inspector writes it in
 * English and names its message key and arguments (bundle {@code i18n/attachment}); {@link AttachmentService}
 * hands callers the refusal in the reader's language ({@link #in(MessageSource, Locale)}).
 */
public class AttachmentRejectedException extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;

    public AttachmentRejectedException(String message) {
        this(null, new Object[0], message);
    }

    AttachmentRejectedException(String code, Object[] arguments, String englishMessage) {
        super(englishMessage);
        this.code = code;
        this.arguments = arguments;
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    /** The same refusal, worded in the given language (the English text when the bundle has no such key). */
    AttachmentRejectedException in(MessageSource messages, Locale locale) {
        return code == null ? this : new AttachmentRejectedException(code, arguments, messages.getMessage(this, locale));
    }
}
