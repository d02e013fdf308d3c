/**
 * The people who run a deployment: the first administrator from configuration, accounts the administrator
 * invites (coordinators, secretariats), a country's ministries and their focal points kept by the coordinator,
 * and single-use set-password links. Owns {@code password_link}; writes accounts and ministries through SQL
 * listed as known exceptions in {@code TableOwnershipTest}. Offers nothing to other modules.
 */
package org.gcmreview.people;
