package org.gcmreview.reliability.hostile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row count and highest id of every application table and of Camunda's running tasks and executions: two
 * snapshots that are equal mean a request stored, and started or completed, nothing.
 * <p>
 * Two kinds of rows are left out on purpose, because the application writes them for refused requests too:
 * ACCESS_DENIED audit events (every 403 is audited, org.gcmreview.identity.AccessDeniedAudit) and the Spring
 * Session tables (unused in these tests; a session is bookkeeping, not data).
 */
record DatabaseSnapshot(Map<String, String> tables) {

    /** Camunda's runtime tables whose change would mean a task was completed or a process moved on. */
    static final List<String> ENGINE_TABLES = List.of("act_ru_task", "act_ru_execution");

    static DatabaseSnapshot take(JdbcClient jdbc) {
        List<String> names = jdbc.sql("""
                select t.table_name from information_schema.tables t
                 where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and t.table_name not like 'act\\_%' and t.table_name not like 'spring\\_session%'
                 order by t.table_name""").query(String.class).list();
        Map<String, String> tables = new TreeMap<>();
        for (String table : names) {
            tables.put(table, describe(jdbc, table, "audit_event".equals(table) ? "action <> 'ACCESS_DENIED'" : "true"));
        }
        for (String table : ENGINE_TABLES) {
            tables.put(table, describe(jdbc, table, "true"));
        }
        return new DatabaseSnapshot(tables);
    }

    private static String describe(JdbcClient jdbc, String table, String condition) {
        boolean hasId = jdbc.sql("""
                select count(*) from information_schema.columns
                 where table_schema = current_schema() and table_name = ? and column_name in ('id', 'id_')""")
                .param(table).query(Integer.class).single() > 0;
        // table names come from information_schema, never from a request
        String id = table.startsWith("act_") ? "id_" : "id";
        // an id may be a uuid (word_import), which has no max(): its text stands in
        boolean uuid = hasId && "uuid".equals(jdbc.sql("""
                select data_type from information_schema.columns
                 where table_schema = current_schema() and table_name = ? and column_name = ?""")
                .params(table, id).query(String.class).optional().orElse(""));
        String max = uuid ? "max(" + id + "::text)" : "max(" + id + ")::text";
        String sql = "select count(*) || '/' || " + (hasId ? "coalesce(" + max + ", '-')" : "'-'")
                + " from " + table + " where " + condition;
        return "rows/max id " + jdbc.sql(sql).query(String.class).single();
    }

    /** The tables whose rows differ from the other snapshot's, with both descriptions. */
    Map<String, String> differences(DatabaseSnapshot later) {
        Map<String, String> changed = new TreeMap<>();
        tables.forEach((table, before) -> {
            String after = later.tables.get(table);
            if (!before.equals(after)) {
                changed.put(table, before + " -> " + after);
            }
        });
        return changed;
    }
}
