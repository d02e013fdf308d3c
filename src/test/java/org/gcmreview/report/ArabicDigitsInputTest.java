package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Arabic drafting form shows its examples in Arabic-Indic digits ("١٢٥٠ أو ١٢٫٥", issue 17.6): a value typed
 * so is the same number as one typed in 0-9.
 */
class ArabicDigitsInputTest {

    @Test
    void anIndicatorValueInArabicIndicDigitsIsTheSameNumber() {
        assertThat(Edits.decimal("١٢٥٠")).isEqualTo("1250");
        assertThat(Edits.decimal("١٢٫٥")).isEqualTo("12.5");
        assertThat(Edits.decimal("١٬٢٥٠")).isEqualTo("1250");
        assertThat(Edits.decimal("12,5")).isEqualTo("12.5");
        assertThat(Edits.decimal("۱۲")).isEqualTo("12"); // Persian digits too
        assertThat(Edits.decimal("١٢x")).isNull();
    }
}
