/**
 * Small helpers every feature may use, each in one place: SHA-256 hex ({@link org.gcmreview.support.Sha256}), CSV
 * with the formula-injection rule ({@link org.gcmreview.support.Csv}), JDBC timestamps
 * ({@link org.gcmreview.support.Timestamps}) and the base of the features' message-bundle wrappers
 * ({@link org.gcmreview.support.Messages}).
 * <p>Owns no table; depends on no other module.
 */
package org.gcmreview.support;
