package org.gcmreview.submission.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The published report as PDF: the report page's own Thymeleaf template, rendered with {@code pdf = true} (print
 * layout, table of contents with page numbers, no site navigation) and laid out by openhtmltopdf. The font is
 * DejaVu (from the jasperreports-fonts artifact), which has Latin, Cyrillic and Arabic glyphs; ICU shapes Arabic and
 * orders right-to-left text. Chinese falls back, glyph by glyph, to a GB2312 subset of Noto Sans SC kept in the
 * repository (resources/fonts/noto-sans-sc, SIL OFL 1.1, see its README), the next family in the print CSS.
 */
@Component
class ReportPdf {

    static final String TEMPLATE = "submission/publication/report";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    static final String FONT_FAMILY = "DejaVu Sans";
    static final String CHINESE_FONT_FAMILY = "Noto Sans SC";
    private static final String CHINESE_FONT = "/fonts/noto-sans-sc/NotoSansSC-Regular-GB2312.ttf";

    private final ITemplateEngine templates;
    private final ApplicationContext application;

    ReportPdf(ITemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    byte[] render(Map<String, Object> model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        // a web context, so the template's @{...} links resolve exactly as on the page
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        WebContext context = new WebContext(exchange, locale, model);
        context.setVariable("pdf", true);
        // as Spring's own views do: lets the template call beans such as @formats (dates in the reader's language)
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String xhtml = templates.process(TEMPLATE, context);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, request.getRequestURL().toString());
            font(builder, "DejaVuSans.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSans-Oblique.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
            font(builder, "DejaVuSansMono.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL, "DejaVu Sans Mono");
            // one weight only (size): Chinese headings are set in the regular weight
            builder.useFont(() -> resource(CHINESE_FONT), CHINESE_FONT_FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection("ar".equals(locale.getLanguage())
                    ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The report PDF could not be rendered", e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style) {
        font(builder, file, weight, style, FONT_FAMILY);
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style,
            String family) {
        builder.useFont(() -> resource(FONTS + file), family, weight, style, true);
    }

    private static InputStream resource(String path) {
        InputStream in = ReportPdf.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Font " + path + " is missing from the classpath");
        }
        return in;
    }
}
