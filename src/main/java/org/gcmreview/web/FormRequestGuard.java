package org.gcmreview.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every state-changing page of the application takes an HTML form, nothing else. Requests that cannot be such a
 * form are refused here, before Spring Security reads the CSRF field, with a status and a page that say what is
 * wrong; otherwise they would end as a misleading 403 (Tomcat drops the parameters of an oversized or
 * undecodable body, so the CSRF token looks missing) or, worse, reach a controller that reads no parameters at
 * all (a JSON body to "verify" or "close") and act on it.
 * <ul>
 * <li>a body that is neither url-encoded nor multipart: 415;</li>
 * <li>a body larger than the container would parse (form or multipart): 413;</li>
 * <li>a url-encoded body whose bytes are not valid UTF-8 (Tomcat could not decode it, or decoded it to U+FFFD
 * replacement characters): 400;</li>
 * <li>a form the container refuses to parse: more parts or fields than it takes (413), a file or the fields over
 * their size limits (413), a malformed multipart body or a part header over its limit (400).</li>
 * </ul>
 * The container's refusals would otherwise surface later, when Spring Security looks for the CSRF token and finds
 * none, as a bare 403 of the container (the error page itself fails on the unparseable body). Here the form is
 * parsed once, first; the refusal page says what happened, that nothing was stored, and to go back, where the
 * browser still has what the user typed. The limits are set in application.yml (server.tomcat.*,
 * spring.servlet.multipart.*), sized for the largest form of the application.
 * Camunda's webapps and REST API (/camunda/**) and the JSON API (/api/**) speak JSON and are left alone.
 */
@Configuration(proxyBeanMethods = false)
class FormRequestGuard {

    /** Set by Tomcat when it could not parse the request's parameters (its own FailedRequestFilter reads it). */
    static final String PARAMETER_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";
    /** Why Tomcat could not parse them (the name of a Parameters.FailReason). */
    static final String PARAMETER_PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> formRequestGuardFilter(MessageSource messages,
            @Value("${gcm.forms.max-url-encoded-size:2MB}") DataSize formMax,
            @Value("${spring.servlet.multipart.max-request-size:64MB}") DataSize multipartMax,
            @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize fileMax,
            @Value("${server.tomcat.max-part-header-size:512B}") DataSize partHeaderMax) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Guard(messages, formMax.toBytes(), multipartMax.toBytes(), fileMax, partHeaderMax.toBytes()));
        registration.addUrlPatterns("/*");
        // after the consultation's stricter size limit (-200), before Spring Security (-100)
        registration.setOrder(-150);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private final MessageSource messages;
        private final long formMax;
        private final long multipartMax;
        private final DataSize fileMax;
        private final long partHeaderMax;

        Guard(MessageSource messages, long formMax, long multipartMax, DataSize fileMax, long partHeaderMax) {
            this.messages = messages;
            this.formMax = formMax;
            this.multipartMax = multipartMax;
            this.fileMax = fileMax;
            this.partHeaderMax = partHeaderMax;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                    || "OPTIONS".equals(request.getMethod()) || path.startsWith("/camunda/")
                    || path.startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            long length = request.getContentLengthLong();
            boolean form = type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
            boolean multipart = type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
            if (!type.isEmpty() && !form && !multipart) {
                refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "web.refused.type");
                return;
            }
            if (length > (multipart ? multipartMax : formMax)) {
                refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "web.refused.size");
                return;
            }
            if (form && !decodable(request)) {
                if (tooManyFields(request)) {
                    refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "web.refused.parts");
                } else if (tooLarge(request)) {
                    refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "web.refused.size");
                } else {
                    refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "web.refused.encoding");
                }
                return;
            }
            if (multipart && !parsed(request, response)) {
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * Parses a multipart form as the container will for everyone after this filter (it keeps the parts), and
         * refuses it with a page when the container cannot: false then.
         */
        private boolean parsed(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                request.getParts();
                return true;
            } catch (IllegalStateException | ServletException | IOException refused) {
                SizeException size = find(refused, SizeException.class);
                if (size != null && size.getPermittedSize() == partHeaderMax) {
                    // Tomcat reports a part header over its limit as a size error; it is a malformed part for
                    // the user (a very long file name)
                    refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "web.refused.multipart");
                } else if (has(refused, FileCountLimitExceededException.class) || tooManyFields(request)) {
                    refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "web.refused.parts");
                } else if (has(refused, FileSizeLimitExceededException.class)) {
                    RefusalPage.write(request, response, messages, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                            "web.refused.fileSize", fileMax.toMegabytes() + " MB");
                } else if (has(refused, SizeException.class) || tooLarge(request)) {
                    refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "web.refused.size");
                } else {
                    refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "web.refused.multipart");
                }
                return false;
            }
        }

        private static boolean has(Throwable thrown, Class<? extends Throwable> kind) {
            return find(thrown, kind) != null;
        }

        private static <T extends Throwable> T find(Throwable thrown, Class<T> kind) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (kind.isInstance(t)) {
                    return kind.cast(t);
                }
            }
            return null;
        }

        private static boolean tooManyFields(HttpServletRequest request) {
            return "TOO_MANY_PARAMETERS".equals(String.valueOf(request.getAttribute(PARAMETER_PARSE_FAILED_REASON)));
        }

        private static boolean tooLarge(HttpServletRequest request) {
            return "POST_TOO_LARGE".equals(String.valueOf(request.getAttribute(PARAMETER_PARSE_FAILED_REASON)));
        }

        /**
         * Whether the form's names and values were valid UTF-8: the servlet container decodes bad bytes to the
         * replacement character (or gives up and flags it), which would otherwise be stored as the user's text.
         */
        private static boolean decodable(HttpServletRequest request) {
            Map<String, String[]> parameters = request.getParameterMap();
            if (request.getAttribute(PARAMETER_PARSE_FAILED) != null) {
                return false;
            }
            for (var parameter : parameters.entrySet()) {
                if (parameter.getKey().indexOf('\uFFFD') >= 0) {
                    return false;
                }
                for (String value : parameter.getValue()) {
                    if (value != null && value.indexOf('\uFFFD') >= 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
                throws IOException {
            RefusalPage.write(request, response, messages, status, key);
        }
    }
}
