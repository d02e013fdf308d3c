package org.gcmreview.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.GroupQueryProperty;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TenantQueryProperty;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.query.QueryProperty;
import org.gcmreview.identity.CandidateGroups.Members;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users, groups and tenants as Camunda sees them, answered from our own tables so there is one user store:
 * users are the enabled rows of app_user, groups are the candidate groups that our reference data makes
 * possible (one coordinator and one stakeholder group per country, one group per ministry and per regional
 * commission, plus the fixed ones), tenants are the countries. Filtering, ordering, paging and counting all
 * happen in PostgreSQL.
 * <p>One class of about 300 lines on purpose: Camunda's identity queries ask for users, groups and tenants with
 * the same kinds of criteria (ids, names, memberships), ordering and paging, and the three query builders share
 * those rules (orderBy, Rows); side by side they are checked against each other, split they would drift.
 */
@Repository
class IdentityDirectory {

    /** Enabled users; display_name splits into first name (first word) and last name (the rest). */
    private static final String USERS = """
            select u.username as id,
                   split_part(btrim(u.display_name), ' ', 1) as first_name,
                   nullif(btrim(substr(btrim(u.display_name), length(split_part(btrim(u.display_name), ' ', 1)) + 1)),
                          '') as last_name,
                   u.email, u.role, btrim(u.country_iso3) as country_iso3, m.code as ministry_code, u.commission_code,
                   u.government_member
              from app_user u left join ministry m on m.id = u.ministry_id
             where u.enabled""";

    private static final String WORKFLOW = "'" + Groups.GROUP_TYPE_WORKFLOW + "'";
    private static final String SYSTEM = "'" + Groups.GROUP_TYPE_SYSTEM + "'";

    /** Every group a task could be routed to, with a name a person can read ("Coordinator, Kenya"). */
    private static final String GROUPS = """
            select '%1$s' || c.iso3 as id, 'Coordinator, ' || c.name as name, %5$s as type,
                   btrim(c.iso3) as tenant_id
              from country c
            union all
            select '%2$s' || c.iso3, 'Stakeholders, ' || c.name, %5$s, btrim(c.iso3)
              from country c
            union all
            select '%10$s' || c.iso3, 'Government, ' || c.name, %5$s, btrim(c.iso3)
              from country c
            union all
            select '%3$s' || m.country_iso3 || '-' || m.code, m.name || ', ' || c.name, %5$s, btrim(m.country_iso3)
              from ministry m join country c on c.iso3 = m.country_iso3
            union all
            select '%4$s' || r.code, 'Regional secretariat, ' || r.name, %5$s, null
              from regional_commission r
            union all
            select '%7$s', 'IMRF secretariat', %5$s, null
            union all
            select '%8$s', 'Administrators', %6$s, null
            union all
            select '%9$s', 'Camunda administrators', %6$s, null""".formatted(
            CandidateGroups.COORDINATOR_PREFIX, CandidateGroups.STAKEHOLDER_PREFIX, CandidateGroups.MINISTRY_PREFIX,
            CandidateGroups.REGIONAL_SECRETARIAT_PREFIX, WORKFLOW, SYSTEM, CandidateGroups.IMRF_SECRETARIAT,
            CandidateGroups.ADMIN, CandidateGroups.CAMUNDA_ADMIN, CandidateGroups.GOVERNMENT_PREFIX);

    private static final String TENANTS = "select btrim(c.iso3) as id, c.name from country c";

    private static final Map<QueryProperty, String> USER_COLUMNS = Map.of(
            UserQueryProperty.USER_ID, "id",
            UserQueryProperty.FIRST_NAME, "first_name",
            UserQueryProperty.LAST_NAME, "last_name",
            UserQueryProperty.EMAIL, "email");
    private static final Map<QueryProperty, String> GROUP_COLUMNS = Map.of(
            GroupQueryProperty.GROUP_ID, "id",
            GroupQueryProperty.NAME, "name",
            GroupQueryProperty.TYPE, "type");
    private static final Map<QueryProperty, String> TENANT_COLUMNS = Map.of(
            TenantQueryProperty.GROUP_ID, "id",
            TenantQueryProperty.NAME, "name");

