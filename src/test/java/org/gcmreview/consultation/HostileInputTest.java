package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Abuse and bad input: markup shown as text on every page that shows input, malformed requests refused with a
 * 4xx that names the problem and nothing stored, files checked like drafting evidence, and the submission rate
 * limit per organisation and per client address with a message saying when to come back.
 */
@ApplicationTest
class HostileInputTest {

    /** Script, event-handler, attribute break-out and entity tricks. */
    static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>\"><svg onload=alert(2)>&lt;b&gt;";
    static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    CurrentUser coordinator;
    CurrentUser stakeholder;

    @BeforeEach
    void setUp() {
        scenario = scenarios.open();
        coordinator = scenario.coordinator;
        stakeholder = scenario.stakeholder();
    }

    @Test
    void markupIsShownAsTextOnEveryPageThatShowsInput() throws Exception {
        jdbc.sql("update organisation set name = ? where id = ?").params("Forum " + PAYLOAD, stakeholder.organisationId())
                .update();
        mvc.perform(scenario.input(stakeholder, "objective:1", "Org: " + PAYLOAD)).andExpect(status().is3xxRedirection());
        mvc.perform(scenario.individualInput("Name " + PAYLOAD, "p@example.org", "section:POLICY", "Individual: " + PAYLOAD))
                .andExpect(status().is3xxRedirection());
        String org = scenario.referenceOf("Org: " + PAYLOAD);
        String individual = scenario.referenceOf("Individual: " + PAYLOAD);
        jdbc.sql("update consultation_input set confirmed_at = now(), confirmation_token_sha256 = null where reference = ?")
                .param(individual).update();
        String base = "/cycles/" + scenario.cycle.id() + "/consultation";
        mvc.perform(post(base + "/inputs/" + scenario.inputId(org) + "/publish").with(as(coordinator)).with(csrf()));
        mvc.perform(post(base + "/inputs/" + scenario.inputId(individual) + "/hide").with(as(coordinator)).with(csrf())
                .param("reason", "Reason " + PAYLOAD));
        mvc.perform(post(base + "/extend").with(as(coordinator)).with(csrf())
                .param("closesOn", scenario.closesAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(3).toString())
                .param("reason", "Extension " + PAYLOAD)).andExpect(status().is3xxRedirection());

        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("public page of the stakeholder", get("/consultations/" + scenario.cycle.businessKey()).with(as(stakeholder)));
        pages.put("public page after a refusal", scenario.input(stakeholder, "objective:1", "x"));
        pages.put("individual form after a refusal", scenario.individualInput(PAYLOAD, "not an address",
                "section:POLICY", "Again " + PAYLOAD));
        pages.put("steering page", get(base).with(as(coordinator)));
        pages.put("moderation queue", get(base + "/inputs").with(as(coordinator)));
        pages.put("organisation input", get(base + "/inputs/" + scenario.inputId(org)).with(as(coordinator)));
        pages.put("individual input", get(base + "/inputs/" + scenario.inputId(individual)).with(as(coordinator)));
        expectEscaped(pages);

        mvc.perform(post(base + "/close").with(as(coordinator)).with(csrf()));
        String task = scenario.respondTask().getId();
        long orgId = scenario.inputId(org);
        mvc.perform(post("/tasks/" + task).with(as(coordinator)).with(csrf()).param("action", "complete")
                .param("outcome-" + orgId, "ACCEPTED").param("explanation-" + orgId, "Response " + PAYLOAD))
                .andExpect(status().is3xxRedirection());
        pages.clear();
        pages.put("what we heard", get("/consultations/" + scenario.cycle.businessKey() + "/what-we-heard"));
        pages.put("public page after the window", get("/consultations/" + scenario.cycle.businessKey()));
        expectEscaped(pages);
        mvc.perform(get("/consultations/" + scenario.cycle.businessKey() + "/what-we-heard"))
                .andExpect(content().string(containsString("Response " + ESCAPED_SCRIPT)))
                .andExpect(content().string(containsString("Forum " + ESCAPED_SCRIPT)));
    }

    private void expectEscaped(Map<String, MockHttpServletRequestBuilder> pages) throws Exception {
        for (var page : pages.entrySet()) {
            String html = mvc.perform(page.getValue()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page.getKey()).contains(ESCAPED_SCRIPT)
                    .doesNotContain("<script>alert", "<img src=x", "<svg onload", "\"><svg", "onerror=alert(1)>");
        }
    }

