package org.gcmreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables (docs/architecture.md): SQL in one module must not name another module's table, it
 * goes through the owning module's API instead. A simple scan of the SQL text in the string literals of each
 * module's classes: a table name after FROM, JOIN, INTO, UPDATE or TABLE. The places that did so when this test
 * was written are listed below with the reason, as known exceptions to work off; a new one fails, and so does an
 * exception that no longer happens (remove it from the list).
 */
class TableOwnershipTest {

    static final Map<String, String> OWNER = new LinkedHashMap<>();

    static {
        own("identity", "app_user login_failure login_lock totp_credential recovery_code two_factor_country deputy");
        own("audit", "audit_event");
        own("reference", "objective objective_action objective_sdg_target guiding_principle country "
                + "regional_commission stakeholder_type");
        own("cycle", "review_cycle cycle_objective ministry ministry_assignment cycle_withdrawal cycle_plan "
                + "cycle_plan_change ministry_absence cycle_ministry_change");
        own("report", "contribution contribution_indicator contribution_revision report_section section_indicator "
                + "section_revision report_version report_comment report_comment_decision word_import follow_up_item");
        own("signoff", "signoff_decision signoff_requested_section endorsement");
        own("attachment", "attachment");
        own("consultation", "consultation_window consultation_open_target consultation_extension consultation_input "
                + "submission_rate_event organisation");
        own("submission", "review_round submission submission_handover secretariat_api_token round_late_acceptance "
                + "imrf_waiting report_translation");
        own("cluster", "spring_session spring_session_attributes");
        own("people", "password_link password_reset_request");
        own("notices", "mail_outbox notice notice_preference notice_link_key");
    }

    /** Module/Class -> the other modules' tables it names today, each with why. */
    static final Map<String, Set<String>> KNOWN_EXCEPTIONS = new TreeMap<>();

