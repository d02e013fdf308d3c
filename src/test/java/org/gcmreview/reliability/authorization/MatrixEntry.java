package org.gcmreview.reliability.authorization;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One row of the authorization matrix: an endpoint, how to make a concrete request to it (with the data it needs,
 * made fresh for every caller so that one caller's success cannot change another's answer), and the expected
 * {@link Access} of every {@link Caller}.
 */
record MatrixEntry(Endpoint endpoint, Request request, Map<Caller, Access> expected) {

    /** Builds the concrete request; the matrix adds the caller and a CSRF token. */
    @FunctionalInterface
    interface Request {
        MockHttpServletRequestBuilder build(MatrixFixture fixture) throws Exception;
    }

    static Builder of(String method, String pattern, Request request) {
        return new Builder(Endpoint.of(method, pattern), request);
    }

    static final class Builder {
        private final Endpoint endpoint;
        private final Request request;
        private final Map<Caller, Access> expected = new EnumMap<>(Caller.class);

        private Builder(Endpoint endpoint, Request request) {
            this.endpoint = endpoint;
            this.request = request;
        }

        /**
         * Every caller gets this answer unless said otherwise below; but a pending account is sent to its one page
         * everywhere unless an entry says otherwise ({@link #build()}).
         */
        Builder everyone(Access access) {
            Arrays.stream(Caller.values()).filter(caller -> caller != Caller.PENDING)
                    .forEach(caller -> expected.put(caller, access));
            return this;
        }

        /**
         * Only these callers get through: anybody else signed in gets 403, anonymous callers are sent to sign
         * in.
         */
        Builder onlyFor(Caller... callers) {
            return everyone(Access.FORBIDDEN).but(Access.SIGN_IN, Caller.ANONYMOUS).but(Access.ALLOWED, callers);
        }

        Builder but(Access access, Caller... callers) {
            Arrays.stream(callers).forEach(caller -> expected.put(caller, access));
            return this;
        }

        MatrixEntry build() {
            // the secretariats' JSON API (a chain of its own) refuses a pending session as any session without
            // a secretariat's role (403), and a bad token as it refuses everybody (401)
            Access api = expected.get(Caller.COORDINATOR) == Access.UNAUTHORIZED ? Access.UNAUTHORIZED
                    : Access.FORBIDDEN;
            expected.putIfAbsent(Caller.PENDING, expected.get(Caller.ANONYMOUS) == Access.UNAUTHORIZED ? api
                    : Access.AWAITING_APPROVAL);
            if (expected.size() != Caller.values().length) {
                throw new IllegalStateException(endpoint.key() + " does not say what every caller gets");
            }
            return new MatrixEntry(endpoint, request, Map.copyOf(expected));
        }
    }
}
