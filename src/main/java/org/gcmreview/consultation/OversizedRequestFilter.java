package org.gcmreview.consultation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.web.RefusalPage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses consultation and registration posts that are far larger than any honest form, with 413 and a page
 * that says so, before anything reads them. Without this, the servlet container drops the parameters of an
 * oversized form silently and the request fails on a missing CSRF token (403), which tells the sender nothing.
 * Requests without a Content-Length (chunked) are left to the container's own limits.
 */
@Configuration(proxyBeanMethods = false)
class OversizedRequestFilter {

    /** An input form: 5000 characters, percent-encoded UTF-8 (up to 9 bytes each), and the other fields. */
    static final long FORM_MAX_BYTES = 128 * 1024;
    /** Boundaries and part headers of a multipart input form, with room to spare. */
    static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oversizedConsultationRequests(MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:10MB}")
            DataSize fileMax) {
        // a public form takes one file at most: far less than the report forms' multipart limit
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Limit(messages, fileMax.toBytes() + FORM_MAX_BYTES + MULTIPART_OVERHEAD_BYTES));
        registration.addUrlPatterns("/consultations/*", "/organisations/*");
        // before Spring Security (order -100) reads the CSRF parameter
        registration.setOrder(-200);
        return registration;
    }

    static final class Limit extends OncePerRequestFilter {

        private final MessageSource messages;
        private final long multipartMax;

        Limit(MessageSource messages, long multipartMax) {
            this.messages = messages;
            this.multipartMax = multipartMax;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long length = request.getContentLengthLong();
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
            long max = type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) ? multipartMax : FORM_MAX_BYTES;
            if (!"POST".equals(request.getMethod()) || length <= max) {
                chain.doFilter(request, response);
                return;
            }
            RefusalPage.write(request, response, messages, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "consultation.tooLarge");
        }
    }
}
