package org.gcmreview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.WordFormat.Field;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;

/**
 * Writes a ministry's contribution or the whole draft report as a .docx (Apache POI): a heading per objective
 * ("Objective 3: ..."), a sub-heading per structured field with its text as paragraphs (one per line), the
 * indicators as a real Word table, and the report's other sections. The markers of {@link WordFormat} make the
 * file mappable back; {@link WordReader} reads it.
 */
@Component
class WordExport {

    private final DraftingMessages messages;

    WordExport(DraftingMessages messages) {
        this.messages = messages;
    }

    /** The contributions of one ministry in a cycle, in objective order: the file the ministry can upload back. */
    byte[] contribution(ReviewCycle cycle, Ministry ministry, List<Contribution> mine, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument()) {
            Writer w = new Writer(doc, locale);
            properties(doc, WordFormat.CONTRIBUTION, cycle, ministry.id(), locale);
            w.heading(0, cycle.title() + " · " + ministry.name(), null);
            w.text(messages.in(locale, "word.doc.contributionIntro"));
            for (Contribution c : mine) {
                w.heading(1, headingOf(c.objectiveNumber(), c.objectiveTitle(), locale),
                        WordFormat.marker(c.id()));
                w.fields(c.id(), c.content());
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The draft report: every section in report order (read only: reports are not uploaded back). */
    byte[] report(ReviewCycle cycle, List<ReportSection> sections, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument()) {
            Writer w = new Writer(doc, locale);
            properties(doc, WordFormat.REPORT, cycle, null, locale);
            w.heading(0, cycle.title(), null);
            w.text(messages.in(locale, "word.doc.reportIntro"));
            for (ReportSection s : sections) {
                w.heading(1, s.title(), WordFormat.marker(s.id()));
                if (s.objective()) {
                    w.fields(s.id(), s.content());
                } else {
                    w.text(s.content().narrative());
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String headingOf(int objectiveNumber, String objectiveTitle, Locale locale) {
        return messages.in(locale, "drafting.label.objectiveTitle", String.valueOf(objectiveNumber), objectiveTitle);
    }

    String fieldHeading(Field field, Locale locale) {
        return messages.in(locale, field.labelKey);
    }

    String statusText(String status, Locale locale) {
        return status == null ? "" : messages.in(locale, "drafting.status." + status);
    }

    List<String> indicatorHeader(Locale locale) {
        return List.of(messages.in(locale, "drafting.indicator.name"), messages.in(locale, "drafting.indicator.value"),
                messages.in(locale, "drafting.indicator.unit"), messages.in(locale, "drafting.indicator.source"),
                messages.in(locale, "drafting.indicator.year"));
    }

    private static void properties(XWPFDocument doc, String format, ReviewCycle cycle, Long ministryId,
            Locale locale) {
        POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
        custom.addProperty(WordFormat.FORMAT, format);
        custom.addProperty(WordFormat.CYCLE, String.valueOf(cycle.id()));
        custom.addProperty(WordFormat.COUNTRY, cycle.countryIso3());
        custom.addProperty(WordFormat.LANGUAGE, locale.toLanguageTag());
        if (ministryId != null) {
            custom.addProperty(WordFormat.MINISTRY, String.valueOf(ministryId));
        }
        doc.getProperties().getCoreProperties().setTitle(cycle.title());
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    /** Writes into one document. */
    private final class Writer {

        private final XWPFDocument doc;
        private final Locale locale;
        private int bookmarks;

        Writer(XWPFDocument doc, Locale locale) {
            this.doc = doc;
            this.locale = locale;
            styles(doc);
        }

        void fields(long id, SectionContent content) {
            heading(2, fieldHeading(Field.STATUS, locale), WordFormat.marker(id, Field.STATUS));
            text(statusText(content.status(), locale));
            heading(2, fieldHeading(Field.NARRATIVE, locale), WordFormat.marker(id, Field.NARRATIVE));
            text(content.narrative());
            heading(2, fieldHeading(Field.MEASURES, locale), WordFormat.marker(id, Field.MEASURES));
            text(content.measures());
            heading(2, fieldHeading(Field.PRACTICES, locale), WordFormat.marker(id, Field.PRACTICES));
            text(content.practices());
            heading(2, fieldHeading(Field.CHALLENGES, locale), WordFormat.marker(id, Field.CHALLENGES));
            text(content.challenges());
            heading(2, fieldHeading(Field.INDICATORS, locale), WordFormat.marker(id, Field.INDICATORS));
            table(content.indicators());
        }

        /** Level 0 is the document's title. */
        void heading(int level, String text, String marker) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(level == 0 ? "Title" : "Heading" + level);
            if (marker == null) {
                p.createRun().setText(text);
                return;
            }
            CTBookmark start = p.getCTP().addNewBookmarkStart();
            BigInteger id = BigInteger.valueOf(++bookmarks);
            start.setId(id);
            start.setName(marker);
            p.createRun().setText(text);
            p.getCTP().addNewBookmarkEnd().setId(id);
        }

        /** One paragraph per line; an empty text is one empty paragraph, where the user writes. */
        void text(String text) {
            for (String line : text.split("\n", -1)) {
                doc.createParagraph().createRun().setText(line);
            }
        }

        /** A header row, the indicators, and one empty row to add to (as the form offers), at most 21 rows. */
        void table(List<Indicator> indicators) {
            XWPFTable table = doc.createTable(1, WordFormat.COLUMNS);
            List<String> header = indicatorHeader(locale);
            XWPFTableRow head = table.getRow(0);
            head.setRepeatHeader(true);
            for (int i = 0; i < WordFormat.COLUMNS; i++) {
                head.getCell(i).setText(header.get(i));
            }
            for (Indicator indicator : indicators) {
                row(table, List.of(indicator.name(), indicator.value(), indicator.unit(), indicator.source(),
                        String.valueOf(indicator.year())));
            }
            if (indicators.size() < IndicatorRows.MAX_ROWS) {
                row(table, List.of("", "", "", "", ""));
            }
            doc.createParagraph();
        }

        private void row(XWPFTable table, List<String> cells) {
            XWPFTableRow row = table.createRow();
            for (int i = 0; i < WordFormat.COLUMNS; i++) {
                row.getCell(i).setText(cells.get(i));
            }
        }
    }

    /** Title and heading styles, so that Word's navigation pane and outline show the report's structure. */
    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        String[][] defined = {{"Title", "Title", "36"}, {"Heading1", "heading 1", "30"}, {"Heading2", "heading 2", "24"}};
        int level = 0;
        for (String[] d : defined) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId(d[0]);
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal(d[1]);
            style.addNewQFormat();
            if (level > 0) {
                style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            }
            CTRPr run = style.addNewRPr();
            run.addNewB();
            run.addNewSz().setVal(new BigInteger(d[2]));
            styles.addStyle(new XWPFStyle(style, styles));
            level++;
        }
    }
}
