package org.gcmreview.report;

/** The parts of a voluntary GCM review, in the order the report presents them. */
enum SectionKind {
    INTRODUCTION("Introduction and methodology"),
    POLICY("Policy and enabling environment"),
    OBJECTIVE(null),
    MEANS("Means of implementation and partnerships"),
    NEXT_STEPS("Next steps");

    private final String title;

    SectionKind(String title) {
        this.title = title;
    }

    /** The fixed title of a non-objective section; objective sections are titled after their objective. */
    public String title() {
        return title;
    }
}
