package org.gcmreview.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** One Chromium per test class (starting one costs about a second); see {@link BrowserTest}. */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Chromium first: without it the class fails at once, before the app is started for nothing.
        Chromium chromium = Chromium.start();
        context.getStore(NAMESPACE).put(Chromium.class, chromium);
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        context.getStore(NAMESPACE).put(Browser.class, new Browser(chromium.driver(), "http://localhost:" + port));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Chromium chromium = context.getStore(NAMESPACE).remove(Chromium.class, Chromium.class);
        if (chromium != null) {
            chromium.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static Browser browser(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    }
}
