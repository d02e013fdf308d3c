package org.gcmreview.identity;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.processes.StakeholderConsultation;

/**
 * Puts every process instance that belongs to one country into that country's Camunda tenant (its ISO3 code):
 * the task inbox shows a country user only their own tenant's tasks, so a national review can never surface in
 * another country's inbox. Regional and IMRF reviews span many countries and have no tenant.
 */
class CountryTenantIdProvider implements TenantIdProvider {

    static final String NATIONAL_REVIEW = NationalReview.PROCESS;
    static final String STAKEHOLDER_CONSULTATION = StakeholderConsultation.PROCESS;
    static final String COUNTRY_VARIABLE = NationalReview.VAR_COUNTRY_ISO3;

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        String key = ctx.getProcessDefinition().getKey();
        if (NATIONAL_REVIEW.equals(key)) {
            return required(ctx.getVariables().get(COUNTRY_VARIABLE), key);
        }
        if (STAKEHOLDER_CONSULTATION.equals(key)) {
            // Called from a national review, the consultation belongs to the caller's country, whatever
            // variables the call activity chose to pass in.
            DelegateExecution caller = ctx.getSuperExecution();
            Object country = caller != null
                    ? caller.getVariable(COUNTRY_VARIABLE)
                    : ctx.getVariables().get(COUNTRY_VARIABLE);
            return required(country, key);
        }
        return null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    /** A decision evaluated inside a country's process is that country's history too. */
    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }

    /** Without a country the instance would sit in no tenant, outside every country's sight: refuse to start it. */
    private static String required(Object country, String processKey) {
        if (country instanceof String iso3 && iso3.matches("[A-Z]{3}")) {
            return iso3;
        }
        throw new ProcessEngineException(processKey + " needs the variable " + COUNTRY_VARIABLE
                + " (an ISO3 country code) to start, got: " + country);
    }
}
