package org.gcmreview.report;

import java.util.List;

/**
 * What a form sent for one section or contribution. A field the form did not include is null and keeps the
 * value the user's page was loaded with; {@link #over} fills it in from that version.
 *
 * @param statusSent whether the form had a status field; {@code status} may then be null ("no status")
 * @param principles the guiding principles ticked, or null when the form had no principles fieldset
 */
record FormEdit(long id, int baseVersion, boolean statusSent, String status, String narrative, String measures,
        String practices, String challenges, List<Indicator> indicators, List<Integer> principles) {

    FormEdit(long id, int baseVersion, boolean statusSent, String status, String narrative, String measures,
            String practices, String challenges, List<Indicator> indicators) {
        this(id, baseVersion, statusSent, status, narrative, measures, practices, challenges, indicators, null);
    }

    ContentEdit over(SectionContent base) {
        return new ContentEdit(id, new SectionContent(
                statusSent ? status : base.status(),
                narrative != null ? narrative : base.narrative(),
                measures != null ? measures : base.measures(),
                practices != null ? practices : base.practices(),
                challenges != null ? challenges : base.challenges(),
                indicators != null ? indicators : base.indicators(),
                principles != null ? principles : base.principles()), baseVersion);
    }
}
