package org.gcmreview.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gcmreview.ApplicationTest;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.web.ArabicDigitsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17.6 for the task forms: every task form of the national, regional and IMRF processes, read in Arabic,
 * shows no Latin digit in its own text (codes, URLs, hashes and what people typed excepted, as in
 * {@link ArabicDigitsTest}). Each task is reached the way the hostile-input suite reaches it
 * ({@link HostileTaskFormsTest#CASES}, which has a case for every form key).
 */
@ApplicationTest
class ArabicTaskFormsTest {

    @Autowired
    AutowireCapableBeanFactory beans;
    @Autowired
    MockMvc mvc;
    @Autowired
    List<TaskForm> forms;

    /** The hostile suite, used only to reach each form's task the way it does. */
    HostileTaskFormsTest reach;

    @BeforeEach
    void reach() {
        reach = new HostileTaskFormsTest();
        beans.autowireBean(reach);
        reach.fixture();
    }

    @Test
    void everyTaskFormInArabicHasNoLatinDigitsInItsOwnText() throws Exception {
        assertThat(HostileTaskFormsTest.CASES.keySet()).as("a case for every task form")
                .containsAll(forms.stream().map(TaskForm::formKey).toList());
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, HostileTaskFormsTest.Reach> form : HostileTaskFormsTest.CASES.entrySet()) {
            HostileTaskFormsTest.OpenTask task = form.getValue().open(reach);
            var response = mvc.perform(get("/tasks/" + task.id()).header("Accept-Language", "ar")
                    .with(as(task.user()))).andReturn().getResponse();
            String page = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() != 200) {
                found.add(form.getKey() + ": status " + response.getStatus());
                continue;
            }
            assertThat(page).as(form.getKey()).contains("dir=\"rtl\"");
            // a section's stored title ("Objective 1: Collect and utilize ...") is the report's own text, written in
            // the report's language (English in the fixtures), like the sections' bodies
            ArabicDigitsTest.latinDigits(page.replaceAll("Objective \\d+", "Objective"))
                    .forEach(d -> found.add(form.getKey() + ": " + d));
        }
        assertThat(found).as("Latin digits in Arabic task forms").isEmpty();
    }
}
