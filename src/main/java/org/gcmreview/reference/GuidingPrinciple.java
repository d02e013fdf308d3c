package org.gcmreview.reference;

/** One of the GCM's ten cross-cutting guiding principles. */
public record GuidingPrinciple(int number, String name, String description) {
}
