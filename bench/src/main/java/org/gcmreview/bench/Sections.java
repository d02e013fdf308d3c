package org.gcmreview.bench;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the sections share: the statement table of an operation and the query plans of its heavy statements. */
final class Sections {

    private static final Pattern INDEX = Pattern.compile("(?:Index Scan|Index Only Scan)(?: Backward)? using (\\S+)"
            + "|Bitmap Index Scan on (\\S+)");

    private Sections() {
    }

    /** The operation's SQL statements, most time-consuming first: how often per request and how long each. */
    static String sqlTable(Recorder.Operation op) {
        StringBuilder out = new StringBuilder("| per request | mean | statement |\n| --- | --- | --- |\n");
        long requests = Math.max(1, op.requests.get());
        List<Recorder.Sql> heaviest = op.heaviest();
        for (Recorder.Sql sql : heaviest.subList(0, Math.min(60, heaviest.size()))) {
            String text = sql.text.length() > 160 ? sql.text.substring(0, 157) + "..." : sql.text;
            out.append("| %.2f | %s | `%s` |\n".formatted(sql.executions.get() / (double) requests,
                    Report.ms(sql.nanos.get() / 1e6 / Math.max(1, sql.executions.get())), text.replace("|", "\\|")));
        }
        if (heaviest.size() > 60) {
            out.append("| | | ... ").append(heaviest.size() - 60).append(" more |\n");
        }
        return out.toString();
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a recorded SELECT with its last parameters, and the indexes the plan used. */
    static String explain(App app, Recorder.Sql sql) throws Exception {
        String lower = sql.text.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("select") || lower.startsWith("with"))) {
            return "(not a SELECT: not explained)";
        }
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection(app.pool.getJdbcUrl(), app.pool.getUsername(),
                app.pool.getPassword() == null ? "" : app.pool.getPassword());
                PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql.text)) {
            try {
                for (Object[] parameter : sql.lastParameters) {
                    ((Method) parameter[0]).invoke(ps, (Object[]) parameter[1]);
                }
            } catch (ReflectiveOperationException e) {
                // the recorded parameters do not fit the text (e.g. Camunda's MyBatis reuses a statement text with
                // another parameter list): report it, and go on with the rest of the run
                return "(not explained: its recorded parameters do not fit: " + e.getCause() + ")";
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            Set<String> indexes = new LinkedHashSet<>();
            Matcher m = INDEX.matcher(plan);
            while (m.find()) {
                indexes.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            plan.append("\nIndexes used:\n");
            if (indexes.isEmpty()) {
                plan.append("  (none)\n");
            }
            for (String index : indexes) {
                try (PreparedStatement def = c.prepareStatement(
                        "select indexdef from pg_indexes where indexname = ?")) {
                    def.setString(1, index);
                    try (ResultSet rs = def.executeQuery()) {
                        plan.append("  ").append(rs.next() ? rs.getString(1) : index).append('\n');
                    }
                }
            }
        }
        return plan.toString();
    }
}
