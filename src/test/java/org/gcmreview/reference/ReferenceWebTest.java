package org.gcmreview.reference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/** The public reference API and pages, called as an anonymous visitor unless stated otherwise. */
@ApplicationTest
class ReferenceWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ReferenceData referenceData;

    @Test
    void anonymousVisitorsGetAllObjectivesAsCacheableJson() throws Exception {
        mvc.perform(get("/api/reference/objectives").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=3600, public"))
                .andExpect(jsonPath("$", hasSize(23)))
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[0].shortTitle").value("Data"))
                .andExpect(jsonPath("$[0].title").value(referenceData.objective(1).orElseThrow().title()))
                .andExpect(jsonPath("$[0].actions[0].letter").value("a"))
                .andExpect(jsonPath("$[0].actions[0].text").value(
                        referenceData.objective(1).orElseThrow().actions().get(0).text()))
                .andExpect(jsonPath("$[0].sdgTargets[0]").value("10.7"))
                .andExpect(jsonPath("$[22].number").value(23));
    }

    @Test
    void anonymousVisitorsGetOneObjectiveByNumber() throws Exception {
        Objective trafficking = referenceData.objective(10).orElseThrow();
        mvc.perform(get("/api/reference/objectives/10"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=3600, public"))
                .andExpect(jsonPath("$.number").value(10))
                .andExpect(jsonPath("$.shortTitle").value("Eradicate trafficking"))
                .andExpect(jsonPath("$.actions", hasSize(trafficking.actions().size())))
                .andExpect(jsonPath("$.sdgTargets", hasSize(trafficking.sdgTargets().size())))
                .andExpect(jsonPath("$.sdgTargets[0]").value(trafficking.sdgTargets().get(0)));
    }

    /** Objective 21 has nine actions in the Compact; its (i) was once lost inside (h) (V110). */
    @Test
    void showsEveryActionOfTheCompactOnThePublicApiAndPage() throws Exception {
        String returnCommunities = "Identify and address the needs of the communities to which migrants return";
        mvc.perform(get("/api/reference/objectives/21"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions", hasSize(9)))
                .andExpect(jsonPath("$.actions[8].letter").value("i"))
                .andExpect(jsonPath("$.actions[8].text").value(containsString(returnCommunities)))
                .andExpect(jsonPath("$.actions[7].text").value(not(containsString(returnCommunities))));
        mvc.perform(get("/api/reference/objectives"))
                .andExpect(jsonPath("$[*].actions[*]", hasSize(187)));
        mvc.perform(get("/reference/objectives"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(returnCommunities)))
                .andExpect(content().string(containsString("migrants in countries of destination")))
                .andExpect(content().string(not(containsString("migrants in 26 countries"))));
    }

    @Test
    void unknownObjectivesAreNotFound() throws Exception {
        mvc.perform(get("/api/reference/objectives/24")).andExpect(status().isNotFound());
        mvc.perform(get("/api/reference/objectives/0")).andExpect(status().isNotFound());
    }

    @Test
    void theApiIsReadOnly() throws Exception {
        // Anonymous writes are refused before they reach any handler ...
        mvc.perform(post("/api/reference/objectives").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/reference/objectives/1")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser
    void theApiHasNoWriteMethodsEvenForSignedInUsers() throws Exception {
        // ... and even with a session and a CSRF token there is nothing to write to.
        mvc.perform(post("/api/reference/objectives").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(delete("/api/reference/objectives/1").with(csrf())).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void anonymousVisitorsSeeTheObjectivesPage() throws Exception {
        Objective data = referenceData.objective(1).orElseThrow();
        mvc.perform(get("/reference/objectives"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(bodyContains("<html lang=\"en\""))
                .andExpect(bodyContains("<h1 id=\"objectives-heading\">"))
                .andExpect(bodyContains("Objective 23: International cooperation"))
                .andExpect(bodyContains(data.title()))
                .andExpect(bodyContains("SDG target 17.18"))
                .andExpect(bodyContains("All Sustainable Development Goals are relevant to this objective"))
                // Booklet text is escaped like any other: "States' fulfilment" (objective 2, action b)
                .andExpect(bodyContains("States&#39; fulfilment"))
                .andExpect(bodyLacks("<script"));
    }

    @Test
    void anonymousVisitorsSeeTheGuidingPrinciplesPage() throws Exception {
        mvc.perform(get("/reference/principles"))
                .andExpect(status().isOk())
                .andExpect(bodyContains("<html lang=\"en\""))
                .andExpect(bodyContains("<h2>Human rights</h2>"))
                .andExpect(bodyContains("<h2>Whole-of-society approach</h2>"));
    }

    private static ResultMatcher bodyContains(String fragment) {
        return content().string(containsString(fragment));
    }

    private static ResultMatcher bodyLacks(String fragment) {
        return content().string(not(containsString(fragment)));
    }
}
