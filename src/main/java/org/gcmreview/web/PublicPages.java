package org.gcmreview.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.support.Sha256;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Conditional GET for the public pages that change rarely or never: a published report (page, PDF, JSON),
 * what-we-heard, the reference pages. A reader who has the page already gets 304 and nothing is rendered, which is
 * what makes these pages cheap (a PDF costs a full render otherwise); an anonymous reader who has not gets the copy
 * of the page kept under its tag ({@link KeptCopies}), so only the first reader of a page in a language waits for
 * a render.
 * <p>The entity tag is a hash of what the page shows (a stamp the controller names from its data, e.g. the frozen
 * version's SHA-256), the reader's language and the deployed build: a new build may change the templates. It is
 * only given to anonymous readers: a signed-in reader's page carries their name, their notice count and a CSRF
 * token, so it keeps Spring Security's no-store and is rendered for them. {@code Vary: Cookie, Accept-Language}
 * because the language comes from the language cookie or the browser's header, and a session cookie means a
 * signed-in page; a kept page also varies with {@code Accept-Encoding}: a reader who accepts gzip gets the copy
 * compressed once, under a tag of its own. (Tomcat's compression leaves a response with a strong entity tag alone,
 * so without this these pages went out uncompressed.)
 */
@Component
public class PublicPages {

    /** Short, so that a new version or a changed answer shows within a minute even to a cache that does not ask. */
    static final CacheControl PAGE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    /** The reference data changes only with a deployment (a Flyway migration), which changes the build stamp. */
    static final CacheControl REFERENCE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    static final String HTML = "text/html;charset=UTF-8";

    private final String build;
    private final KeptCopies copies;
    private final RenderedPage rendered;

    PublicPages(ObjectProvider<BuildProperties> buildProperties, KeptCopies copies, RenderedPage rendered) {
        BuildProperties properties = buildProperties.getIfAvailable();
        // two nodes of one build give the same tags; without build-info (run from an IDE) the start time stands in
        this.build = properties != null && properties.getTime() != null ? properties.getTime().toString()
                : Instant.now().toString();
        this.copies = copies;
        this.rendered = rendered;
    }

    /**
     * Sets the caching headers of an anonymous reader's response and answers whether the reader's copy is still
     * current (then the response is a 304 already, and the controller returns null without rendering anything).
     * For a signed-in reader it does nothing and answers false. For a document with nothing of the reader in it,
     * such as the PDF, which the controller keeps under {@link #tag(Object...)} for everyone.
     */
    public boolean notModified(ServletWebRequest request, Object... stamp) {
        if (signedIn()) {
            return false;
        }
        return checkTag(request, PAGE, tag(stamp), "Cookie, Accept-Language");
    }

    /**
     * A public page for the reader, whose content the stamp names entirely: null when the reader's copy is
     * current (a 304); for an anonymous reader without a flash message the copy kept under the page's tag,
     * rendered from the template and the model by the first such reader; for anyone else (signed in, or with a
     * flash message to show) the template and the model, for Spring to render as any page.
     *
     * @param path the page's own path, where the page's language form leads back to (in the kept copy: not the
     *        URI as the first reader spelt it)
     * @param model what the template shows, asked for only when the page is rendered
     */
    public ModelAndView page(ServletWebRequest request, String template, String path,
            Supplier<Map<String, ?>> model, Object... stamp) {
        return answer(request, PAGE, template, path, model, stamp);
    }

    /** As {@link #page}, for a page that changes only with a deployment (cached for an hour). */
    public ModelAndView pageUntilRedeployed(ServletWebRequest request, String template, String path,
            Supplier<Map<String, ?>> model, Object... stamp) {
        return answer(request, REFERENCE, template, path, model, stamp);
    }

    /**
     * The entity tag of what the stamp names in the current reader's language, whoever the reader is: a document
     * with nothing of the reader in it (the PDF) may be kept under it for everyone.
     */
    public String tag(Object... stamp) {
        return eTag(LocaleContextHolder.getLocale(), stamp);
    }

    private ModelAndView answer(ServletWebRequest request, CacheControl cacheControl, String template, String path,
            Supplier<Map<String, ?>> model, Object... stamp) {
        HttpServletRequest servletRequest = request.getRequest();
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(servletRequest);
        if (signedIn()) {
            return new ModelAndView(template, model.get());
        }
        String eTag = tag(stamp);
        boolean gzip = acceptsGzip(servletRequest);
        if (checkTag(request, cacheControl, gzip ? gzipped(eTag) : eTag,
                "Cookie, Accept-Language, Accept-Encoding")) {
            return null;
        }
        if (flash != null && !flash.isEmpty()) {
            return new ModelAndView(template, model.get());
        }
        Supplier<byte[]> render = () -> {
            Map<String, Object> attributes = new HashMap<>(model.get());
            attributes.put("currentPath", path);
            return rendered.render(template, attributes, servletRequest, request.getResponse());
        };
        byte[] page = gzip ? copies.get(gzipped(eTag), () -> gzip(copies.get(eTag, render)))
                : copies.get(eTag, render);
        return new ModelAndView(new KeptPage(page, gzip));
    }

    private static boolean checkTag(ServletWebRequest request, CacheControl cacheControl, String eTag,
            String vary) {
        HttpServletResponse response = request.getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl.getHeaderValue());
            response.setHeader(HttpHeaders.VARY, vary);
        }
        return request.checkNotModified(eTag);
    }

    String eTag(Locale locale, Object... stamp) {
        StringJoiner joined = new StringJoiner("|").add(build).add(locale.toLanguageTag());
        for (Object part : stamp) {
            joined.add(String.valueOf(part));
        }
        return "\"" + Sha256.hex(joined.toString()).substring(0, 32) + "\"";
    }

    /** Another representation, another tag: a cache must not answer a reader of one with the other's bytes. */
    static String gzipped(String eTag) {
        return eTag.substring(0, eTag.length() - 1) + "-gzip\"";
    }

    /** Whether the reader's Accept-Encoding names gzip with a quality above zero. */
    static boolean acceptsGzip(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
        while (headers != null && headers.hasMoreElements()) {
            for (String coding : headers.nextElement().split(",")) {
                String[] parts = coding.split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")) {
                    return quality(parts) > 0;
                }
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** Compressed once per copy, so at the highest level (Tomcat's per-response compression uses the default). */
    private static byte[] gzip(byte[] page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** A kept copy as the response: Spring has set Content-Language from the reader's language before this. */
    private static final class KeptPage implements View {

        private final byte[] bytes;
        private final boolean gzip;

        KeptPage(byte[] bytes, boolean gzip) {
            this.bytes = bytes;
            this.gzip = gzip;
        }

        @Override
        public String getContentType() {
            return HTML;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            response.setContentType(HTML);
            if (gzip) {
                // Tomcat does not compress a response that names its encoding
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
