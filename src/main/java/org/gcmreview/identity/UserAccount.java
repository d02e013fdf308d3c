package org.gcmreview.identity;

/**
 * A row of app_user together with the password hash; never leaves the identity package.
 *
 * @param rightsVersion bumped by the database whenever what the user may reach changes (db/V120)
 */
record UserAccount(CurrentUser user, String passwordHash, boolean enabled, long rightsVersion) {

    UserAccount(CurrentUser user, String passwordHash, boolean enabled) {
        this(user, passwordHash, enabled, 0);
    }
}
