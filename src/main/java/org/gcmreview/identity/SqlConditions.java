package org.gcmreview.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of one identity query, built from whichever filters the caller set. Values are always bound
 * as parameters; only column names written in this package are ever part of the SQL text.
 */
final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    SqlConditions equal(String column, Object value) {
        return value == null ? this : add(column + " = ?", value);
    }

    /** Camunda's "like" filters carry their own % wildcards and escape with a backslash. */
    SqlConditions like(String column, String pattern) {
        return pattern == null ? this : add(column + " like ? escape '\\'", pattern);
    }

    SqlConditions in(String column, String[] values) {
        return values == null ? this : add(column + " = any(?)", (Object) values);
    }

    SqlConditions add(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** A filter that can match nothing (an unknown group, a disabled user) still has to give an empty answer. */
    SqlConditions matchNothing() {
        conditions.add("false");
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    List<Object> params() {
        return params;
    }
}
