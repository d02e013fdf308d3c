package org.gcmreview.submission.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gcmreview.reference.Objective;
import org.gcmreview.support.Csv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The synthesis grid as CSV and XLSX: one line per country, one column per objective, the cell the reported
 * status (empty: not covered). Titles and names come from users, so the CSV neutralises anything a spreadsheet
 * would run as a formula; in the XLSX every cell is a plain string anyway.
 */
@Component
class SynthesisExport {

    private final MessageSource messages;

    SynthesisExport(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] csv(Synthesis synthesis, Locale locale) {
        StringBuilder out = new StringBuilder(Csv.BOM);
        for (List<String> line : lines(synthesis, locale)) {
            out.append(Csv.quotedLine(line));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx(Synthesis synthesis, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(synthesis.round().code());
            XSSFCellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<String>> lines = lines(synthesis, locale);
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> line = lines.get(r);
                for (int c = 0; c < line.size(); c++) {
                    var cell = row.createCell(c);
                    cell.setCellValue(line.get(c));
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.createFreezePane(2, 1);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header line, then one line per country. */
    List<List<String>> lines(Synthesis synthesis, Locale locale) {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(text("submission.col.country", locale), "ISO3",
                text("submission.col.report", locale), text("submission.col.version", locale), "SHA-256",
                text("submission.col.review", locale)));
        for (Objective objective : synthesis.objectives()) {
            header.add(text("submission.objectiveNumber", locale, objective.number()));
        }
        lines.add(header);
        for (Synthesis.Row row : synthesis.rows()) {
            List<String> line = new ArrayList<>(List.of(row.countryName(), row.iso3(), row.title(),
                    String.valueOf(row.versionNo()), row.sha256(),
                    text("submission.status." + row.status().name(), locale)));
            for (Objective objective : synthesis.objectives()) {
                Synthesis.Cell cell = row.cell(objective.number());
                line.add(cell == null ? "" : text("submission.cell." + cell.name(), locale));
            }
            lines.add(line);
        }
        return lines;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
