package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Display names and the download header are safe whatever name the browser sent. */
class FileNamesTest {

    @Test
    void keepsOrdinaryNamesAsTheyAre() {
        assertThat(FileNames.sanitise("Rapport annuel – Migration 2025.pdf"))
                .isEqualTo("Rapport annuel – Migration 2025.pdf");
        assertThat(FileNames.sanitise("تقرير.pdf")).isEqualTo("تقرير.pdf");
    }

    @Test
    void dropsPathsAndTraversal() {
        assertThat(FileNames.sanitise("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.sanitise("..\\..\\windows\\system.ini")).isEqualTo("system.ini");
        assertThat(FileNames.sanitise("..")).isEmpty();
        assertThat(FileNames.sanitise("/")).isEmpty();
        assertThat(FileNames.sanitise(".hidden.pdf")).isEqualTo("hidden.pdf");
    }

    @Test
    void dropsControlAndInvisibleCharacters() {
        assertThat(FileNames.sanitise("report\r\nSet-Cookie: x.pdf")).isEqualTo("report Set-Cookie_ x.pdf");
        assertThat(FileNames.sanitise("a\u0000b\u0007c.pdf")).isEqualTo("abc.pdf");
        // a right-to-left override would display "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitise("zero\u200Bwidth.pdf")).isEqualTo("zerowidth.pdf");
        assertThat(FileNames.sanitise("quote\"<tag>|?*.pdf")).isEqualTo("quote__tag____.pdf");
        assertThat(FileNames.sanitise("  many     spaces  .pdf  ")).isEqualTo("many spaces .pdf");
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("x".repeat(300) + ".xlsx");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.xlsx");
        String emoji = FileNames.sanitise("😀".repeat(200) + ".pdf");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(emoji).endsWith("😀.pdf");
    }

    @Test
    void findsExtensionsButNotVersionNumbers() {
        assertThat(FileNames.extension("a.PDF")).isEqualTo("pdf");
        assertThat(FileNames.extension("a.tar.gz")).isEqualTo("gz");
        assertThat(FileNames.extension("Annual report v1.2")).isEmpty();
        assertThat(FileNames.extension("noext")).isEmpty();
        assertThat(FileNames.extension("trailing.")).isEmpty();
    }

    @Test
    void theDownloadHeaderEncodesEveryNameSafely() {
        assertThat(FileNames.contentDisposition("report.pdf"))
                .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(FileNames.contentDisposition("Évaluation \"finale\"; 100%.pdf"))
                .isEqualTo("attachment; filename=\"_valuation _finale_; 100_.pdf\"; "
                        + "filename*=UTF-8''%C3%89valuation%20%22finale%22%3B%20100%25.pdf");
        assertThat(FileNames.contentDisposition("تقرير.pdf"))
                .isEqualTo("attachment; filename=\"_____.pdf\"; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf");
    }
}
