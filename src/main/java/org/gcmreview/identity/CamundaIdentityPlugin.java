package org.gcmreview.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Wires our identity into the process engine (the Camunda Spring Boot starter applies every ProcessEnginePlugin
 * bean): Camunda reads users, groups and tenants from app_user and the reference data, and country processes
 * land in their country's tenant.
 */
@Component
class CamundaIdentityPlugin extends AbstractProcessEnginePlugin {

    private final IdentityDirectory directory;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    CamundaIdentityPlugin(IdentityDirectory directory, UserAccountRepository accounts,
            PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(
                new AppIdentityProviderFactory(directory, accounts, passwordEncoder));
        configuration.setTenantIdProvider(new CountryTenantIdProvider());
    }
}
