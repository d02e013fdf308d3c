package org.gcmreview.reference;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the reference tables that Flyway fills (db/V2__reference_data.sql); nothing here writes. */
@Repository
class ReferenceDataRepository {

    private final JdbcClient jdbc;

    ReferenceDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All objectives in two queries: every action, then the objectives with their targets aggregated. */
    List<Objective> objectives() {
        Map<Integer, List<ObjectiveAction>> actions = jdbc.sql("""
                select objective_number, letter, text from objective_action
                 order by objective_number, length(letter), letter
                """)
                .query((rs, row) -> new ActionRow(rs.getInt("objective_number"), rs.getString("letter"),
                        rs.getString("text")))
                .list().stream()
                .collect(groupingBy(ActionRow::objectiveNumber,
                        mapping(r -> new ObjectiveAction(r.letter(), r.text()), toList())));
        return jdbc.sql("""
                select o.number, o.short_title, o.title, o.all_sdgs,
                       array_remove(array_agg(t.target order by t.position), null) as targets
                  from objective o left join objective_sdg_target t on t.objective_number = o.number
                 group by o.number
                 order by o.number
                """)
                .query((rs, row) -> new Objective(rs.getInt("number"), rs.getString("short_title"),
                        rs.getString("title"), rs.getBoolean("all_sdgs"),
                        actions.getOrDefault(rs.getInt("number"), List.of()), strings(rs.getArray("targets"))))
                .list();
    }

    List<RegionalCommission> commissions() {
        return jdbc.sql("select code, name from regional_commission order by code")
                .query(RegionalCommission.class).list();
    }

    List<Country> countries() {
        return jdbc.sql("select iso3, name, commission_code from country").query(Country.class).list();
    }

    List<GuidingPrinciple> guidingPrinciples() {
        return jdbc.sql("select number, name, description from guiding_principle order by number")
                .query(GuidingPrinciple.class).list();
    }

    List<StakeholderType> stakeholderTypes() {
        return jdbc.sql("select code, name from stakeholder_type order by position")
                .query(StakeholderType.class).list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record ActionRow(int objectiveNumber, String letter, String text) {
    }
}
