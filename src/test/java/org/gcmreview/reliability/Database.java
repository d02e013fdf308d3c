package org.gcmreview.reliability;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A PostgreSQL server started by a test, which app nodes connect to and the test inspects directly. */
interface Database {

    String jdbcUrl();

    String username();

    String password();

    /** The test's own connection, for setting up data and for checking what the nodes stored. */
    JdbcClient jdbc();
}
