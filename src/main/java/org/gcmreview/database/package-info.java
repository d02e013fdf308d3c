/**
 * The embedded PostgreSQL started when no database is configured (development runs and tests).
 * <p>Owns no table. Offers nothing to other modules.
 */
package org.gcmreview.database;