    @Test
    void malformedRequestsGetAClear4xxAndNothingIsStored() throws Exception {
        String ok = "A perfectly valid input text.";
        Map<String, MockHttpServletRequestBuilder> requests = new LinkedHashMap<>();
        requests.put("no fields at all", form(Map.of()));
        requests.put("no body", form(fields("objective:1", null, "en", key())));
        requests.put("no target", form(fields(null, ok, "en", key())));
        requests.put("no language", form(fields("objective:1", ok, null, key())));
        requests.put("no idempotency key", form(fields("objective:1", ok, "en", null)));
        requests.put("language not a UN language", form(fields("objective:1", ok, "xx", key())));
        requests.put("language with markup", form(fields("objective:1", ok, "<script>", key())));
        requests.put("target not a number", form(fields("objective:abc", ok, "en", key())));
        requests.put("objective that does not exist", form(fields("objective:99", ok, "en", key())));
        requests.put("section that does not exist", form(fields("section:DROP TABLE", ok, "en", key())));
        requests.put("key not a UUID", form(fields("objective:1", ok, "en", "not-a-uuid")));
        requests.put("key in short UUID form", form(fields("objective:1", ok, "en", "1-1-1-1-1")));
        requests.put("key far too long", form(fields("objective:1", ok, "en", "a".repeat(10_000))));
        requests.put("body too long", form(fields("objective:1", "x".repeat(5001), "en", key())));
        requests.put("body only spaces", form(fields("objective:1", " ".repeat(50), "en", key())));
        requests.put("body too short", form(fields("objective:1", "short", "en", key())));
        Map<String, String> individual = fields("section:POLICY", ok, "en", key());
        individual.put("authorName", "Jane");
        individual.put("authorEmail", "jane@@example");
        requests.put("individual with a bad e-mail address", individualForm(individual));
        Map<String, String> nameless = fields("section:POLICY", ok, "en", key());
        nameless.put("authorName", "n".repeat(201));
        nameless.put("authorEmail", "n@example.org");
        requests.put("individual with a far too long name", individualForm(nameless));

        for (var request : requests.entrySet()) {
            String html = mvc.perform(request.getValue()).andReturn().getResponse().getContentAsString();
            int status = mvc.perform(request.getValue()).andReturn().getResponse().getStatus();
            assertThat(status).as(request.getKey()).isEqualTo(400);
            assertThat(html).as(request.getKey()).contains("Your input was not sent", "role=\"alert\"")
                    .doesNotContain("<script>");
        }
        assertThat(scenario.storedInputs()).isZero();

        // the form is shown again with a fresh, valid key when the one sent was not valid
        mvc.perform(form(fields("objective:1", ok, "en", "not-a-uuid")))
                .andExpect(content().string(matchesPattern(
                        "(?s).*name=\"idempotencyKey\" value=\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\".*")));
        // each field error is tied to its field
        mvc.perform(form(fields("objective:1", "x".repeat(5001), "en", key())))
                .andExpect(content().string(containsString("id=\"body-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"body-hint body-error\"")))
                .andExpect(content().string(containsString("href=\"#body\"")))
                .andExpect(content().string(containsString("it has 5001")));
    }

    @Test
    void filesAreCheckedLikeDraftingEvidence() throws Exception {
        String page = "/consultations/" + scenario.cycle.businessKey() + "/inputs";
        MockMultipartFile fake = new MockMultipartFile("attachment", "report.pdf", "application/pdf",
                "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(page).file(fake).with(as(stakeholder)).with(csrf())
                        .with(ConsultationScenario.from(scenario.address))
                        .param("idempotencyKey", key()).param("target", "objective:1").param("language", "en")
                        .param("body", "An input with a file that is not what it claims."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"attachment-error\"")));
        assertThat(scenario.storedInputs()).isZero();
        assertThat(attachments()).isZero();

