package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.gcmreview.ApplicationTest;
import org.gcmreview.web.HttpUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form beyond what the servlet container parses (too many parts or fields, fields too large, a part header too
 * long) is refused by the container. Over real HTTP, on a ministry's real drafting task, the user must get the
 * product's own page in their language (French here, from the language cookie or the browser's languages), a
 * 4xx status, no trace of the engine, and nothing stored; the page sends them back to the form, which their
 * browser still holds.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContainerRefusalsTest {

    @LocalServerPort
    int port;
    @Autowired
    AutowireCapableBeanFactory beans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    PasswordEncoder passwordEncoder;

    HostileTaskFormsTest.OpenTask drafting;
    HttpUser browser;
    FullForm form;

    @BeforeEach
    void aMinistryDrafting() throws Exception {
        HostileTaskFormsTest reach = new HostileTaskFormsTest();
        beans.autowireBean(reach); // its fields, as Spring fills them in the hostile suite
        reach.fixture();
        drafting = HostileTaskFormsTest.CASES.get("draft-contribution").open(reach);
        browser = HttpUser.signedIn(port, drafting.user(), jdbc, passwordEncoder).language("fr");
        form = FullForm.of(browser.get("/tasks/" + drafting.id()).body(), drafting.id());
    }

    /** The page's own fields with the user's text in the narrative, as the browser would send them. */
    private MultiValueMap<String, String> typed() {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        form.controls().stream().filter(c -> c.kind() == FullForm.Kind.HIDDEN)
                .forEach(c -> fields.add(c.name(), c.value()));
        form.controls().stream().filter(c -> c.name().startsWith("body-"))
                .forEach(c -> fields.add(c.name(), "Ce que le ministère a fait."));
        fields.add("action", "save");
        return fields;
    }

    @Test
    void moreParts_thanTheContainerTakes_getTheProductsPageInFrench_andStoreNothing() throws Exception {
        MultiValueMap<String, String> fields = typed();
        for (int n = 0; n < 4001; n++) {
            fields.add("extra-" + n, "x");
        }
        refused(() -> browser.postMultipart(form.action(), fields, new LinkedMultiValueMap<>(), Map.of()), 413,
                "Trop de champs ou de fichiers en un seul enregistrement");
    }

    @Test
    void moreFields_thanTheContainerTakes_inAUrlEncodedForm_getThePageToo() throws Exception {
        MultiValueMap<String, String> fields = typed();
        for (int n = 0; n < 10_001; n++) {
            fields.add("e" + n, "");
        }
        refused(() -> browser.post(form.action(), fields), 413, "Trop de champs ou de fichiers en un seul enregistrement");
    }

    @Test
    void fields_largerThanTheContainerTakes_getThePage() throws Exception {
        MultiValueMap<String, String> fields = typed();
        String body = form.controls().stream().filter(c -> c.name().startsWith("body-")).findFirst().orElseThrow()
                .name();
        fields.set(body, "é".repeat(4_300_000)); // 8.6 MB of UTF-8: over server.tomcat.max-http-form-post-size
        refused(() -> browser.postMultipart(form.action(), fields, new LinkedMultiValueMap<>(), Map.of()), 413,
                "Requête trop volumineuse");
    }

    @Test
    void aPartHeader_longerThanTheContainerTakes_getsThePageInTheBrowsersLanguage() throws Exception {
        HttpUser spanish = HttpUser.signedIn(port, drafting.user(), jdbc, passwordEncoder);
        FullForm page = FullForm.of(spanish.get("/tasks/" + drafting.id()).body(), drafting.id());
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        page.controls().stream().filter(c -> c.kind() == FullForm.Kind.HIDDEN)
                .forEach(c -> fields.add(c.name(), c.value()));
        fields.add("action", "save");
        String fileField = page.controls().stream().filter(c -> c.kind() == FullForm.Kind.FILE).findFirst()
                .orElseThrow().name();
        MultiValueMap<String, HttpUser.Upload> files = new LinkedMultiValueMap<>();
        files.add(fileField, new HttpUser.Upload("informe-".repeat(400) + ".png", "image/png", HostileFixture.png()));
        refused(() -> spanish.postMultipart(page.action(), fields, files, Map.of("Accept-Language", "es-ES,es;q=0.9")),
                400,
                "No se pudo leer el formulario");
    }

    @FunctionalInterface
    interface Post {
        HttpResponse<String> send() throws Exception;
    }

    private void refused(Post post, int status, String title) throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        HttpResponse<String> response = post.send();
        DatabaseSnapshot after = DatabaseSnapshot.take(jdbc);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(response.body()).contains("<h1>" + title + "</h1>").doesNotContain("Exception", "Tomcat",
                "at org.");
        assertThat(before.differences(after)).as("stored by a refused form").isEmpty();
        assertThat(tasks.createTaskQuery().taskId(drafting.id()).count()).as("the task stays open").isOne();
    }
}
