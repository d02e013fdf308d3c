package org.gcmreview.support;

import java.sql.Timestamp;
import java.time.Instant;

/** Moments as JDBC reads them: a {@code timestamptz} column as an {@link Instant}, SQL null as null. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