        MockMultipartFile png = new MockMultipartFile("attachment", "chart.png", "image/png", png());
        mvc.perform(multipart(page).file(png).with(as(stakeholder)).with(csrf())
                        .with(ConsultationScenario.from(scenario.address))
                        .param("idempotencyKey", key()).param("target", "objective:1").param("language", "en")
                        .param("body", "An input with a real chart attached."))
                .andExpect(status().is3xxRedirection());
        String reference = scenario.referenceOf("An input with a real chart attached.");
        assertThat(jdbc.sql("""
                select file_name || '/' || media_type from attachment
                 where owner_kind = 'CONSULTATION_INPUT' and owner_id = ?""")
                .param(scenario.inputId(reference)).query(String.class).single()).isEqualTo("chart.png/image/png");
        mvc.perform(get("/cycles/" + scenario.cycle.id() + "/consultation/inputs/" + scenario.inputId(reference))
                        .with(as(coordinator)))
                .andExpect(content().string(containsString("chart.png")))
                .andExpect(content().string(containsString("/attachments/")));
        // a blank file field is no file
        MockMultipartFile none = new MockMultipartFile("attachment", "", "application/octet-stream", new byte[0]);
        mvc.perform(multipart(page).file(none).with(as(stakeholder)).with(csrf())
                        .with(ConsultationScenario.from(scenario.address))
                        .param("idempotencyKey", key()).param("target", "objective:1").param("language", "en")
                        .param("body", "An input without a file."))
                .andExpect(status().is3xxRedirection());
        assertThat(attachments()).isOne();
    }

    @Test
    void submissionsAreLimitedPerOrganisationAndPerAddress() throws Exception {
        String firstKey = key();
        mvc.perform(scenario.input(stakeholder, firstKey, "objective:1", "Input number 0 of the burst."))
                .andExpect(status().is3xxRedirection());
        for (int i = 1; i < 10; i++) {
            mvc.perform(scenario.input(stakeholder, "objective:1", "Input number " + i + " of the burst."))
                    .andExpect(status().is3xxRedirection());
        }

        mvc.perform(scenario.input(stakeholder, "objective:1", "The eleventh input is one too many."))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(content().string(containsString("You have sent 10 inputs within the last hour")))
                .andExpect(content().string(containsString("You can send your next input from")))
                .andExpect(content().string(containsString("The eleventh input is one too many.")));
        int retryAfter = Integer.parseInt(mvc.perform(scenario.input(stakeholder, "objective:1", "Still too many."))
                .andReturn().getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(3000, 3600);
        // a resent form that was accepted before still gets its receipt
        mvc.perform(scenario.input(stakeholder, firstKey, "objective:1", "Input number 0 of the burst."))
                .andExpect(status().is3xxRedirection());
        // the organisation is limited from any address
        mvc.perform(scenario.input(stakeholder, "objective:1", "Same organisation, another address.")
                        .with(ConsultationScenario.from(ConsultationScenario.randomAddress())))
                .andExpect(status().isTooManyRequests());
        // and the address is limited for any organisation
        mvc.perform(scenario.input(scenario.stakeholder(), "objective:1", "Another organisation, same address."))
                .andExpect(status().isTooManyRequests());
        // individuals: the same e-mail address from many addresses
        for (int i = 0; i < 10; i++) {
            mvc.perform(scenario.individualInput("Sam", "sam@example.org", "section:POLICY", "Individual input " + i + ".")
                    .with(ConsultationScenario.from(ConsultationScenario.randomAddress())))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(scenario.individualInput("Sam", "SAM@example.org", "section:POLICY", "Individual input 10.")
                        .with(ConsultationScenario.from(ConsultationScenario.randomAddress())))
                .andExpect(status().isTooManyRequests());

        assertThat(scenario.storedInputs()).isEqualTo(20);
        // another organisation from its own address is not affected
        mvc.perform(scenario.input(scenario.stakeholder(), "objective:1", "Unaffected organisation.")
                        .with(ConsultationScenario.from(ConsultationScenario.randomAddress())))
                .andExpect(status().is3xxRedirection());
    }

    private MockHttpServletRequestBuilder form(Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post("/consultations/" + scenario.cycle.businessKey() + "/inputs")
                .with(as(stakeholder)).with(csrf()).with(ConsultationScenario.from(scenario.address));
        fields.forEach(request::param);
        return request;
    }

    private MockHttpServletRequestBuilder individualForm(Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post("/consultations/" + scenario.cycle.businessKey()
                + "/individual-inputs").with(csrf()).with(ConsultationScenario.from(scenario.address));
        fields.forEach(request::param);
        return request;
    }

    private static Map<String, String> fields(String target, String body, String language, String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (var field : List.of(Map.entry("target", String.valueOf(target)), Map.entry("body", String.valueOf(body)),
                Map.entry("language", String.valueOf(language)), Map.entry("idempotencyKey", String.valueOf(key)))) {
            if (!"null".equals(field.getValue())) {
                fields.put(field.getKey(), field.getValue());
            }
        }
        return fields;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private int attachments() {
        return jdbc.sql("select count(*) from attachment where cycle_id = ?").param(scenario.cycle.id())
                .query(Integer.class).single();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
