package org.gcmreview.reference;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Objective short titles, guiding principles and regional commission names in the reader's language (bundle
 * i18n/reference). The database keeps the English wording; it is the fallback for a text the bundle lacks.
 */
@Component("objectiveTitles")
public class ReferenceNames {

    private final MessageSource messages;

    ReferenceNames(MessageSource messages) {
        this.messages = messages;
    }

    public String shortTitle(Objective objective) {
        return shortTitle(objective.number(), objective.shortTitle());
    }

    public String shortTitle(int objectiveNumber, String english) {
        return messages.getMessage("reference.objective.short." + objectiveNumber, null, english,
                LocaleContextHolder.getLocale());
    }

    /** A guiding principle's name as the UN's text in the reader's language has it. */
    public String principle(GuidingPrinciple principle) {
        return messages.getMessage("reference.principle." + principle.number(), null, principle.name(),
                LocaleContextHolder.getLocale());
    }

    public String commission(String code, String english) {
        return messages.getMessage("reference.commission." + code, null, english == null ? code : english,
                LocaleContextHolder.getLocale());
    }
}
