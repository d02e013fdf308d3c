package org.gcmreview.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * What the server did for each benchmarked operation: its server-side time (measured by a filter in front of
 * everything else, so it includes Spring Security, the controller, the database and the rendered page, but not
 * the client or the network) and every SQL statement it sent, with its time and, for the EXPLAIN output, the
 * parameters of its last execution. The operation is named by the client in a request header; statements run
 * by Camunda's job executor have no operation and are counted under "(background)".
 */
final class Recorder {

    static final String BACKGROUND = "(background)";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Map<String, Operation> OPERATIONS = new ConcurrentHashMap<>();

    private Recorder() {
    }

    /** One SQL text as sent by one operation. */
    static final class Sql {
        final String text;
        final AtomicLong executions = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        volatile List<Object[]> lastParameters = List.of();

        Sql(String text) {
            this.text = text;
        }
    }

    static final class Operation {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong statements = new AtomicLong();
        final ConcurrentLinkedQueue<Long> serverNanos = new ConcurrentLinkedQueue<>();
        /** CPU time of the server thread that handled the request (the JVM's part, not PostgreSQL's). */
        final AtomicLong cpuNanos = new AtomicLong();
        final Map<String, Sql> sql = new ConcurrentHashMap<>();

        double statementsPerRequest() {
            return requests.get() == 0 ? Double.NaN : statements.get() / (double) requests.get();
        }

        /** Mean time per request spent executing SQL statements (the rest is Java: HTTP, security, views). */
        double sqlMsPerRequest() {
            long nanos = sql.values().stream().mapToLong(s -> s.nanos.get()).sum();
            return requests.get() == 0 ? Double.NaN : nanos / 1e6 / requests.get();
        }

        /**
         * Mean CPU time of the serving thread per request: what the request cost the application, whatever the
         * rest of the machine did meanwhile (unlike its time, which grows with the others' load).
         */
        double cpuMsPerRequest() {
            return requests.get() == 0 ? Double.NaN : cpuNanos.get() / 1e6 / requests.get();
        }

        Latencies serverTimes() {
            return Latencies.of(serverNanos.stream().mapToLong(Long::longValue).toArray(), 0, 0);
        }

        /** The operation's statements, the most time-consuming first. */
        List<Sql> heaviest() {
            List<Sql> list = new ArrayList<>(sql.values());
            list.sort(Comparator.comparingLong((Sql s) -> s.nanos.get()).reversed());
            return list;
        }
    }

    static Operation operation(String name) {
        return OPERATIONS.computeIfAbsent(name, n -> new Operation());
    }

    /** Forgets everything recorded for these operations (e.g. after a warm-up). */
    static void reset(String... names) {
        for (String name : names) {
            OPERATIONS.remove(name);
        }
    }

    /** Runs in-process work (a baseline) as the named operation, so its statements are counted too. */
    static <T> T as(String name, java.util.concurrent.Callable<T> work) throws Exception {
        String previous = CURRENT.get();
        CURRENT.set(name);
        try {
            return work.call();
        } finally {
            CURRENT.set(previous);
        }
    }

    static void begin(String name) {
        CURRENT.set(name);
    }

    static void end(String name, long nanos, long cpuNanos) {
        CURRENT.remove();
        Operation op = operation(name);
        op.requests.incrementAndGet();
        op.serverNanos.add(nanos);
        op.cpuNanos.addAndGet(cpuNanos);
    }

    /** CPU time of the current thread so far (ThreadMXBean), in nanoseconds. */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Wraps the application's DataSource so every statement is counted against the current operation. */
    static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(Recorder.class.getClassLoader(), new Class<?>[] {DataSource.class},
                new Forwarder(target, (proxy, method, args, result) -> method.getName().equals("getConnection")
                        ? connection((Connection) result) : result));
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(Recorder.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Forwarder(target, (proxy, method, args, result) -> {
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                        return statement(ps, (String) args[0]);
                    }
                    if (method.getName().equals("createStatement") && result instanceof Statement st) {
                        return statement(st, null);
                    }
                    return result;
                }));
    }

    private static Statement statement(Statement target, String sql) {
        Class<?> type = target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        Map<Integer, Object[]> parameters = new TreeMap<>();
        return (Statement) Proxy.newProxyInstance(Recorder.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i
                            && type == PreparedStatement.class) {
                        synchronized (parameters) {
                            parameters.put(i, new Object[] {method, args});
                        }
                    } else if (name.equals("clearParameters")) {
                        synchronized (parameters) {
                            parameters.clear();
                        }
                    }
                    if (!name.startsWith("execute")) {
                        return invoke(target, method, args);
                    }
                    String text = sql != null ? sql : (args != null && args.length > 0 && args[0] instanceof String s
                            ? s : "(batch)");
                    long start = System.nanoTime();
                    try {
                        return invoke(target, method, args);
                    } finally {
                        long took = System.nanoTime() - start;
                        String current = CURRENT.get();
                        Operation op = operation(current == null ? BACKGROUND : current);
                        op.statements.incrementAndGet();
                        Sql s = op.sql.computeIfAbsent(normalise(text), Sql::new);
                        s.executions.incrementAndGet();
                        s.nanos.addAndGet(took);
                        synchronized (parameters) {
                            s.lastParameters = List.copyOf(parameters.values());
                        }
                    }
                });
    }

    /**
     * The texts seen so far, normalised once: a regular expression over each statement's text on every execution
     * was itself a measurable part of the request threads' CPU, and more of the input form's, whose statements are
     * longer and more than the floor pair's (issue 19.1, JFR).
     */
    private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();

    private static String normalise(String sql) {
        return NORMALISED.computeIfAbsent(sql, s -> s.strip().replaceAll("\\s+", " "));
    }

    private interface After {
        Object apply(Object proxy, Method method, Object[] args, Object result) throws Exception;
    }

    /** Forwards every call to the target, lets {@code after} wrap what comes back, and answers unwrap itself. */
    private record Forwarder(Object target, After after) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
                return true;
            }
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            return after.apply(proxy, method, args, Recorder.invoke(target, method, args));
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
