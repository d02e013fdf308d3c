package org.gcmreview.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application seen through HTTP on loopback, as a browser without JavaScript sees it: pages, forms with
 * their hidden fields (CSRF token, idempotency key), cookies, redirects not followed (each request is measured
 * on its own). Sessions are kept per signed-in user, so many users share one HttpClient and its connections.
 */
final class Web {

    /** Tells the server-side timing filter which operation a request belongs to. */
    static final String OPERATION_HEADER = "X-Bench-Op";

    private static final Pattern HIDDEN = Pattern.compile(
            "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"[^>]*>");
    private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

    private final HttpClient client;
    private final String base;

    Web(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /**
     * A response: status, Location header and the body, and what a reader keeps to ask again conditionally (the
     * entity tag or the Last-Modified date) with the length of the body in bytes.
     */
    record Page(int status, String location, String body, String eTag, String lastModified, long length) {

        Page(int status, String location, String body) {
            this(status, location, body, null, null, body == null ? 0 : body.length());
        }

        /** The request headers that ask whether a kept copy of this response is still current. */
        Map<String, String> validators() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (eTag != null) {
                headers.put("If-None-Match", eTag);
            } else if (lastModified != null) {
                headers.put("If-Modified-Since", lastModified);
            }
            return headers;
        }

        /** The value of a hidden form field, e.g. {@code _csrf}. */
        Optional<String> hidden(String name) {
            Matcher m = HIDDEN.matcher(body);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return Optional.of(unescape(m.group(2)));
                }
            }
            return Optional.empty();
        }

        String requireHidden(String name) {
            return hidden(name).orElseThrow(() -> new IllegalStateException("no hidden field " + name
                    + " in a page of status " + status));
        }

        /** Every hidden field whose name starts with the prefix. */
        Map<String, String> hiddenStartingWith(String prefix) {
            Map<String, String> found = new LinkedHashMap<>();
            Matcher m = HIDDEN.matcher(body);
            while (m.find()) {
                if (m.group(1).startsWith(prefix)) {
                    found.put(m.group(1), unescape(m.group(2)));
                }
            }
            return found;
        }
    }

    /** One browser's cookie jar (the session cookie, the language cookie). */
    final class Session {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        final String username;
        private String clientAddress;

        Session(String username) {
            this.username = username;
        }

        /**
         * Sends the requests as if from this address through a proxy (X-Forwarded-For, which the application
         * trusts from loopback): people send inputs from their own addresses, and the per-address rate limit
         * would otherwise count every benchmark client as one.
         */
        Session from(String address) {
            this.clientAddress = address;
            return this;
        }

        Page get(String path, String operation) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), operation);
        }

        /**
         * A GET of a document (a page, a PDF, a file) as bytes, with the given request headers, e.g. the
         * {@link Page#validators()} of a copy the reader has (then the answer is 304 if it is still current). The
         * body is not decoded: only its length is kept.
         */
        Page read(String path, String operation, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            headers.forEach(request::header);
            HttpResponse<byte[]> response = client.send(prepare(request, operation).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            keepCookies(response);
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), "",
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), response.body().length);
        }

        Page post(String path, String operation, List<Map.Entry<String, String>> fields)
                throws IOException, InterruptedException {
            StringBuilder form = new StringBuilder();
            for (Map.Entry<String, String> field : fields) {
                if (!form.isEmpty()) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
            }
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())), operation);
        }

        /**
         * POSTs a multipart/form-data form, as a browser sends a form with a file field: here with no file chosen
         * (an empty part named by the file field), since inputs rarely carry an attachment.
         */
        Page postMultipart(String path, String operation, List<Map.Entry<String, String>> fields, String fileField)
                throws IOException, InterruptedException {
            String boundary = "----gcmbench" + Long.toHexString(System.nanoTime());
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, String> field : fields) {
                body.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(field.getKey()).append("\"\r\n\r\n")
                        .append(field.getValue()).append("\r\n");
            }
            if (fileField != null) {
                body.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(fileField)
                        .append("\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), operation);
        }

        /** Signs in through the login form; fails unless the application accepts the password. */
        Session signIn(String password) throws IOException, InterruptedException {
            Page login = get("/login", "sign-in");
            Page result = post("/login", "sign-in", List.of(Map.entry("username", username),
                    Map.entry("password", password), Map.entry("_csrf", login.requireHidden("_csrf"))));
            if (result.status() != 302 || result.location() == null || result.location().contains("error")) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + result.status() + " "
                        + result.location());
            }
            return this;
        }

        private Page send(HttpRequest.Builder request, String operation) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(prepare(request, operation).build(),
                    HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        }

        private HttpRequest.Builder prepare(HttpRequest.Builder request, String operation) {
            synchronized (cookies) {
                if (!cookies.isEmpty()) {
                    List<String> pairs = new ArrayList<>();
                    cookies.forEach((k, v) -> pairs.add(k + "=" + v));
                    request.header("Cookie", String.join("; ", pairs));
                }
            }
            request.header(OPERATION_HEADER, operation).timeout(Duration.ofSeconds(60));
            if (clientAddress != null) {
                request.header("X-Forwarded-For", clientAddress);
            }
            return request;
        }

        private void keepCookies(HttpResponse<?> response) {
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                Matcher m = COOKIE.matcher(setCookie);
                if (m.find()) {
                    synchronized (cookies) {
                        cookies.put(m.group(1).trim(), m.group(2));
                    }
                }
            }
        }
    }

    Session session(String username) {
        return new Session(username);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
