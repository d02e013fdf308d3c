package org.gcmreview.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the W3C's validator, {@code nu.validator:validator}) run in-process on a page's HTML: the
 * errors it finds, as "line:column message". Warnings and info messages are not errors and are left out.
 * <p>
 * Offline: the schema URL below is not fetched. {@link SimpleDocumentValidator} resolves it, and every schema it
 * includes, through its {@code LocalCacheEntityResolver} from the copies inside the validator's jar
 * ({@code nu/validator/localentities/files/}), falling back to a resolver that fetches nothing.
 */
final class NuHtmlChecker {

    /** The whole HTML schema (with SVG, MathML, ARIA, RDFa), as the checker's web service uses for HTML. */
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator;

    NuHtmlChecker() throws Exception {
        // no log4j set-up (the tests' logging is Logback's), no logging of URLs, no language detection: the
        // pages' languages are set by the application (lang), and detection guesses from samples of the text
        validator = new SimpleDocumentValidator(false, false, false);
        Collected schemaErrors = new Collected();
        validator.setUpMainSchema(HTML_SCHEMA, schemaErrors);
        if (!schemaErrors.errors.isEmpty()) {
            throw new IllegalStateException("the checker's HTML schema: " + schemaErrors.errors);
        }
    }

    /** The errors in the document, in order; empty if it is valid HTML. */
    List<String> errors(String html) throws Exception {
        Collected collected = new Collected();
        // buffered (noStream = true): a document the parser cannot stream is still checked to its end
        validator.setUpValidatorAndParsers(collected, true, false);
        InputSource input = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        input.setEncoding("UTF-8");
        try {
            validator.checkHtmlInputSource(input);
        } catch (SAXParseException fatal) {
            // reported to fatalError already
        }
        return collected.errors;
    }

    private static final class Collected implements ErrorHandler {

        final List<String> errors = new ArrayList<>();

        @Override
        public void warning(SAXParseException exception) {
            // warnings and info messages do not make a page invalid
        }

        @Override
        public void error(SAXParseException exception) {
            errors.add(describe(exception));
        }

        @Override
        public void fatalError(SAXParseException exception) {
            errors.add(describe(exception) + " (fatal)");
        }

        private static String describe(SAXParseException e) {
            return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
        }
    }
}
