package org.gcmreview.identity;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's tenant query (tenants are countries), answered by {@link IdentityDirectory}. */
class AppTenantQuery extends TenantQueryImpl {

    private static final long serialVersionUID = 1L;

    AppTenantQuery() {
    }

    AppTenantQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return AppIdentityProvider.of(commandContext).directory().countTenants(criteria());
    }

    /** {@code page} is always null here: Camunda keeps the page on the query (see IdentityDirectory.Rows). */
    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
        return AppIdentityProvider.of(commandContext).directory()
                .tenants(criteria(), getOrderingProperties(), IdentityDirectory.Rows.of(this));
    }

    private IdentityDirectory.TenantCriteria criteria() {
        return new IdentityDirectory.TenantCriteria(id, ids, name, nameLike, userId, groupId);
    }
}
