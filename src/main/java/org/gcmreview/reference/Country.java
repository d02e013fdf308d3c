package org.gcmreview.reference;

/** A UN member state, grouped with exactly one regional commission (see db/V2__reference_data.sql). */
public record Country(String iso3, String name, String commissionCode) {
}
