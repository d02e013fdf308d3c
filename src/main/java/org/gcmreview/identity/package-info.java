/**
 * Who the user is: accounts, roles, Camunda candidate groups and tenants, sign-in (with throttling) and its audit,
 * two-factor sign-in (TOTP, recovery codes, a country's requirement), the audit of refused requests, single
 * sign-on into Camunda's web apps, and single sign-on through OpenID Connect providers with its pending accounts.
 * <p>Owns the tables {@code app_user}, {@code login_failure}, {@code login_lock}, {@code totp_credential},
 * {@code recovery_code}, {@code two_factor_country} and {@code sso_identity}. Also offers
 * {@link org.gcmreview.identity.SingleSignOn} and {@link org.gcmreview.identity.PendingAccountGate} (for the security
 * filter chains), {@link org.gcmreview.identity.PendingAccounts} (the approval pages), {@link org.gcmreview.identity.TwoFactor},
 * {@link org.gcmreview.identity.SecondFactorSignIn} and {@link org.gcmreview.identity.SecondFactorGate} (the last
 * two for the security filter chains). Offers
 * {@link org.gcmreview.identity.CurrentUser} (injectable into controller methods), {@link org.gcmreview.identity.Role},
 * {@link org.gcmreview.identity.CandidateGroups}, {@link org.gcmreview.identity.UserAccountRepository} and
 * {@link org.gcmreview.identity.AccessDeniedAudit} for the security filter chains.
 */
package org.gcmreview.identity;
