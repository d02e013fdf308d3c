/**
 * What every page shares: security configuration, languages and formats, the page header's navigation, error
 * pages and refusals.
 * <p>Owns no table. Offers {@link org.gcmreview.web.Formats}, {@link org.gcmreview.web.SupportedLanguages},
 * {@link org.gcmreview.web.RefusalPage}, {@link org.gcmreview.web.PublicPages} (conditional GET of the public
 * pages that rarely change, and the copies rendered for their anonymous readers) and
 * {@link org.gcmreview.web.KeptCopies} (rendered public documents kept as bytes under their tag).
 */
package org.gcmreview.web;
