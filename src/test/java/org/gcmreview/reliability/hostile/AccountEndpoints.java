package org.gcmreview.reliability.hostile;

import static org.gcmreview.reliability.hostile.HostileEndpoints.NONSENSE;
import static org.gcmreview.reliability.hostile.HostileEndpoints.UNKNOWN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.gcmreview.identity.CurrentUser;

/**
 * The entries of the accounts' endpoints that came with single sign-on and two-factor sign-in (issues 18.1, 18.2):
 * approving or refusing a pending account (an administrator any, a coordinator those claiming their country;
 * another country's is not found), an administrator's reset of someone's two-factor sign-in, and new recovery
 * codes.
 */
final class AccountEndpoints {

    private AccountEndpoints() {
    }

    static List<HostileEndpoint> entries() {
        return List.of(
                HostileEndpoint.of("POST", "/admin/pending-accounts/{id}", f -> FormPost.of(
                                "/admin/pending-accounts/" + f.users.pending("KEN").id(), f.admin())
                                .field("role", "IMRF_SECRETARIAT").field("country", "").field("commission", ""))
                        .text("role", "country", "commission")
                        .forged(p -> List.of("/admin/pending-accounts/" + UNKNOWN,
                                "/admin/pending-accounts/" + NONSENSE))
                        // approved once, the account is no longer pending: the same post again is not found
                        .replayable().build(),
                HostileEndpoint.of("POST", "/admin/pending-accounts/{id}/refusal", f -> FormPost.of(
                                "/admin/pending-accounts/" + f.users.pending("KEN").id() + "/refusal", f.admin()))
                        .forged(p -> List.of("/admin/pending-accounts/" + UNKNOWN + "/refusal",
                                "/admin/pending-accounts/" + NONSENSE + "/refusal"))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/country/pending-accounts/{id}", f -> {
                            f.users.ministry("KEN", "INTERIOR");
                            return FormPost.of("/country/pending-accounts/" + f.users.pending("KEN").id(),
                                    f.coordinator()).field("ministry", "INTERIOR");
                        })
                        .text("ministry")
                        .forged(p -> List.of("/country/pending-accounts/" + UNKNOWN,
                                "/country/pending-accounts/" + NONSENSE))
                        .otherCountry((p, f) -> List.of("/country/pending-accounts/" + f.users.pending("GHA").id()))
                        .replayable().build(),
                HostileEndpoint.of("POST", "/country/pending-accounts/{id}/refusal", f -> FormPost.of(
                                "/country/pending-accounts/" + f.users.pending("KEN").id() + "/refusal", f.coordinator()))
                        .forged(p -> List.of("/country/pending-accounts/" + UNKNOWN + "/refusal",
                                "/country/pending-accounts/" + NONSENSE + "/refusal"))
                        .otherCountry((p, f) -> List.of("/country/pending-accounts/" + f.users.pending("GHA").id()
                                + "/refusal"))
                        .replayable().build(),

                // two-factor sign-in: an administrator resets a person's (a lost phone); found by user name
                HostileEndpoint.of("POST", "/admin/two-factor/reset", f -> {
                            CurrentUser person = f.users.coordinator("KEN");
                            enrol(f, person);
                            return FormPost.of("/admin/two-factor/reset", f.admin()).field("username", person.username());
                        })
                        // reset once, there is nothing left to reset: the same post again changes nothing
                        .text("username").replayable().build(),
                // new recovery codes after a current code (here one of the person's recovery codes)
                HostileEndpoint.of("POST", "/account/two-factor/recovery-codes", f -> {
                            CurrentUser person = f.users.coordinator("KEN");
                            return FormPost.of("/account/two-factor/recovery-codes", person)
                                    .field("code", enrol(f, person));
                        })
                        // the code is used up by the first post: the same post again is refused
                        .text("code").replayable().build());
    }

    /** Turns the person's two-factor sign-in on, as its set-up leaves it: one of their recovery codes. */
    private static String enrol(HostileFixture f, CurrentUser person) throws Exception {
        f.jdbc.sql("insert into totp_credential (user_id, secret, confirmed_at) values (?, 'JBSWY3DPEHPK3PXP', now())")
                .param(person.id()).update();
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        f.jdbc.sql("insert into recovery_code (user_id, code_sha256) values (?, ?)")
                .params(person.id(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(code.getBytes(StandardCharsets.UTF_8))))
                .update();
        return code;
    }
}
