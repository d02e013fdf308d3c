package org.gcmreview.identity;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's claims say a person is, checked against the provider's allowed values and the reference data:
 * a role, and the country, ministry or commission the role needs. {@link #complete()} only when they add up to a
 * whole account (a ministry focal point needs a country and one of its ministries, ...); otherwise the account
 * waits for approval, keeping the claimed country so that its coordinator can find it.
 */
record SsoClaims(Role role, String countryIso3, Long ministryId, String commissionCode) {

    /** Roles a provider may give; a stakeholder belongs to an organisation, which no claim names. */
    static final Set<Role> GIVEN_BY_CLAIMS = Set.of(Role.COORDINATOR, Role.MINISTRY, Role.REGIONAL_SECRETARIAT,
            Role.IMRF_SECRETARIAT, Role.ADMIN);

    static SsoClaims read(SingleSignOnProperties.Provider provider, Map<String, Object> claims,
            UserAccountRepository reference) {
        SingleSignOnProperties.Claims names = provider.claims();
        Role role = values(claims, names.role()).stream().map(provider.roles()::get)
                .filter(r -> r != null && GIVEN_BY_CLAIMS.contains(r)).findFirst().orElse(null);
        String country = first(claims, names.country()).map(c -> c.toUpperCase(Locale.ROOT))
                .filter(c -> c.matches("[A-Z]{3}"))
                .filter(c -> provider.countries().isEmpty() || provider.countries().contains(c))
                .filter(reference::countryExists).orElse(null);
        Long ministry = country == null ? null : first(claims, names.ministry()).map(m -> m.toUpperCase(Locale.ROOT))
                .flatMap(code -> reference.activeMinistry(country, code)).orElse(null);
        String commission = first(claims, names.commission()).map(c -> c.toUpperCase(Locale.ROOT))
                .filter(reference::commissionExists).orElse(null);
        return new SsoClaims(role, country, ministry, commission);
    }

    boolean complete() {
        if (role == null) {
            return false;
        }
        return switch (role) {
            case COORDINATOR -> countryIso3 != null;
            case MINISTRY -> countryIso3 != null && ministryId != null;
            case REGIONAL_SECRETARIAT -> commissionCode != null;
            case IMRF_SECRETARIAT, ADMIN -> true;
            case STAKEHOLDER, PENDING -> false;
        };
    }

    /** The account's fields: only those its role uses (the table's checks want no more). */
    SsoClaims asAccount() {
        if (!complete()) {
            return new SsoClaims(Role.PENDING, countryIso3, null, null);
        }
        return switch (role) {
            case COORDINATOR -> new SsoClaims(role, countryIso3, null, null);
            case MINISTRY -> new SsoClaims(role, countryIso3, ministryId, null);
            case REGIONAL_SECRETARIAT -> new SsoClaims(role, null, null, commissionCode);
            default -> new SsoClaims(role, null, null, null);
        };
    }

    /** Whether the provider says it asked for a second factor ({@code amr} holds, or {@code acr} is, a value). */
    static boolean secondFactorShown(SingleSignOnProperties.Provider provider, Map<String, Object> claims) {
        return values(claims, "amr").stream().anyMatch(provider.twoFactorValues()::contains)
                || first(claims, "acr").filter(provider.twoFactorValues()::contains).isPresent();
    }

    private static Optional<String> first(Map<String, Object> claims, String name) {
        return values(claims, name).stream().findFirst();
    }

    /** A claim as strings: a single value or a list of them (Keycloak sends roles as lists). */
    private static List<String> values(Map<String, Object> claims, String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        Object value = claims.get(name);
        if (value instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null && !v.toString().isBlank()).map(v -> v.toString().trim())
                    .toList();
        }
        return value == null || value.toString().isBlank() ? List.of() : List.of(value.toString().trim());
    }
}
