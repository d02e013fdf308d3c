/**
 * What every page shares: security configuration, languages and formats, the page header's navigation, error
 * pages and refusals.
 * <p>Owns no table. Offers {@link org.gcmreview.web.Formats}, {@link org.gcmreview.web.SupportedLanguages} and
 * {@link org.gcmreview.web.RefusalPage}.
 */
package org.gcmreview.web;
