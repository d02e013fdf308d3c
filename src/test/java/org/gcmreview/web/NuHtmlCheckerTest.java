package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker ValidHtmlTest relies on reports errors, with their lines, and nothing for a valid page or a warning. */
class NuHtmlCheckerTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Page</title></head>
            <body>
            %s
            </body>
            </html>
            """;

    @Test
    void aValidPageHasNoErrorsAndWarningsDoNotCount() throws Exception {
        // a section without a heading is only a warning
        assertThat(new NuHtmlChecker().errors(PAGE.formatted("<section><p>Text.</p></section>"))).isEmpty();
    }

    @Test
    void errorsAreListedWithTheirLines() throws Exception {
        NuHtmlChecker checker = new NuHtmlChecker();
        assertThat(checker.errors(PAGE.formatted("<p><time datetime=\"2026-03-01T10:00:00.123456Z\">now</time></p>")))
                .singleElement().asString().startsWith("5:").contains("datetime");
        assertThat(checker.errors(PAGE.formatted("<input id=\"a\" aria-describedby=\"missing\">"))).singleElement()
                .asString().contains("aria-describedby");
    }
}
