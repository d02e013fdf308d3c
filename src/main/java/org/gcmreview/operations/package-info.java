/**
 * What operators need besides the pages: the Prometheus metrics endpoint, readable only by the configured
 * scraper account. Owns no table. Offers nothing to other modules.
 */
package org.gcmreview.operations;
