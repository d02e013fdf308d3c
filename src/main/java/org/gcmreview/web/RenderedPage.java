package org.gcmreview.web;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A page rendered into bytes instead of the response, by the same view Spring renders for a controller that
 * returns the template's name (same request context, links, messages, headers such as Content-Language), so that
 * a copy kept for later readers is the page a reader would have got.
 */
@Component
class RenderedPage {

    private final ThymeleafViewResolver views;

    RenderedPage(ThymeleafViewResolver views) {
        this.views = views;
    }

    byte[] render(String template, Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View view = views.resolveViewName(template, LocaleContextHolder.getLocale());
            if (view == null) {
                throw new IllegalStateException("No view for the template " + template);
            }
            Captured captured = new Captured(response);
            view.render(model, request, captured);
            return captured.bytes();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The page " + template + " could not be rendered", e);
        }
    }

    /** The response as the view sees it: headers go through, the body stays here. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final CharArrayWriter chars = new CharArrayWriter(64 * 1024);
        private final PrintWriter writer = new PrintWriter(chars);
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                raw.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                raw.write(b, off, len);
            }
        };

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public void setContentLength(int len) {
            // the length of the bytes kept, which the controller sets
        }

        @Override
        public void setContentLengthLong(long len) {
            // as above
        }

        byte[] bytes() {
            writer.flush();
            if (raw.size() > 0) {
                return raw.toByteArray();
            }
            // the view's content type is text/html;charset=UTF-8 (spring.thymeleaf.servlet.content-type)
            return chars.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
