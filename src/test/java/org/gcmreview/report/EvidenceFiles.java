package org.gcmreview.report;

import java.nio.charset.StandardCharsets;

import org.gcmreview.attachment.SampleFiles;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Evidence files for the drafting tests as the upload form sends them; the files themselves are the attachment
 * feature's {@link SampleFiles}.
 */
final class EvidenceFiles {

    private EvidenceFiles() {
    }

    static MockMultipartFile file(String field, String name, byte[] content) {
        return new MockMultipartFile(field, name, "application/octet-stream", content);
    }

    static byte[] pdf() {
        return SampleFiles.pdf();
    }

    static byte[] png() {
        return SampleFiles.png();
    }

    /** A Windows executable's first bytes: no evidence type at all. */
    static byte[] executable() {
        return SampleFiles.exe();
    }

    static byte[] text() {
        return "Just some text pretending to be a PDF.".getBytes(StandardCharsets.UTF_8);
    }
}
