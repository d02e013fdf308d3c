package org.gcmreview.report;

/**
 * One indicator value given for an objective: what is measured, the value (a plain decimal such as
 * {@code 1250} or {@code 12.5}), its unit, where it comes from and the year it refers to.
 */
public record Indicator(String name, String value, String unit, String source, int year) {

    public Indicator {
        name = SectionContent.normalise(name);
        value = SectionContent.normalise(value);
        unit = SectionContent.normalise(unit);
        source = SectionContent.normalise(source);
    }
}
