/**
 * Demo data for the embedded database: countries' ministries, an organisation and a user per role.
 * <p>Owns no table; writes demo rows into identity's, cycle's and consultation's tables at start-up (see
 * docs/architecture.md). Offers {@link org.gcmreview.demo.DemoData} (who the demo users are).
 */
package org.gcmreview.demo;
