package org.gcmreview.consultation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Languages an input can be written in: the six official UN languages. */
public final class InputLanguages {

    public static final Map<String, String> ALL;

    static {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("fr", "Français");
        languages.put("es", "Español");
        languages.put("ar", "العربية");
        languages.put("ru", "Русский");
        languages.put("zh", "中文");
        ALL = Collections.unmodifiableMap(languages);
    }

    private InputLanguages() {
    }
}
