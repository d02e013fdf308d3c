package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The coordinator's exports of all inputs with their responses: CSV that any RFC 4180 reader splits back into
 * exactly the stored values (apart from the apostrophe that keeps formulas from running), and XLSX with
 * string cells only. Nobody else gets them.
 */
@ApplicationTest
class InputExportTest {

    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String PLUS = "+1+cmd|' /C calc'!A0 is a classic payload";
    static final String MINUS = "-2 is how I rate objective 2";
    static final String AT = "@SUM(1+1) everywhere";
    static final String QUOTED = "He said \"yes\", then\nleft, and came back; Égalité — مرحبا";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    String csvPath;
    String xlsxPath;

    @BeforeEach
    void setUp() throws Exception {
        scenario = scenarios.start();
        scenario.openWindow();
        scenario.allowIndividuals();
        csvPath = "/cycles/" + scenario.cycle.id() + "/consultation/inputs.csv";
        xlsxPath = "/cycles/" + scenario.cycle.id() + "/consultation/inputs.xlsx";
        CurrentUser stakeholder = scenario.stakeholder();
        for (String body : List.of(SCRIPT, FORMULA, PLUS, MINUS, AT, QUOTED)) {
            mvc.perform(scenario.input(stakeholder, "objective:1", body)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(scenario.individualInput("Never Confirmed", "nc@example.org", "objective:2",
                "This individual never confirmed.")).andExpect(status().is3xxRedirection());
        long hidden = scenario.inputId(scenario.referenceOf(SCRIPT));
        mvc.perform(post("/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + hidden + "/hide")
                .with(as(scenario.coordinator)).with(csrf()).param("reason", "=cmd|' /C calc'!A0"));
        jdbc.sql("""
                update consultation_input set response_outcome = 'PARTLY', response_text = '@risk, partly "done"'
                 where reference = ?""").param(scenario.referenceOf(QUOTED)).update();
    }

    @Test
    void theCsvIsRfc4180Utf8WithABomAndNeverAFormula() throws Exception {
        byte[] bytes = mvc.perform(get(csvPath).with(as(scenario.coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Type", containsString("charset=UTF-8")))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"" + scenario.cycle.businessKey() + "-consultation-inputs.csv\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Reference,Received (UTC),Status,").contains("\r\n").endsWith("\r\n");
        List<List<String>> rows = parse(text);
        assertThat(rows.get(0)).hasSize(16);
        assertThat(rows).hasSize(7); // header and six confirmed inputs; the unconfirmed one is not there
        assertThat(text).doesNotContain("This individual never confirmed.");

        assertThat(body(rows, SCRIPT)).isEqualTo(SCRIPT);
        assertThat(cell(rows, SCRIPT, "Status")).isEqualTo("Hidden");
        assertThat(cell(rows, SCRIPT, "Moderation reason")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(body(rows, FORMULA)).isEqualTo("'" + FORMULA);
        assertThat(body(rows, PLUS)).isEqualTo("'" + PLUS);
        assertThat(body(rows, MINUS)).isEqualTo("'" + MINUS);
        assertThat(body(rows, AT)).isEqualTo("'" + AT);
        assertThat(body(rows, QUOTED)).isEqualTo(QUOTED);
        assertThat(cell(rows, QUOTED, "Outcome")).isEqualTo("Partly accepted");
        assertThat(cell(rows, QUOTED, "Explanation")).isEqualTo("'@risk, partly \"done\"");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        // no cell of the file starts with a formula character
        rows.stream().flatMap(List::stream).forEach(cell -> assertThat(cell).doesNotStartWith("=")
                .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@"));
    }

    @Test
    void theXlsxHoldsEveryValueAsAStringCell() throws Exception {
        byte[] bytes = mvc.perform(get(xlsxPath).with(as(scenario.coordinator)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"" + scenario.cycle.businessKey() + "-consultation-inputs.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reference");
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            List<String> bodies = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
                }
                bodies.add(row.getCell(11).getStringCellValue());
            }
            assertThat(bodies).contains(SCRIPT, FORMULA, PLUS, MINUS, AT, QUOTED)
                    .doesNotContain("This individual never confirmed.");
        }
    }

    @Test
    void onlyTheCountrysCoordinatorExports() throws Exception {
        List<CurrentUser> others = List.of(scenario.users.coordinator("GHA"), scenario.stakeholder(),
                scenario.users.ministry("KEN", "INTERIOR"), scenario.users.admin(), scenario.users.imrfSecretariat());
        for (CurrentUser other : others) {
            mvc.perform(get(csvPath).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get(xlsxPath).with(as(other))).andExpect(status().isForbidden());
        }
        mvc.perform(get(csvPath)).andExpect(status().is3xxRedirection());
    }

    private static String body(List<List<String>> rows, String original) {
        return cell(rows, original, "Input");
    }

    /** The cell in the given column of the row whose input is the original text (with or without apostrophe). */
    private static String cell(List<List<String>> rows, String original, String column) {
        int input = rows.get(0).indexOf("Input");
        int wanted = rows.get(0).indexOf(column);
        return rows.stream().skip(1)
                .filter(r -> r.get(input).equals(original) || r.get(input).equals("'" + original))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + original)).get(wanted);
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '"' || c == '\n' || c == '\r') {
                throw new AssertionError("unquoted " + (int) c + " at " + i);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted || !row.isEmpty() || !cell.isEmpty()) {
            throw new AssertionError("the file does not end with a complete record");
        }
        return rows;
    }
}
