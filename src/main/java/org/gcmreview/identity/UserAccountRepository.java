package org.gcmreview.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserAccountRepository {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.email, u.role, u.country_iso3, u.ministry_id,
                   m.code as ministry_code, u.organisation_id, u.commission_code, u.password_hash, u.enabled,
                   u.rights_version, u.government_member
              from app_user u left join ministry m on m.id = u.ministry_id
            """;

    /** Stored as the hash of an account without a password: no BCrypt hash, so no password matches it. */
    public static final String NO_PASSWORD = "!none";

    private final JdbcClient jdbc;

    public UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findAccount(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(this::mapAccount).optional();
    }

    Optional<UserAccount> findAccountById(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(this::mapAccount).optional();
    }

    public Optional<CurrentUser> findByUsername(String username) {
        return findAccount(username).filter(UserAccount::enabled).map(UserAccount::user);
    }

    public Optional<CurrentUser> findById(long id) {
        return findAccountById(id).map(UserAccount::user);
    }

    /**
     * The one enabled account whose user name or e-mail address this is (case ignored), for a password reset;
     * empty when there is none, or more than one (an address two accounts share names neither). An account that
     * signs in through a provider has no password here, and gets none: its provider is where it signs in.
     */
    public Optional<CurrentUser> findEnabledByUsernameOrEmail(String nameOrEmail) {
        List<UserAccount> found = jdbc.sql(SELECT + """
                 where u.enabled and (lower(u.username) = lower(:name) or lower(u.email) = lower(:name))
                   and not exists (select 1 from sso_identity s where s.user_id = u.id) limit 2""")
                .param("name", nameOrEmail).query(this::mapAccount).list();
        return found.size() == 1 ? Optional.of(found.get(0).user()) : Optional.empty();
    }

    /** Enabled users, in username order. */
    public List<CurrentUser> findAllEnabled() {
        return jdbc.sql(SELECT + " where u.enabled order by u.username").query(this::mapAccount).list()
                .stream().map(UserAccount::user).toList();
    }

    public List<CurrentUser> findEnabledInGroup(String group) {
        // one query for the group's members (a new task offered to a ministry used to read every enabled account)
        return CandidateGroups.membersOf(group).map(members -> jdbc.sql(SELECT + """
                         where u.enabled and (cast(:role as text) is null or u.role = :role)
                           and (cast(:government as boolean) is null or u.government_member = :government)
                           and (cast(:country as text) is null or u.country_iso3 = :country)
                           and (cast(:ministry as text) is null or m.code = :ministry)
                           and (cast(:commission as text) is null or u.commission_code = :commission)
                         order by u.username""")
                        .param("role", members.role() == null ? null : members.role().name())
                        .param("government", members.governmentMember()).param("country", members.countryIso3())
                        .param("ministry", members.ministryCode()).param("commission", members.commissionCode())
                        .query(this::mapAccount).list().stream().map(UserAccount::user)
                        // the same rule as a signed-in user's groups, so the two can never disagree
                        .filter(user -> user.candidateGroups().contains(group)).toList())
                .orElse(List.of());
    }

    /**
     * The version of what this user may reach (db/V120: bumped by a trigger on every change of enabled, role,
     * country, ministry, organisation or commission); empty when the user is gone or disabled.
     */
    Optional<Long> rightsVersion(long userId) {
        return jdbc.sql("select rights_version from app_user where id = ? and enabled").param(userId)
                .query(Long.class).optional();
    }

    public Optional<String> preferredLanguage(long userId) {
        return jdbc.sql("select preferred_language from app_user where id = ?").param(userId)
                .query(String.class).optional();
    }

    /**
     * Creates an account that cannot sign in until its owner sets a password through a single-use link
     * ({@link #NO_PASSWORD} matches no password). Returns its id, or empty when the user name is taken.
     */
    public Optional<Long> createInvited(NewAccount account) {
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, ministry_id,
                                      commission_code, preferred_language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (username) do nothing
                returning id""")
                .params(account.username(), NO_PASSWORD, account.displayName(), account.email(), account.role().name(),
                        account.countryIso3(), account.ministryId(), account.commissionCode(),
                        account.preferredLanguage())
                .query(Long.class).optional();
    }

    /**
     * The one way an existing account's access changes (enabled, ministry, password): every such change goes
     * through here, so whatever must follow a change of rights (open sessions) hangs on one place.
     */
    public void change(long userId, AccountChange change) {
        jdbc.sql("""
                update app_user set enabled = coalesce(?, enabled), ministry_id = coalesce(?, ministry_id),
                                    password_hash = coalesce(?, password_hash)
                 where id = ?""")
                .params(change.enabled(), change.ministryId(), change.passwordHash(), userId).update();
    }

    /**
     * Ends the account's open sessions at their next request, on every node (RightsCheck compares the version):
     * for a new password replacing one somebody else may have known.
     */
    public void endSessions(long userId) {
        jdbc.sql("update app_user set rights_version = rights_version + 1 where id = ?").param(userId).update();
    }

    /**
     * Names an account of a country's team a member of the country's government group, or no longer (issue 14.4).
     * A change of rights: the account's open sessions end (the trigger bumps rights_version), and it gets the
     * group's tasks at its next sign-in. False when the account is not a coordinator's or ministry's of the country, or
     * already is (or is not) a member: a replayed post changes nothing and is not audited again.
     */
    public boolean setGovernmentMember(long userId, String countryIso3, boolean member) {
        return jdbc.sql("""
                update app_user set government_member = ?
                 where id = ? and country_iso3 = ? and role in ('COORDINATOR', 'MINISTRY')
                   and government_member <> ?""")
                .params(member, userId, countryIso3, member).update() == 1;
    }

    /** The enabled accounts of a country's team (coordinators and ministries) in name order, for its government group. */
    public List<CurrentUser> findCountryTeam(String countryIso3) {
        return jdbc.sql(SELECT + """
                 where u.enabled and u.country_iso3 = ? and u.role in ('COORDINATOR', 'MINISTRY')
                 order by u.display_name, u.username""").param(countryIso3).query(this::mapAccount).list().stream()
                .map(UserAccount::user).toList();
    }

    /** Whether the account's owner has set a password (an invited account has none until then). */
    public boolean hasPassword(long userId) {
        return jdbc.sql("select password_hash <> ? from app_user where id = ?").params(NO_PASSWORD, userId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Whether the account signs in through a single sign-on provider (SingleSignOn): it has no local password. */
    public boolean signsInThroughProvider(long userId) {
        return jdbc.sql("select count(*) from sso_identity where user_id = ?").param(userId).query(Integer.class)
                .single() > 0;
    }

    public void savePreferredLanguage(long userId, String language) {
        jdbc.sql("update app_user set preferred_language = ? where id = ?").params(language, userId).update();
    }

    /** Whether the country is in the reference data (single sign-on reads an ISO3 from a claim). */
    boolean countryExists(String iso3) {
        return jdbc.sql("select count(*) from country where iso3 = ?").param(iso3).query(Integer.class).single() > 0;
    }

    /** The country's ministry with this code that is not retired, if any. */
    Optional<Long> activeMinistry(String iso3, String code) {
        return jdbc.sql("select id from ministry where country_iso3 = ? and code = ? and retired_at is null")
                .params(iso3, code).query(Long.class).optional();
    }

    boolean commissionExists(String code) {
        return jdbc.sql("select count(*) from regional_commission where code = ?").param(code)
                .query(Integer.class).single() > 0;
    }

    private UserAccount mapAccount(ResultSet rs, int row) throws SQLException {
        CurrentUser user = new CurrentUser(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                trimmed(rs.getString("country_iso3")),
                rs.getObject("ministry_id", Long.class),
                rs.getString("ministry_code"),
                rs.getObject("organisation_id", Long.class),
                rs.getString("commission_code"),
                rs.getBoolean("government_member"));
        return new UserAccount(user, rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getLong("rights_version"));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
