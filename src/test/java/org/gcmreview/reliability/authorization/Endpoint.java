package org.gcmreview.reliability.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One HTTP method and path pattern as a controller declares it, e.g. {@code POST /tasks/{taskId}}. A mapping
 * without a method (it answers every method) is {@code ANY}.
 *
 * @param handler the controller class, whose package says which feature owns the endpoint
 */
record Endpoint(String method, String pattern, Class<?> handler) {

    static Endpoint of(String method, String pattern) {
        return new Endpoint(method, pattern, null);
    }

    /** Method and pattern only: what the matrix's entries are keyed by. */
    String key() {
        return method + " " + pattern;
    }

    /** Every endpoint of the application's controllers whose class passes the filter. */
    static List<Endpoint> all(RequestMappingHandlerMapping mapping, Predicate<Class<?>> handlers) {
        List<Endpoint> endpoints = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
            Class<?> handler = method.getBeanType();
            if (!handlers.test(handler)) {
                return;
            }
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
            if (methods.isEmpty()) {
                methods.add("ANY");
            }
            for (String pattern : info.getPatternValues()) {
                for (String httpMethod : methods) {
                    endpoints.add(new Endpoint(httpMethod, pattern, handler));
                }
            }
        });
        return endpoints;
    }
}