    private static final String COUNTRY_ROLES = Arrays.stream(Role.values()).filter(Role::isCountryRole)
            .map(role -> "'" + role.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;

    IdentityDirectory(JdbcClient jdbc, UserAccountRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    // ------------------------------------------------------------------------------------------------ users

    List<User> users(UserCriteria criteria, List<QueryOrderingProperty> order, Rows rows) {
        SqlConditions where = userConditions(criteria);
        return jdbc.sql("select * from (" + USERS + ") usr" + where.where() + orderBy(order, USER_COLUMNS)
                        + rows.sql())
                .params(where.params())
                .query((rs, row) -> {
                    UserEntity user = new UserEntity(rs.getString("id"));
                    user.setFirstName(rs.getString("first_name"));
                    user.setLastName(rs.getString("last_name"));
                    user.setEmail(rs.getString("email"));
                    return (User) user;
                })
                .list();
    }

    long countUsers(UserCriteria criteria) {
        SqlConditions where = userConditions(criteria);
        return jdbc.sql("select count(*) from (" + USERS + ") usr" + where.where()).params(where.params())
                .query(Long.class).single();
    }

    private SqlConditions userConditions(UserCriteria c) {
        SqlConditions where = new SqlConditions()
                .equal("id", c.id())
                .in("id", c.ids())
                .equal("first_name", c.firstName())
                .like("first_name", c.firstNameLike())
                .equal("last_name", c.lastName())
                .like("last_name", c.lastNameLike())
                .equal("email", c.email())
                .like("email", c.emailLike());
        if (c.groupId() != null) {
            CandidateGroups.membersOf(c.groupId())
                    .ifPresentOrElse(members -> membersCondition(members, where), where::matchNothing);
        }
        if (c.tenantId() != null) {
            where.add("role in " + COUNTRY_ROLES).equal("country_iso3", c.tenantId());
        }
        if (c.starters() != null) {
            startersCondition(c.starters(), where);
        }
        return where;
    }

    private static void membersCondition(Members members, SqlConditions where) {
        if (members.role() == null) {
            // a government group: members of any role of the country's team but a stakeholder's
            where.add("role in ('" + Role.COORDINATOR.name() + "', '" + Role.MINISTRY.name() + "')");
        }
        where.equal("role", members.role() == null ? null : members.role().name())
                .equal("government_member", members.governmentMember())
                .equal("country_iso3", members.countryIso3())
                .equal("ministry_code", members.ministryCode())
                .equal("commission_code", members.commissionCode());
    }

    /** Candidate starters of a process definition: the users named, and the members of the groups named. */
    private static void startersCondition(Starters starters, SqlConditions where) {
        List<String> alternatives = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!starters.userIds().isEmpty()) {
            alternatives.add("id = any(?)");
            params.add(starters.userIds().toArray(String[]::new));
        }
        for (String group : starters.groupIds()) {
            CandidateGroups.membersOf(group).ifPresent(members -> {
                SqlConditions one = new SqlConditions();
                membersCondition(members, one);
                alternatives.add("(" + one.where().substring(" where ".length()) + ")");
                params.addAll(one.params());
            });
        }
        if (alternatives.isEmpty()) {
            where.matchNothing();
        } else {
            where.add("(" + String.join(" or ", alternatives) + ")", params.toArray());
        }
    }

    // ------------------------------------------------------------------------------------------------ groups

    List<Group> groups(GroupCriteria criteria, List<QueryOrderingProperty> order, Rows rows) {
        SqlConditions where = groupConditions(criteria);
        return jdbc.sql("select * from (" + GROUPS + ") grp" + where.where() + orderBy(order, GROUP_COLUMNS)
                        + rows.sql())
                .params(where.params())
                .query((rs, row) -> {
                    GroupEntity group = new GroupEntity(rs.getString("id"));
                    group.setName(rs.getString("name"));
                    group.setType(rs.getString("type"));
                    return (Group) group;
                })
                .list();
    }

    long countGroups(GroupCriteria criteria) {
        SqlConditions where = groupConditions(criteria);
        return jdbc.sql("select count(*) from (" + GROUPS + ") grp" + where.where()).params(where.params())
                .query(Long.class).single();
    }

    private SqlConditions groupConditions(GroupCriteria c) {
        SqlConditions where = new SqlConditions()
                .equal("id", c.id())
                .in("id", c.ids())
                .equal("name", c.name())
                .like("name", c.nameLike())
                .equal("type", c.type())
                .equal("tenant_id", c.tenantId());
        if (c.userId() != null) {
            Optional<CurrentUser> member = accounts.findByUsername(c.userId());
            member.ifPresentOrElse(user -> where.in("id", user.candidateGroups().toArray(String[]::new)),
                    where::matchNothing);
        }
        if (c.starters() != null) {
            where.in("id", c.starters().groupIds().toArray(String[]::new));
        }
        return where;
    }

    // ------------------------------------------------------------------------------------------------ tenants

    List<Tenant> tenants(TenantCriteria criteria, List<QueryOrderingProperty> order, Rows rows) {
        SqlConditions where = tenantConditions(criteria);
        return jdbc.sql("select * from (" + TENANTS + ") tnt" + where.where() + orderBy(order, TENANT_COLUMNS)
                        + rows.sql())
                .params(where.params())
                .query((rs, row) -> {
                    TenantEntity tenant = new TenantEntity(rs.getString("id"));
                    tenant.setName(rs.getString("name"));
                    return (Tenant) tenant;
                })
                .list();
    }

    long countTenants(TenantCriteria criteria) {
        SqlConditions where = tenantConditions(criteria);
        return jdbc.sql("select count(*) from (" + TENANTS + ") tnt" + where.where()).params(where.params())
                .query(Long.class).single();
    }

    /**
     * A country user is a member of their country's tenant, and so are the country's groups. A user's groups
     * therefore never add a tenant the user is not already in, whether or not the query includes them.
     */
    private SqlConditions tenantConditions(TenantCriteria c) {
        SqlConditions where = new SqlConditions()
                .equal("id", c.id())
                .in("id", c.ids())
                .equal("name", c.name())
                .like("name", c.nameLike());
        if (c.userId() != null) {
            accounts.findByUsername(c.userId())
                    .filter(user -> user.role().isCountryRole())
                    .ifPresentOrElse(user -> where.equal("id", user.countryIso3()), where::matchNothing);
        }
        if (c.groupId() != null) {
            CandidateGroups.membersOf(c.groupId())
                    .filter(Members::ofCountry)
                    .ifPresentOrElse(members -> where.equal("id", members.countryIso3()), where::matchNothing);
        }
        return where;
    }

    // ------------------------------------------------------------------------------------------------ shared

    /** Ordered as asked, then by id so that pages never overlap or skip. */
    private static String orderBy(List<QueryOrderingProperty> order, Map<QueryProperty, String> columns) {
        List<String> terms = new ArrayList<>();
        for (QueryOrderingProperty property : order) {
            String column = columns.get(property.getQueryProperty());
            if (column == null) {
                throw new IllegalArgumentException("Cannot order by " + property.getQueryProperty());
            }
            terms.add(column + (property.getDirection() == Direction.DESCENDING ? " desc" : " asc"));
        }
        terms.add("id asc");
        return " order by " + String.join(", ", terms);
    }

    /**
     * The page of results Camunda asked for. Camunda keeps it on the query itself (listPage sets first and max
     * results; list and singleResult leave them at 0 and Integer.MAX_VALUE).
     */
    record Rows(int firstResult, int maxResults) {

        static Rows of(ListQueryParameterObject query) {
            return new Rows(query.getFirstResult(), query.getMaxResults());
        }

        String sql() {
            // ints, never text from a user
            return " offset " + Math.max(0, firstResult) + " limit " + Math.max(0, maxResults);
        }
    }

    // ------------------------------------------------------------------------------------------------ criteria

    /** The users and groups a process definition names as candidate starters. */
    record Starters(Collection<String> userIds, Collection<String> groupIds) {
    }

    record UserCriteria(String id, String[] ids, String firstName, String firstNameLike, String lastName,
            String lastNameLike, String email, String emailLike, String groupId, String tenantId, Starters starters) {
    }

    record GroupCriteria(String id, String[] ids, String name, String nameLike, String type, String userId,
            String tenantId, Starters starters) {
    }

    record TenantCriteria(String id, String[] ids, String name, String nameLike, String userId, String groupId) {
    }
}
