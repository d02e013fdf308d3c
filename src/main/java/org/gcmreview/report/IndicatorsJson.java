package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Indicator lists as JSON: {@code [{"name","value","unit","source","year"}, ...]} in that key order, the form
 * revisions keep them in and frozen versions publish them in. A mapper of its own, so the application's
 * Jackson settings never change stored or hashed text.
 */
final class IndicatorsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private IndicatorsJson() {
    }

    static List<Map<String, Object>> asMaps(List<Indicator> indicators) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Indicator i : indicators) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("value", i.value());
            m.put("unit", i.unit());
            m.put("source", i.source());
            m.put("year", i.year());
            list.add(m);
        }
        return list;
    }

    static String write(List<Indicator> indicators) {
        try {
            return JSON.writeValueAsString(asMaps(indicators));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Indicators could not be serialised", e);
        }
    }

    static List<Indicator> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST).stream().map(m -> new Indicator(string(m.get("name")),
                    string(m.get("value")), string(m.get("unit")), string(m.get("source")),
                    ((Number) m.get("year")).intValue())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored indicators are not valid JSON", e);
        }
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
