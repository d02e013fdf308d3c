package org.gcmreview.reliability.hostile;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form post as the application's own page would send it (signed in as {@code user}, or anonymous when null,
 * from a client address of its own), and the hostile variants made from it. The fields are what the browser
 * would send; the CSRF token is added by each variant, or left out.
 */
record FormPost(String path, CurrentUser user, MultiValueMap<String, String> fields, String address,
        MockMultipartFile file) {

    /** Markup that runs if it is ever written into a page unescaped, and SQL that drops a table if concatenated. */
    static final String PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'; drop table review_cycle; --";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
    /** What a page must never contain once the payload went in. */
    static final List<String> RAW = List.of("<script>alert('x')", "<img src=x onerror");

    static FormPost of(String path, CurrentUser user) {
        return new FormPost(path, user, new LinkedMultiValueMap<>(), "10.9." + (int) (Math.random() * 250) + "."
                + (1 + (int) (Math.random() * 250)), null);
    }

    FormPost field(String name, String value) {
        fields.add(name, value);
        return this;
    }

    FormPost at(String otherPath) {
        return new FormPost(otherPath, user, fields, address, file);
    }

    /** The same post with some fields replaced. */
    FormPost with(Map<String, String> replaced) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(fields);
        replaced.forEach(copy::set);
        return new FormPost(path, user, copy, address, file);
    }

    /** The same post with a file: the page sends it as multipart (a Word upload). */
    FormPost attaching(MockMultipartFile attached) {
        return new FormPost(path, user, fields, address, attached);
    }

    /** The post as the page sends it, CSRF token included. */
    MockHttpServletRequestBuilder valid() {
        return signed(form()).with(csrf());
    }

    MockHttpServletRequestBuilder withoutCsrf() {
        return signed(form());
    }

    private MockHttpServletRequestBuilder form() {
        if (file == null) {
            return post(path).params(fields);
        }
        MockMultipartHttpServletRequestBuilder request = multipart(path).file(file);
        request.params(fields);
        return request;
    }

    /** The same fields as JSON, with a valid CSRF token in the header: not a form of this application. */
    MockHttpServletRequestBuilder asJson() {
        String json = fields.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue().isEmpty() ? "" : e.getValue().get(0)))
                .collect(Collectors.joining(",", "{", "}"));
        return signed(post(path).contentType(MediaType.APPLICATION_JSON).content(json)).with(csrf().asHeader());
    }

    /** The same fields as a plain-text body. */
    MockHttpServletRequestBuilder asText() {
        return signed(post(path).contentType(MediaType.TEXT_PLAIN).content(encoded(fields))).with(csrf().asHeader());
    }

    /**
     * The form url-encoded in the body, with one more field whose value is not UTF-8: a lone continuation byte,
     * a truncated sequence and an overlong encoding of '/', percent-encoded as a client would send raw bytes.
     */
    MockHttpServletRequestBuilder malformedUtf8(String fieldName) {
        String body = encoded(fields) + (fields.isEmpty() ? "" : "&") + fieldName + "=caf%C3%28%80%C0%AF";
        return signed(post(path).contentType("application/x-www-form-urlencoded;charset=UTF-8")
                .content(body.getBytes(StandardCharsets.US_ASCII))).with(csrf());
    }

    /** The same, with the raw bytes 0xFF 0xFE in the body itself. */
    MockHttpServletRequestBuilder rawInvalidBytes(String fieldName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((encoded(fields) + (fields.isEmpty() ? "" : "&") + fieldName + "=x").getBytes(
                StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 'y'});
        return signed(post(path).contentType("application/x-www-form-urlencoded;charset=UTF-8")
                .content(body.toByteArray())).with(csrf());
    }

    /** The form with one field of 3 MB, over every form limit (Tomcat's 2 MB form post, the consultation's). */
    MockHttpServletRequestBuilder oversized(String fieldName) {
        String body = encoded(fields) + (fields.isEmpty() ? "" : "&") + fieldName + "=" + "x".repeat(3 * 1024 * 1024);
        return signed(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body.getBytes(StandardCharsets.US_ASCII))).with(csrf());
    }

    /** The fields as multipart, with a file. */
    MockHttpServletRequestBuilder withFile(MockMultipartFile file) {
        MockMultipartHttpServletRequestBuilder request = multipart(path).file(file);
        request.params(fields);
        return signed(request).with(csrf());
    }

    private MockHttpServletRequestBuilder signed(MockHttpServletRequestBuilder request) {
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return user == null ? request : request.with(TestUsers.as(user));
    }

    static String encoded(MultiValueMap<String, String> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
