package org.gcmreview.identity;

/** An account made by an administrator or a coordinator; its owner sets the password through an e-mailed link. */
public record NewAccount(String username, String displayName, String email, Role role, String countryIso3,
        Long ministryId, String commissionCode, String preferredLanguage) {
}
