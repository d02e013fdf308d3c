package org.gcmreview;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class ApplicationStartsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void runsOnPostgresqlWithFlywayAndCamundaInOneDatabase() {
        String product = jdbc.sql("select version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL 17");
        Integer migrated = jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class)
                .single();
        assertThat(migrated).isGreaterThanOrEqualTo(1);
        Integer camundaTables = jdbc.sql(
                "select count(*) from information_schema.tables where table_name like 'act_ru_%'")
                .query(Integer.class).single();
        assertThat(camundaTables).isGreaterThan(5);
    }
}
