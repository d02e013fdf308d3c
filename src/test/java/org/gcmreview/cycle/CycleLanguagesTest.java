package org.gcmreview.cycle;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cycle pages in the reader's language: text from the bundles, validation messages made in Java, and dates
 * written as the language writes them (month names, order and digits), never with a fixed English pattern.
 */
@ApplicationTest
class CycleLanguagesTest {

    /** The language switch's cookie (org.gcmreview.web.UserLocaleResolver). */
    private static final String LANGUAGE_COOKIE = "gcm-lang";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void theProgressPagePrintsDatesInTheReadersLanguage() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        jdbc.sql("update review_cycle set period_start = date '2026-01-01', period_end = date '2026-12-31', "
                + "drafting_due = date '2027-03-31' where id = ?").param(cycleId).update();

        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)).cookie(language("en")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("March 31, 2027"), containsString("Drafting due"))));
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)).cookie(language("fr")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("31 mars 2027"),
                        containsString("1 janvier 2026 – 31 décembre 2026"), not(containsString("Mar 2027")))));
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)).cookie(language("es")))
                .andExpect(content().string(containsString("31 de marzo de 2027")));
        // Arabic month name and Arabic-Indic digits, on a right-to-left page
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)).cookie(language("ar")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("٣١ مارس ٢٠٢٧"), containsString("dir=\"rtl\""),
                        not(containsString("2027")))));
    }

    @Test
    void theCycleListAndItsValidationMessagesAreTranslated() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        mvc.perform(get("/cycles").with(TestUsers.as(coordinator)).cookie(language("fr")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cycles d’examen"),
                        containsString("Lancer le cycle d’examen"), not(containsString("Start the review cycle")))));
        mvc.perform(post("/cycles").param("code", "").param("title", "").with(TestUsers.as(coordinator)).with(csrf())
                        .cookie(language("es")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("El ciclo no se ha iniciado"),
                        containsString("Introduzca un código breve para el ciclo"),
                        containsString("Introduzca un título"))));
    }

    @Test
    void theScopingFormAndItsErrorsAreInTheReadersLanguage() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Task scoping = cycles.task(cycleId, "ScopeReview");

        mvc.perform(get("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)).cookie(language("ar")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("تحديد نطاق الاستعراض"),
                        containsString("الوزارات المساهمة"), containsString("بدء الصياغة الوطنية"))));

        mvc.perform(post("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .cookie(language("fr")).param("action", "complete")
                        .param("periodStart", "2026-12-31").param("periodEnd", "2026-01-01")
                        .param("draftingDue", "2000-01-01").param("reminderDays", "7")
                        .param("consultationOpens", "").param("consultationCloses", "pas une date"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("La période considérée doit se terminer après son début."),
                        containsString("Choisissez au moins un objectif sur lequel rendre compte."),
                        containsString("La date limite de rédaction doit être aujourd’hui ou plus tard."),
                        containsString("Indiquez la date d’ouverture de la consultation."),
                        containsString("Indiquez la date de clôture de la consultation sous forme de date"),
                        not(containsString("Choose at least one")))));
    }

    private static Cookie language(String code) {
        return new Cookie(LANGUAGE_COOKIE, code);
    }

    /** The coordinator says which UN language the report is written in; the form offers the six, nothing else counts. */
    @Test
    void theCoordinatorSaysWhichLanguageTheReportIsWrittenIn() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        mvc.perform(get("/cycles").with(TestUsers.as(coordinator)).cookie(language("fr")))
                .andExpect(content().string(allOf(containsString("Langue du rapport"),
                        containsString("<option value=\"fr\" lang=\"fr\" selected=\"selected\">Français</option>"),
                        containsString("<option value=\"zh\" lang=\"zh\">中文</option>"))));

        String code = CycleFixture.uniqueCode();
        mvc.perform(post("/cycles").with(TestUsers.as(coordinator)).with(csrf()).param("code", code)
                        .param("title", "Report in Chinese").param("language", "zh"))
                .andExpect(status().is3xxRedirection());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "select report_language from review_cycle where country_iso3 = 'KEN' and code = ?").param(code)
                .query(String.class).single()).isEqualTo("zh");

        String refused = CycleFixture.uniqueCode();
        mvc.perform(post("/cycles").with(TestUsers.as(coordinator)).with(csrf()).param("code", refused)
                        .param("title", "Report in Klingon").param("language", "tlh"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the report&#39;s language from the list.")));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "select count(*) from review_cycle where country_iso3 = 'KEN' and code = ?").param(refused)
                .query(Integer.class).single()).isZero();
    }
}
