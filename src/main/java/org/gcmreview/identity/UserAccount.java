package org.gcmreview.identity;

/** A row of app_user together with the password hash; never leaves the identity package. */
record UserAccount(CurrentUser user, String passwordHash, boolean enabled) {
}
