package org.gcmreview.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

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

/**
 * Conditional GET for the public pages that change rarely or never: a published report (page, PDF, JSON),
 * what-we-heard, the reference pages. A reader who has the page already gets 304 and nothing is rendered, which is
 * what makes these pages cheap (a PDF costs a full render otherwise).
 * <p>The entity tag is a hash of what the page shows (a stamp the controller names from its data, e.g. the frozen
 * version's SHA-256), the reader's language and the deployed build: a new build may change the templates. It is
 * only given to anonymous readers: a signed-in reader's page carries their name, their notice count and a CSRF
 * token, so it keeps Spring Security's no-store. {@code Vary: Cookie, Accept-Language} because the language comes
 * from the language cookie or the browser's header, and a session cookie means a signed-in page.
 */
@Component
public class PublicPages {

    /** Short, so that a new version or a changed answer shows within a minute even to a cache that does not ask. */
    static final CacheControl PAGE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    /** The reference data changes only with a deployment (a Flyway migration), which changes the build stamp. */
    static final CacheControl REFERENCE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final String build;

    PublicPages(ObjectProvider<BuildProperties> buildProperties) {
        BuildProperties properties = buildProperties.getIfAvailable();
        // two nodes of one build give the same tags; without build-info (run from an IDE) the start time stands in
        this.build = properties != null && properties.getTime() != null ? properties.getTime().toString()
                : Instant.now().toString();
    }

    /**
     * Sets the caching headers of an anonymous reader's response and answers whether the reader's copy is still
     * current (then the response is a 304 already, and the controller returns null without rendering anything).
     * For a signed-in reader it does nothing and answers false.
     */
    public boolean notModified(ServletWebRequest request, Object... stamp) {
        return read(request, stamp).notModified();
    }

    /**
     * A reader's request for a page: for an anonymous reader the entity tag (with the caching headers set) and
     * whether their copy is still current; for a signed-in reader no tag, and never "not modified".
     *
     * @param eTag the tag, which names every bit of what the page shows (so the rendered page may be kept under
     *        it), or null for a signed-in reader, whose page carries their name and a CSRF token
     */
    public record Reading(String eTag, boolean notModified) {

        public boolean anonymous() {
            return eTag != null;
        }
    }

    /** As {@link #notModified(ServletWebRequest, Object...)}, with the tag a rendered page may be kept under. */
    public Reading read(ServletWebRequest request, Object... stamp) {
        if (signedIn()) {
            return new Reading(null, false);
        }
        String eTag = tag(stamp);
        return new Reading(eTag, checkTag(request, PAGE, eTag));
    }

    /**
     * The entity tag of what the stamp names in the current reader's language, whoever the reader is: a document
     * with nothing of the reader in it (the PDF) may be kept under it for everyone.
     */
    public String tag(Object... stamp) {
        return eTag(LocaleContextHolder.getLocale(), stamp);
    }

    /** As {@link #notModified(ServletWebRequest, Object...)}, for a page that changes only with a deployment. */
    public boolean notModifiedUntilRedeployed(ServletWebRequest request, Object... stamp) {
        return notModified(request, REFERENCE, stamp);
    }

    private boolean notModified(ServletWebRequest request, CacheControl cacheControl, Object... stamp) {
        if (signedIn()) {
            return false;
        }
        return checkTag(request, cacheControl, tag(stamp));
    }

    private static boolean checkTag(ServletWebRequest request, CacheControl cacheControl, String eTag) {
        HttpServletResponse response = request.getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl.getHeaderValue());
            response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
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

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
