package org.gcmreview.identity;

import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's group query, answered by {@link IdentityDirectory}. */
class AppGroupQuery extends GroupQueryImpl {

    private static final long serialVersionUID = 1L;

    AppGroupQuery() {
    }

    AppGroupQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return AppIdentityProvider.of(commandContext).directory().countGroups(criteria(commandContext));
    }

    /** {@code page} is always null here: Camunda keeps the page on the query (see IdentityDirectory.Rows). */
    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
        return AppIdentityProvider.of(commandContext).directory()
                .groups(criteria(commandContext), getOrderingProperties(), IdentityDirectory.Rows.of(this));
    }

    private IdentityDirectory.GroupCriteria criteria(CommandContext commandContext) {
        return new IdentityDirectory.GroupCriteria(id, ids, name, nameLike, type, userId, tenantId,
                procDefId == null ? null : AppIdentityProvider.starters(commandContext, procDefId));
    }
}
