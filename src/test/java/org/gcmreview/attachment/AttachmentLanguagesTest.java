package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.gcmreview.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockMultipartFile;

/** A refused file is explained in the reader's language, with sizes in that language's units and digits. */
@DatabaseTest
@Import(AttachmentSlice.class)
class AttachmentLanguagesTest {

    @Autowired
    AttachmentService attachments;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void refusalsAndSizesAreTranslated() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThatThrownBy(() -> attachments.inspect(new MockMultipartFile("f", "vide.pdf", null, new byte[0])))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("« vide.pdf » est vide. Choisissez un fichier qui a un contenu.");
        assertThatThrownBy(() -> attachments.inspect(new MockMultipartFile("f", "notes.pdf", null, "hello".getBytes())))
                .hasMessageStartingWith("« notes.pdf » n’est pas d’un type de fichier qui peut être joint.")
                .hasMessageEndingWith("Joignez uniquement des fichiers PDF, Word (.docx), Excel (.xlsx), PNG ou JPEG.");
        assertThat(attachments.maxSizeLabel()).isEqualTo("10 Mo");
        assertThat(attachments.sizeLabel(1536)).isEqualTo("1,5 Ko");

        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        assertThatThrownBy(() -> attachments.inspect(new MockMultipartFile("f", "x.pdf", null, new byte[0])))
                .hasMessage("الملف «x.pdf» فارغ. اختاروا ملفًا له محتوى.");
        assertThat(attachments.sizeLabel(1536)).isEqualTo("١٫٥ كيلوبايت");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(attachments.sizeLabel(1536)).isEqualTo("1.5 KB");
        assertThat(attachments.sizeLabel(1)).isEqualTo("1 byte");
    }
}
