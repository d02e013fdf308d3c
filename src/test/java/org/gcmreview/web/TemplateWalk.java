package org.gcmreview.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;

/**
 * What the template-scanning tests ({@link TemplateTextTest}, {@link FormFieldsTest}) share: the templates, and a
 * parse that hands each element (opened or standalone) and each closing tag to a handler.
 */
final class TemplateWalk {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private TemplateWalk() {
    }

    /** Every template, in a stable order. */
    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Parses the template (named {@code name} in errors) with the handler. */
    static void parse(Path template, String name, Elements handler) throws IOException {
        try {
            new SimpleMarkupParser(ParseConfiguration.htmlConfiguration())
                    .parse(new StringReader(Files.readString(template)), handler);
        } catch (ParseException e) {
            throw new IOException(name, e);
        }
    }

    /** An element as it starts, then (for an element with a body) that it opened, and each closing tag. */
    abstract static class Elements extends AbstractSimpleMarkupHandler {

        abstract void element(String elementName, Map<String, String> attributes, int line);

        /** After {@link #element} for an element that is not standalone. */
        void opened(String elementName, Map<String, String> attributes) {
        }

        abstract void closed(String elementName);

        @Override
        public final void handleOpenElement(String elementName, Map<String, String> attributes, int line, int col) {
            element(elementName, attributes, line);
            opened(elementName, attributes);
        }

        @Override
        public final void handleStandaloneElement(String elementName, Map<String, String> attributes,
                boolean minimized, int line, int col) {
            element(elementName, attributes, line);
        }

        @Override
        public final void handleCloseElement(String elementName, int line, int col) {
            closed(elementName);
        }

        @Override
        public final void handleAutoCloseElement(String elementName, int line, int col) {
            closed(elementName);
        }
    }
}
