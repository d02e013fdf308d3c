package org.gcmreview.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gcmreview.attachment.AttachmentRejectedException;
import org.gcmreview.attachment.AttachmentService;
import org.gcmreview.attachment.AttachmentType;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.WordFormat.Field;
import org.gcmreview.tasks.TaskSubmission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded .docx against a ministry's contribution and maps it back, or refuses it with what to fix.
 * The file goes through the evidence files' checks first ({@link AttachmentService#inspect}: size limit, type by
 * content, macros, archive bombs); then it must be a contribution file this product wrote for this very cycle
 * and ministry, with every section and field heading as written; then the fields pass exactly the checks of the
 * drafting form ({@link Edits}), so a file can store nothing the form could not.
 */
@Component
class WordImport {

    /** The edits that change something (against the contributions as they are now), in the file's language. */
    record Mapped(List<ContentEdit> changes, Locale language) {
    }

    private final AttachmentService attachments;
    private final WordExport export;
    private final Edits edits;
    private final DraftingMessages messages;
    private final MessageSource messageSource;

    WordImport(AttachmentService attachments, WordExport export, Edits edits, DraftingMessages messages,
            MessageSource messageSource) {
        this.attachments = attachments;
        this.export = export;
        this.edits = edits;
        this.messages = messages;
        this.messageSource = messageSource;
    }

    Mapped map(MultipartFile file, ReviewCycle cycle, Ministry ministry, List<Contribution> mine) {
        WordReader.Read read = read(file);
        String format = read.property(WordFormat.FORMAT);
        if (format.equals(WordFormat.REPORT)) {
            throw refused("word.refused.report");
        }
        if (!format.equals(WordFormat.CONTRIBUTION)) {
            throw refused("word.refused.notOurs");
        }
        if (!read.property(WordFormat.CYCLE).equals(String.valueOf(cycle.id()))
                || !read.property(WordFormat.MINISTRY).equals(String.valueOf(ministry.id()))
                || !read.property(WordFormat.COUNTRY).equals(cycle.countryIso3())) {
            throw refused("word.refused.otherContribution", cycle.title(), ministry.name());
        }
        Locale language = Locale.forLanguageTag(read.property(WordFormat.LANGUAGE));
        checkStructure(read, mine, language);

        Map<String, String> errors = new LinkedHashMap<>();
        List<ContentEdit> changes = new ArrayList<>();
        for (Contribution c : mine) {
            MultiValueMap<String, String> fields = fields(read, c, language, errors);
            String label = messages.get("drafting.label.objective", String.valueOf(c.objectiveNumber()));
            Optional<FormEdit> edit = edits.read(TaskSubmission.of(fields), c.id(), true, label, errors);
            edit.map(e -> e.over(c.content())).filter(e -> !e.content().equals(c.content())).ifPresent(changes::add);
        }
        if (!errors.isEmpty()) {
            throw new WordRefusal(List.copyOf(new java.util.LinkedHashSet<>(errors.values())));
        }
        return new Mapped(changes, language);
    }

