package org.gcmreview.reference;

/** A kind of organisation that may take part in a national consultation, e.g. TRADE_UNION. */
public record StakeholderType(String code, String name) {
}
