package org.gcmreview.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Errors reach people as a friendly page, never as JSON or a stack trace. MockMvc does not forward to /error
 * by itself, so the tests call the error controller with the attributes the servlet container would set.
 * (The browser journeys see the real 403 page.)
 */
@ApplicationTest
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void unknownPageIsAFriendly404() throws Exception {
        mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 404)
                        .requestAttr("jakarta.servlet.error.request_uri", "/reference/no-such-page")
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Page not found")));
    }

    @Test
    void serverErrorsNeverShowTheException() throws Exception {
        mvc.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 500)
                        .requestAttr("jakarta.servlet.error.exception",
                                new IllegalStateException("SELECT secret FROM act_ru_task"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side")))
                .andExpect(content().string(not(containsString("act_ru_task"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }
}
