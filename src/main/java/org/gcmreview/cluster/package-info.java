/**
 * Running several app nodes side by side: HTTP sessions kept in PostgreSQL (Spring Session JDBC).
 * <p>Owns the tables {@code spring_session} and {@code spring_session_attributes} (through Spring Session). Offers
 * nothing to other modules.
 */
package org.gcmreview.cluster;
