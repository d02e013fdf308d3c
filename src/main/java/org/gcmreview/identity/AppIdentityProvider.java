package org.gcmreview.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Camunda's view of our users, opened once per engine command. Read-only: users are managed in app_user, so
 * Camunda Admin shows them but cannot change them.
 */
class AppIdentityProvider implements ReadOnlyIdentityProvider {

    private final IdentityDirectory directory;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Supplier<String> unknownUserHash;

    AppIdentityProvider(IdentityDirectory directory, UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            Supplier<String> unknownUserHash) {
        this.directory = directory;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.unknownUserHash = unknownUserHash;
    }

    IdentityDirectory directory() {
        return directory;
    }

    // ------------------------------------------------------------------------------------------------ users

    @Override
    public User findUserById(String userId) {
        return createUserQuery(Context.getCommandContext()).userId(userId).singleResult();
    }

    @Override
    public UserQuery createUserQuery() {
        return new AppUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new AppUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: users live in app_user");
    }

    /**
     * Lets an administrator into Camunda's Cockpit and Admin with the password they use here. Only enabled ADMIN
     * users (the members of camunda-admin) pass: authorisation checks are off in the engine, so anyone who could
     * sign in to the webapps could see every country's process data.
     */
    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null) {
            return false;
        }
        var account = accounts.findAccount(userId)
                .filter(UserAccount::enabled)
                .filter(a -> a.user().is(Role.ADMIN));
        if (account.isEmpty()) {
            // spend the same time as a real check, so the answer does not tell who exists
            passwordEncoder.matches(password, unknownUserHash.get());
            return false;
        }
        return passwordEncoder.matches(password, account.get().passwordHash());
    }

    // ------------------------------------------------------------------------------------------------ groups

    @Override
    public Group findGroupById(String groupId) {
        return createGroupQuery(Context.getCommandContext()).groupId(groupId).singleResult();
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new AppGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new AppGroupQuery();
    }

    // ------------------------------------------------------------------------------------------------ tenants

    @Override
    public Tenant findTenantById(String tenantId) {
        return createTenantQuery(Context.getCommandContext()).tenantId(tenantId).singleResult();
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new AppTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new AppTenantQuery();
    }

    // ------------------------------------------------------------------------------------------------ session

    @Override
    public void flush() {
        // nothing is ever written
    }

    @Override
    public void close() {
        // no resources of its own: JdbcClient borrows the engine's connection for each statement
    }

    static AppIdentityProvider of(CommandContext commandContext) {
        return (AppIdentityProvider) commandContext.getReadOnlyIdentityProvider();
    }

    /** Candidate starters of a process definition, for the "potential starter" filters. */
    static IdentityDirectory.Starters starters(CommandContext commandContext, String processDefinitionId) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLinkEntity link : commandContext.getIdentityLinkManager()
                .findIdentityLinksByProcessDefinitionId(processDefinitionId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        return new IdentityDirectory.Starters(users, groups);
    }
}
