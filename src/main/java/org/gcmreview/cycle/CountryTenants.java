package org.gcmreview.cycle;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

/**
 * Puts every national process instance into its country's Camunda tenant (the ISO3 code), although the
 * process definitions are shared (deployed without tenant). The task inbox filters country users by tenant,
 * so this is what keeps one country's tasks out of another country's view. An instance started by a call
 * activity (the stakeholder consultation) inherits its caller's tenant; instances without a country
 * (regional and IMRF rounds) have none.
 */
@Component
class CountryTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    static final String COUNTRY_VARIABLE = "countryIso3";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        if (CycleStarter.PROCESS_KEY.equals(ctx.getProcessDefinition().getKey())
                && ctx.getVariables().get(COUNTRY_VARIABLE) instanceof String iso3) {
            return iso3;
        }
        return null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return null;
    }
}
