package org.gcmreview.reference;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Country names in the reader's language, from the JDK's CLDR data (maintained upstream, in every language we
 * offer), by ISO 3166 code. Our country table keeps English names; they are the fallback for a code CLDR does
 * not know.
 */
@Component("countryNames")
public class CountryNames {

    private static final Map<String, String> ISO2_BY_ISO3 = new HashMap<>();

    static {
        for (String iso2 : Locale.getISOCountries()) {
            try {
                ISO2_BY_ISO3.put(new Locale("", iso2).getISO3Country(), iso2);
            } catch (MissingResourceException e) {
                // a code without a three-letter form: not one of ours
            }
        }
    }

    /** The country's name in the current request's language; {@code fallback} when CLDR has none. */
    public String name(String iso3, String fallback) {
        String iso2 = iso3 == null ? null : ISO2_BY_ISO3.get(iso3.trim());
        if (iso2 == null) {
            return fallback == null ? iso3 : fallback;
        }
        String name = new Locale("", iso2).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isEmpty() || name.equals(iso2) ? (fallback == null ? iso3 : fallback) : name;
    }

    public String name(String iso3) {
        return name(iso3, iso3);
    }
}
