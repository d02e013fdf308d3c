package org.gcmreview.progress;

import java.util.List;

import org.gcmreview.reference.GuidingPrinciple;

/**
 * The report's sections as the progress page counts them (issue 16.3): carried over from the previous endorsed
 * report and not edited since, drafted in this cycle, or still empty; the follow-up items and how many have an
 * outcome; and the objective × guiding principle matrix (issue 16.4).
 */
record ReportEvidence(int carriedOver, int drafted, int empty, int followUps, int followUpsRecorded,
        List<GuidingPrinciple> principles, List<Row> rows, Contributions contributions) {

    /** The ministries' contributions counted the same way (carried over, drafted in this cycle, empty). */
    record Contributions(int carriedOver, int drafted, int empty) {

        public boolean any() {
            return carriedOver + drafted + empty > 0;
        }
    }

    /** One objective section: its title and, per principle (in {@code principles}' order), whether it is tagged. */
    record Row(int objective, String title, boolean carriedOver, List<Boolean> evidence) {
    }

    /** How many objective sections give evidence for the principle at this column. */
    public int sectionsFor(int column) {
        return (int) rows.stream().filter(r -> r.evidence().get(column)).count();
    }

    public boolean hasSections() {
        return carriedOver + drafted + empty > 0;
    }
}
