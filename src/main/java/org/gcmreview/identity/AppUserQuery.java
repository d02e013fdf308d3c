package org.gcmreview.identity;

import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's user query, answered by {@link IdentityDirectory}. */
class AppUserQuery extends UserQueryImpl {

    private static final long serialVersionUID = 1L;

    AppUserQuery() {
    }

    AppUserQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return AppIdentityProvider.of(commandContext).directory().countUsers(criteria(commandContext));
    }

    /** {@code page} is always null here: Camunda keeps the page on the query (see IdentityDirectory.Rows). */
    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
        return AppIdentityProvider.of(commandContext).directory()
                .users(criteria(commandContext), getOrderingProperties(), IdentityDirectory.Rows.of(this));
    }

    private IdentityDirectory.UserCriteria criteria(CommandContext commandContext) {
        return new IdentityDirectory.UserCriteria(id, ids, firstName, firstNameLike, lastName, lastNameLike, email,
                emailLike, groupId, tenantId,
                procDefId == null ? null : AppIdentityProvider.starters(commandContext, procDefId));
    }
}
