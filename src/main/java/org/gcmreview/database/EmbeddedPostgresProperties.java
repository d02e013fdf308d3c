package org.gcmreview.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data. Used only when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory folder of the cluster; kept across restarts unless {@code cleanDataDirectory}
 * @param cleanDataDirectory start from an empty cluster (the tests do, so every run is reproducible)
 * @param port TCP port on loopback; 0 picks a free one
 */
@ConfigurationProperties("gcm.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, boolean cleanDataDirectory, int port) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "postgres");
        }
    }
}
