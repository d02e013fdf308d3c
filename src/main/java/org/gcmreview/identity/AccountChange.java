package org.gcmreview.identity;

/** A change to an account's access; a null field stays as it is. */
public record AccountChange(Boolean enabled, Long ministryId, String passwordHash) {

    public static AccountChange enabled(boolean enabled) {
        return new AccountChange(enabled, null, null);
    }

    public static AccountChange ministry(long ministryId) {
        return new AccountChange(null, ministryId, null);
    }

    public static AccountChange password(String passwordHash) {
        return new AccountChange(null, null, passwordHash);
    }
}