    static {
        exception("attachment", "AttachmentRepository",
                "app_user consultation_input consultation_window contribution report_section report_version "
                        + "review_cycle review_round submission",
                "checks the owner of an attachment (contribution, report section, consultation input) and its cycle "
                        + "in one query, and for a secretariat whether a version submitted to its own round froze "
                        + "the file (issue 13); needs owner-lookup APIs in report, consultation and submission");
        exception("consultation", "ConsultationAnnouncements", "country review_cycle",
                "the public list and a stakeholder's own page show each consultation with its cycle's title and "
                        + "country: a read model cycle should publish");
        exception("consultation", "ConsultationInputs", "report_section section_revision stakeholder_type",
                "an input is shown with the section revision its response links to; the moderation filter and "
                        + "what-we-heard group by stakeholder type");
        exception("consultation", "ConsultationWindows", "app_user cycle_objective objective",
                "a window is open for the cycle's objectives in scope (with their short titles); an extension "
                        + "names who extended it");
        exception("consultation", "InputResponses", "app_user report_section section_revision",
                "the coordinator links a response to a revision of the cycle's report sections, chosen by section, "
                        + "number and author; should go through report's revision history API");
        exception("consultation", "Organisations", "app_user country stakeholder_type",
                "organisation contacts are app users created with the organisation in one statement; country and "
                        + "stakeholder type names joined for display");
        exception("cycle", "CycleWithdrawals", "app_user",
                "names who withdrew a cycle and who reopened it (display names) on the administrator's list");
        exception("cycle", "CycleStarter", "country review_round",
                "picks the open regional round and IMRF edition for a new cycle from review_round; country name for "
                        + "display");
        exception("cycle", "ReviewCycles", "country review_round submission",
                "cycle list shows the country name, its rounds and whether a submission exists: a read model "
                        + "submission should publish");
        exception("demo", "DemoDataSeeder",
                "app_user country ministry organisation regional_commission stakeholder_type",
                "seeds demo rows into identity, cycle, consultation and reference tables at start-up; demo only");
        exception("identity", "IdentityDirectory", "country ministry regional_commission",
                "user administration lists users with their country, ministry and commission names");
        exception("identity", "UserAccountRepository", "country ministry regional_commission",
                "a ministry user is resolved to their ministry (code, country) at sign-in; single sign-on checks a "
                        + "claimed country, ministry code and commission exist");
        exception("report", "Contributions", "ministry ministry_assignment objective",
                "contributions are listed with their ministry and objective titles and created from "
                        + "ministry_assignment in one insert-select");
        exception("report", "Comments", "app_user",
                "a comment is shown with its author's and resolver's names (issue 16.2)");
        exception("report", "ReportVersions", "country review_cycle",
                "the frozen JSON carries the country name and cycle fields, read in the freeze's own query");
        exception("report", "RevisionHistory", "app_user ministry ministry_assignment objective",
                "revision history shows who changed what (user, ministry under the name it had when the cycle was "
                        + "scoped) and the objective title");
        exception("consultation", "StakeholderHomeController", "review_cycle",
                "a stakeholder's landing page lists the consultations of their country's cycles (issue 17)");
        exception("people", "CountryMinistries", "ministry",
                "the coordinator keeps the country's ministries (issue 20) in the table the cycle module scopes "
                        + "from; the table should move to people with cycle reading it through People's API");
        exception("people", "PasswordLinks", "app_user",
                "setting a password through a single-use link writes the account's password hash; identity "
                        + "should offer that as a method");
        exception("people", "People", "app_user ministry",
                "inviting, moving and disabling focal points and accounts writes identity's accounts; identity "
                        + "should offer account management as an API");
        exception("progress", "CycleStory", "consultation_window report_version review_round submission",
                "the cycle page's timeline (issue 17) reads the dates of the consultation window and of each "
                        + "submission; a read model published by consultation and submission would replace it");
        exception("signoff", "Endorsements", "app_user report_version",
                "endorsements are shown with the endorsing user and the endorsed version number");
        exception("signoff", "SignOffDecisions", "app_user ministry ministry_assignment report_section",
                "decisions are listed with ministries, assignments, requested report sections and deciders");
        exception("submission", "ApiTokens", "app_user",
                "a bearer token resolves to its user (role, commission) in one query, on every API request");
        exception("submission", "NotifySubmissionDeadlinePassed", "country",
                "counts the commission's member states that did not submit");
        exception("submission", "ObjectiveSections", "report_section section_indicator section_revision",
                "the clarification answer edits objective sections (with revisions and indicators) under optimistic "
                        + "locking; should go through report's editor API");
        exception("submission", "PublishedReports",
                "consultation_input consultation_window country regional_commission review_cycle",
                "the public pages list published cycles with country, commission and consultation figures: a read "
                        + "model to be published by cycle and consultation");
        exception("submission", "ReviewRoundDemoData", "regional_commission",
                "demo rounds, one per commission (demo only)");
        exception("submission", "ReviewRounds", "country",
                "rounds are listed with their commission's member states");
        exception("submission", "RoundOverview", "country report_version review_cycle",
                "secretariat workspace: every country of a round with its cycle and latest version (benchmarked "
                        + "query, docs/benchmarks.md)");
        exception("submission", "SecretariatWorkspace", "country report_version review_cycle",
                "secretariat workspace: cycles submitted to a round with country, status and version (benchmarked "
                        + "query)");
        exception("submission", "Submissions", "app_user country report_version review_cycle",
                "submissions listed with the confirming user, the country and the submitted version");
        exception("submission", "SynthesisGrid", "country report_version review_cycle",
                "synthesis grid built from the latest submitted version of each country (benchmarked query)");
    }

    private static final Pattern TABLE = Pattern.compile("\\b(from|join|into|update|table)\\s+(only\\s+)?([a-z_]+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "gcmreview");

    @Test
    void sqlNamesOnlyItsOwnModulesTablesApartFromTheKnownExceptions() throws IOException {
        Map<String, Set<String>> found = foreignTables();
        assertThat(found).as("SQL naming another module's table (module/Class -> tables)")
                .isEqualTo(KNOWN_EXCEPTIONS);
    }

    @Test
    void theScanFindsTablesInSql() throws IOException {
        // the scan itself works: a module's own tables are found too
        assertThat(tablesIn("select c.id from review_cycle c join country k on k.iso3 = c.country_iso3"))
                .containsExactly("review_cycle", "country");
        assertThat(tablesIn("insert into audit_event (actor) values (?)")).containsExactly("audit_event");
        assertThat(foreignTables()).isNotEmpty();
    }

    static Map<String, Set<String>> foreignTables() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                String type = file.getFileName().toString().replace(".java", "");
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    for (String table : tablesIn(text)) {
                        String owner = OWNER.get(table);
                        if (owner != null && !owner.equals(module)) {
                            found.computeIfAbsent(module + "/" + type, k -> new TreeSet<>()).add(table);
                        }
                    }
                }
            }
        }
        return found;
    }

    static List<String> tablesIn(String sql) {
        List<String> tables = new ArrayList<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            tables.add(m.group(3).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    private static void own(String module, String tables) {
        for (String table : tables.split(" ")) {
            OWNER.put(table, module);
        }
    }

    private static void exception(String module, String type, String tables, String reason) {
        assertThat(reason).isNotBlank();
        KNOWN_EXCEPTIONS.put(module + "/" + type, new TreeSet<>(List.of(tables.split(" "))));
    }
}
