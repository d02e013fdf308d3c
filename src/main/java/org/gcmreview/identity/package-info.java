/**
 * Who the user is: accounts, roles, Camunda candidate groups and tenants, sign-in (with throttling) and its audit,
 * the audit of refused requests, and single sign-on into Camunda's web apps.
 * <p>Owns the tables {@code app_user}, {@code login_failure} and {@code login_lock}. Offers
 * {@link org.gcmreview.identity.CurrentUser} (injectable into controller methods), {@link org.gcmreview.identity.Role},
 * {@link org.gcmreview.identity.CandidateGroups}, {@link org.gcmreview.identity.UserAccountRepository} and
 * {@link org.gcmreview.identity.AccessDeniedAudit} for the security filter chains.
 */
package org.gcmreview.identity;
