package org.gcmreview.reference;

/** A UN regional commission (ECA, ECE, ECLAC, ESCAP, ESCWA); each runs a regional GCM review. */
public record RegionalCommission(String code, String name) {
}
