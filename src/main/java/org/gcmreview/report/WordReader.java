package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;

/**
 * What a .docx says, section by section, as {@link WordExport} marked it: the custom properties, and per
 * marked heading ({@link WordFormat}) its text, the paragraphs below it up to the next marked heading, and the
 * tables there. Knows nothing of contributions; {@link WordImport} checks and maps.
 */
final class WordReader {

    /** One marked heading and what follows it. */
    static final class Part {
        final String heading;
        final List<String> paragraphs = new ArrayList<>();
        final List<List<List<String>>> tables = new ArrayList<>();

        Part(String heading) {
            this.heading = heading;
        }

        /** The paragraphs as the text a form field holds: one line per paragraph. */
        String text() {
            return SectionContent.normalise(String.join("\n", paragraphs));
        }
    }

    /** The document's parts by marker, in document order, and its custom properties. */
    record Read(Map<String, String> properties, Map<String, Part> parts) {

        String property(String name) {
            return properties.getOrDefault(name, "");
        }
    }

    private WordReader() {
    }

    static Read read(XWPFDocument doc) {
        Map<String, String> properties = new LinkedHashMap<>();
        POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
        for (String name : List.of(WordFormat.FORMAT, WordFormat.CYCLE, WordFormat.MINISTRY, WordFormat.COUNTRY,
                WordFormat.LANGUAGE)) {
            CTProperty p = custom.getProperty(name);
            if (p != null && p.isSetLpwstr()) {
                properties.put(name, p.getLpwstr().trim());
            }
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        Part current = null;
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                String marker = marker(p);
                if (marker != null) {
                    current = new Part(SectionContent.normalise(p.getText()));
                    parts.putIfAbsent(marker, current);
                } else if (current != null) {
                    current.paragraphs.add(p.getText());
                }
            } else if (element instanceof XWPFTable t && current != null) {
                current.tables.add(rows(t));
            }
        }
        return new Read(properties, parts);
    }

    /** The first of our bookmarks that starts in the paragraph, or null. */
    private static String marker(XWPFParagraph p) {
        for (CTBookmark b : p.getCTP().getBookmarkStartList()) {
            if (b.getName() != null && b.getName().startsWith(WordFormat.PREFIX)) {
                return b.getName();
            }
        }
        return null;
    }

    private static List<List<String>> rows(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(SectionContent.normalise(cell.getText()));
            }
            rows.add(cells);
        }
        return rows;
    }
}
