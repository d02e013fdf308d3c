package org.gcmreview.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;

/** Edits a downloaded .docx the way a person would in Word, for the round-trip tests. */
final class WordFiles {

    final XWPFDocument doc;

    WordFiles(byte[] docx) throws IOException {
        this.doc = new XWPFDocument(new ByteArrayInputStream(docx));
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    /** Position in the body of the heading that carries this bookmark. */
    int heading(String marker) {
        List<IBodyElement> body = doc.getBodyElements();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof XWPFParagraph p) {
                for (CTBookmark b : p.getCTP().getBookmarkStartList()) {
                    if (marker.equals(b.getName())) {
                        return i;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no heading " + marker);
    }

    /** The first paragraph under the heading of a field. */
    XWPFParagraph firstParagraphUnder(String marker) {
        return (XWPFParagraph) doc.getBodyElements().get(heading(marker) + 1);
    }

    XWPFTable tableUnder(String marker) {
        return (XWPFTable) doc.getBodyElements().get(heading(marker) + 1);
    }

    /** Replaces the whole text of a paragraph, as typing over it does. */
    static void retype(XWPFParagraph p, String text) {
        while (p.getRuns().size() > 1) {
            p.removeRun(1);
        }
        if (p.getRuns().isEmpty()) {
            p.createRun();
        }
        p.getRuns().get(0).setText(text, 0);
    }

    static void retypeCell(XWPFTable table, int row, int column, String text) {
        retype(table.getRow(row).getCell(column).getParagraphs().get(0), text);
    }
}
