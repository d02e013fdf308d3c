package org.gcmreview.report;

import java.util.List;

/** An uploaded file that cannot be taken, with what to fix, in the user's language. Nothing was stored. */
class WordRefusal extends RuntimeException {

    private final List<String> problems;

    WordRefusal(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    WordRefusal(String problem) {
        this(List.of(problem));
    }

    List<String> problems() {
        return problems;
    }
}
