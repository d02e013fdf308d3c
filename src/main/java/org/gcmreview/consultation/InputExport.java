package org.gcmreview.consultation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gcmreview.support.Csv;
import org.springframework.stereotype.Component;

/**
 * All inputs of a consultation with their moderation and responses, for the coordinator: as CSV (RFC 4180,
 * UTF-8 with a byte order mark so Excel reads the accents) and as XLSX (streamed, so a large consultation
 * does not sit in memory).
 */
@Component
class InputExport {

    private static final int ROWS_IN_MEMORY = 100;

    private final ConsultationMessages messages;

    InputExport(ConsultationMessages messages) {
        this.messages = messages;
    }

    List<String> header() {
        return List.of("reference", "received", "status", "moderationReason", "duplicateOf", "organisation",
                "stakeholderType", "authorName", "authorEmail", "about", "language", "input", "outcome",
                "explanation", "revision", "respondedAt").stream()
                .map(column -> messages.get("consultation.export.column." + column)).toList();
    }

    List<String> row(ConsultationInput input) {
        List<String> cells = new ArrayList<>();
        cells.add(input.reference());
        cells.add(iso(input.submittedAt()));
        cells.add(messages.get("consultation.status." + input.status().name()));
        cells.add(input.moderationReason());
        cells.add(input.duplicateOfReference());
        cells.add(input.organisationName());
        cells.add(messages.typeName(input.authorType(), null));
        cells.add(input.authorName());
        cells.add(input.authorEmail());
        cells.add(input.target().isObjective()
                ? messages.get("consultation.target.objective", input.objectiveNumber())
                : messages.get("consultation.section." + input.sectionKind()));
        cells.add(input.language());
        cells.add(input.body());
        cells.add(input.responseOutcome() == null ? null : messages.get(input.responseOutcome().labelKey()));
        cells.add(input.responseText());
        cells.add(input.revisionNo() == null ? null
                : messages.get("consultation.revision.label", input.revisionSectionTitle(), input.revisionNo()));
        cells.add(iso(input.respondedAt()));
        return cells;
    }

    void writeCsv(List<ConsultationInput> inputs, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(Csv.BOM);
        writer.write(Csv.line(header()));
        for (ConsultationInput input : inputs) {
            writer.write(Csv.line(row(input)));
        }
        writer.flush();
    }

    /**
     * Every value is written as a string cell, never as a formula, so "=HYPERLINK(...)" in an input stays the
     * text it was.
     */
    void writeXlsx(List<ConsultationInput> inputs, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(messages.get("consultation.export.sheet"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            List<String> header = header();
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c == 11 || c == 13 ? 60 : 18) * 256);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (ConsultationInput input : inputs) {
                Row row = sheet.createRow(r++);
                List<String> cells = row(input);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        Cell cell = row.createCell(c);
                        // Excel cells hold at most 32767 characters; inputs are far below that
                        cell.setCellValue(cells.get(c));
                        if (c == 11 || c == 13) {
                            cell.setCellStyle(wrapped);
                        }
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