    /** Opens the file, or refuses it: too large, not a Word document, macro-enabled, unreadable. */
    private WordReader.Read read(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".docm") || name.endsWith(".dotm")) {
            throw refused("word.refused.macros");
        }
        try {
            if (attachments.inspect(file).type() != AttachmentType.DOCX) {
                throw refused("word.refused.notDocx");
            }
        } catch (AttachmentRejectedException e) {
            // "not a type that can be attached" would name the evidence types: say what this upload wants
            String code = e.getCodes() == null ? "" : e.getCodes()[0];
            if (code.endsWith(".notAllowed") || code.endsWith(".zipNotOffice") || code.endsWith(".damaged")
                    || code.endsWith(".wrongExtension")) {
                throw refused("word.refused.notDocx");
            }
            throw new WordRefusal(messageSource.getMessage(e, LocaleContextHolder.getLocale()));
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.getBytes()))) {
            for (PackagePart part : doc.getPackage().getParts()) {
                String type = part.getContentType().toLowerCase(Locale.ROOT);
                if (type.contains("macroenabled") || type.contains("vba")
                        || part.getPartName().getName().toLowerCase(Locale.ROOT).contains("vbaproject")) {
                    throw refused("word.refused.macros");
                }
            }
            return WordReader.read(doc);
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            if (e instanceof WordRefusal refusal) {
                throw refusal;
            }
            throw refused("word.refused.unreadable");
        }
    }

    /** Every section and field heading of the ministry's objectives as written, and no one else's. */
    private void checkStructure(WordReader.Read read, List<Contribution> mine, Locale language) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new java.util.HashSet<>();
        for (Contribution c : mine) {
            String heading = export.headingOf(c.objectiveNumber(), c.objectiveTitle(), language);
            expected.add(WordFormat.marker(c.id()));
            WordReader.Part objective = read.parts().get(WordFormat.marker(c.id()));
            if (objective == null || !objective.heading.equals(SectionContent.normalise(heading))) {
                problems.add(messages.get("word.refused.sectionMissing", heading));
                continue;
            }
            for (Field field : Field.values()) {
                expected.add(WordFormat.marker(c.id(), field));
                String title = export.fieldHeading(field, language);
                WordReader.Part part = read.parts().get(WordFormat.marker(c.id(), field));
                if (part == null || !part.heading.equals(title)) {
                    problems.add(messages.get("word.refused.fieldMissing", heading, title));
                }
            }
        }
        if (read.parts().keySet().stream().anyMatch(marker -> !expected.contains(marker))) {
            problems.add(0, messages.get("word.refused.foreignSection"));
        }
        if (!problems.isEmpty()) {
            throw new WordRefusal(problems);
        }
    }

    /** The file's fields of one contribution as the drafting form would send them. */
    private MultiValueMap<String, String> fields(WordReader.Read read, Contribution c, Locale language,
            Map<String, String> errors) {
        long id = c.id();
        String label = messages.get("drafting.label.objective", String.valueOf(c.objectiveNumber()));
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("version-" + id, String.valueOf(c.lockVersion()));
        fields.add("status-" + id, status(part(read, id, Field.STATUS).text(), language, label, id, errors));
        Map<Field, String> names = Map.of(Field.NARRATIVE, "body-", Field.MEASURES, "measures-", Field.PRACTICES,
                "practices-", Field.CHALLENGES, "challenges-");
        for (Field field : List.of(Field.NARRATIVE, Field.MEASURES, Field.PRACTICES, Field.CHALLENGES)) {
            WordReader.Part part = part(read, id, field);
            if (!part.tables.isEmpty()) {
                errors.put(names.get(field) + id, messages.get("word.refused.tableInText", label,
                        export.fieldHeading(field, language)));
            }
            fields.add(names.get(field) + id, part.text());
        }
        WordReader.Part indicators = part(read, id, Field.INDICATORS);
        if (indicators.tables.size() != 1) {
            errors.put("indrows-" + id, messages.get("word.refused.indicatorTable", label));
            fields.add("indrows-" + id, "0");
            return fields;
        }
        List<List<String>> rows = indicators.tables.get(0);
        if (rows.isEmpty() || !rows.get(0).equals(export.indicatorHeader(language))) {
            errors.put("indrows-" + id, messages.get("word.refused.indicatorHeader", label));
        }
        List<List<String>> data = rows.isEmpty() ? List.of() : rows.subList(1, rows.size());
        if (data.size() > IndicatorRows.MAX_ROWS) {
            errors.put("indrows-" + id, messages.get("word.refused.indicatorRows", label, data.size(),
                    IndicatorRows.MAX_ROWS));
        } else if (data.stream().anyMatch(row -> row.size() != WordFormat.COLUMNS)) {
            errors.put("indrows-" + id, messages.get("word.refused.indicatorHeader", label));
        }
        if (errors.containsKey("indrows-" + id)) {
            fields.add("indrows-" + id, "0");
            return fields;
        }
        fields.add("indrows-" + id, String.valueOf(data.size()));
        String[] columns = {"name", "value", "unit", "source", "year"};
        for (int n = 0; n < data.size(); n++) {
            for (int col = 0; col < columns.length; col++) {
                fields.add("ind-" + id + "-" + n + "-" + columns[col], data.get(n).get(col));
            }
        }
        return fields;
    }

    private static WordReader.Part part(WordReader.Read read, long id, Field field) {
        return read.parts().get(WordFormat.marker(id, field));
    }

    /** A status as the export wrote it (in the file's language, or English, or the code); "" for none. */
    private String status(String text, Locale language, String label, long id, Map<String, String> errors) {
        if (text.isEmpty() || text.equals(messages.in(language, "drafting.status.none"))) {
            return "";
        }
        for (ImplementationStatus s : ImplementationStatus.values()) {
            if (text.equalsIgnoreCase(export.statusText(s.name(), language)) || text.equalsIgnoreCase(s.label())
                    || text.equals(s.name())) {
                return s.name();
            }
        }
        errors.put("status-" + id, messages.get("word.refused.status", label, text, java.util.Arrays
                .stream(ImplementationStatus.values()).map(s -> export.statusText(s.name(), language))
                .collect(Collectors.joining(", "))));
        return "";
    }

    private WordRefusal refused(String key, Object... args) {
        return new WordRefusal(messages.get(key, args));
    }
}
