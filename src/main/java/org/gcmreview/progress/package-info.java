/**
 * A cycle's progress page for the country's coordinator and ministries: each ministry's drafting, the
 * objectives by implementation status, the sign-off decisions and the frozen versions.
 * <p>Owns no table: it reads through the cycle, report and signoff modules. Offers nothing to other modules.
 */
package org.gcmreview.progress;
