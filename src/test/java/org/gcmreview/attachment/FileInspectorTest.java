package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The type of a file is judged by its bytes; names and sizes are checked against limits and the content. */
class FileInspectorTest {

    static final long TEN_MB = 10L * 1024 * 1024;

    final FileInspector inspector = new FileInspector(TEN_MB);

    InspectedFile inspect(String name, byte[] content) {
        return inspector.inspect(name, content.length, FileInspector.ContentSource.of(content));
    }

    @Test
    void acceptsTheFiveAllowedKindsByTheirContent() {
        assertThat(inspect("report.pdf", SampleFiles.pdf()).type()).isEqualTo(AttachmentType.PDF);
        assertThat(inspect("chart.png", SampleFiles.png()).type()).isEqualTo(AttachmentType.PNG);
        assertThat(inspect("photo.jpg", SampleFiles.jpeg()).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(inspect("photo.JPEG", SampleFiles.jpeg()).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(inspect("note.docx", SampleFiles.docx()).type()).isEqualTo(AttachmentType.DOCX);
        assertThat(inspect("data.xlsx", SampleFiles.xlsx()).type()).isEqualTo(AttachmentType.XLSX);
    }

    @Test
    void keepsTheBytesAndTheirHash() {
        byte[] pdf = SampleFiles.pdf();
        InspectedFile file = inspect("report.pdf", pdf);
        assertThat(file.content()).isEqualTo(pdf);
        assertThat(file.size()).isEqualTo(pdf.length);
        assertThat(file.sha256()).hasSize(64).isEqualTo(FileInspector.sha256(pdf));
        assertThat(file.sha256()).isNotEqualTo(FileInspector.sha256(SampleFiles.png()));
    }

    @Test
    void aNameWithoutExtensionGetsTheOneOfItsContent() {
        assertThat(inspect("Annual report v1.2", SampleFiles.pdf()).fileName()).isEqualTo("Annual report v1.2.pdf");
        assertThat(inspect("", SampleFiles.xlsx()).fileName()).isEqualTo("attachment.xlsx");
        assertThat(inspect(null, SampleFiles.png()).fileName()).isEqualTo("attachment.png");
    }

    @Test
    void anExecutableRenamedPdfIsRefusedNamingTheAllowedTypes() {
        assertThatThrownBy(() -> inspect("minutes.pdf", SampleFiles.exe()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"minutes.pdf\" is not a file type that can be attached. "
                        + "Attach PDF, Word (.docx), Excel (.xlsx), PNG or JPEG files only.");
    }

    @Test
    void htmlAndSvgAreRefusedWhateverTheyAreCalled() {
        assertThatThrownBy(() -> inspect("letter.docx", SampleFiles.html()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("\"letter.docx\" is not a file type that can be attached")
                .hasMessageContaining(AttachmentType.ALLOWED_TYPES);
        assertThatThrownBy(() -> inspect("logo.png", SampleFiles.svg()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining(AttachmentType.ALLOWED_TYPES);
    }

    @Test
    void aZipThatIsNotAnOfficeDocumentIsRefused() {
        assertThatThrownBy(() -> inspect("report.docx", SampleFiles.plainZip()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"report.docx\" is a ZIP archive, not a Word or Excel document. "
                        + "Attach PDF, Word (.docx), Excel (.xlsx), PNG or JPEG files only.");
    }

    @Test
    void aZipBombIsRefusedAfterBoundedWork() {
        FileInspector small = new FileInspector(TEN_MB, 1_000, 1024 * 1024);
        byte[] bomb = SampleFiles.zipBomb(20L * 1024 * 1024);
        assertThat(bomb.length).as("compressed size").isLessThan(100 * 1024);
        assertThatThrownBy(() -> small.inspect("report.docx", bomb.length, FileInspector.ContentSource.of(bomb)))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"report.docx\" expands to more than 1 MB when opened and cannot be accepted.");
        // the same archive below the limit is an ordinary Word document
        byte[] harmless = SampleFiles.zipBomb(512 * 1024);
        assertThat(small.inspect("report.docx", harmless.length, FileInspector.ContentSource.of(harmless)).type())
                .isEqualTo(AttachmentType.DOCX);
    }

    @Test
    void anArchiveWithTooManyPartsIsRefused() {
        assertThatThrownBy(() -> inspect("report.docx", SampleFiles.manyEntries(FileInspector.DEFAULT_MAX_ZIP_ENTRIES)))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("more than 1000 parts");
    }

    @Test
    void macroEnabledDocumentsAreRefused() {
        assertThatThrownBy(() -> inspect("report.docx", SampleFiles.docxWithMacros()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("contains macros");
    }

    @Test
    void aDamagedArchiveIsRefused() {
        byte[] docx = SampleFiles.docx();
        byte[] truncated = Arrays.copyOf(docx, 40);
        assertThatThrownBy(() -> inspect("report.docx", truncated))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("Attach PDF");
    }

    @Test
    void anExtensionThatContradictsTheContentIsRefused() {
        assertThatThrownBy(() -> inspect("photo.jpg", SampleFiles.png()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"photo.jpg\" is named like a .jpg file but its content is a PNG image. "
                        + "Rename it to .png if that is what it is, or choose the right file.");
        assertThatThrownBy(() -> inspect("setup.exe", SampleFiles.pdf()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("named like a .exe file but its content is a PDF document");
        assertThatThrownBy(() -> inspect("data.docx", SampleFiles.xlsx()))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("named like a .docx file but its content is an Excel workbook");
    }

    @Test
    void emptyFilesAreRefused() {
        assertThatThrownBy(() -> inspect("report.pdf", new byte[0]))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"report.pdf\" is empty. Choose a file that has content.");
    }

    @Test
    void filesOverTheLimitAreRefusedBeforeTheyAreRead() {
        FileInspector small = new FileInspector(2048);
        byte[] pdf = Arrays.copyOf(SampleFiles.pdf(), 4096);
        assertThatThrownBy(() -> small.inspect("big.pdf", pdf.length, limit -> {
            throw new AssertionError("an upload that declares its size too large must not be read");
        })).isInstanceOf(AttachmentRejectedException.class)
                .hasMessage("\"big.pdf\" is 4 KB; files can be at most 2 KB.");
        // a size declared too small does not help: at most limit + 1 bytes are read, then it is refused
        assertThatThrownBy(() -> small.inspect("big.pdf", 10, FileInspector.ContentSource.of(pdf)))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("files can be at most 2 KB");
        assertThat(small.inspect("ok.pdf", 2048, FileInspector.ContentSource.of(Arrays.copyOf(pdf, 2048))).size())
                .isEqualTo(2048);
    }

    @Test
    void aPathInTheNameIsDroppedFromTheStoredName() {
        assertThat(inspect("../../etc/passwd.pdf", SampleFiles.pdf()).fileName()).isEqualTo("passwd.pdf");
        assertThat(inspect("C:\\Users\\amina\\Desktop\\report.pdf", SampleFiles.pdf()).fileName())
                .isEqualTo("report.pdf");
    }
}
