package org.gcmreview.engine;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At run time the engine deploys nothing but the product's own BPMN files (processes/, on the classpath): a
 * deployment with any resource whose bytes are not exactly one of them is refused, whoever asks. A process
 * definition can call Spring beans from its expressions, so deploying one amounts to running code. Deployments
 * made before (older versions of our processes, which running instances still use) are loaded as ever; only new
 * deployments are checked. Tests that deploy test processes turn it off (gcm.engine.foreign-deployments-allowed).
 */
@Component
@ConditionalOnProperty(name = "gcm.engine.foreign-deployments-allowed", havingValue = "false", matchIfMissing = true)
class ProductProcessesOnly extends AbstractProcessEnginePlugin {

    static final String PRODUCT_PROCESSES = "classpath*:processes/*.bpmn";

    private final Set<String> productResources = new HashSet<>();

    ProductProcessesOnly() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PRODUCT_PROCESSES)) {
            productResources.add(sha256(resource.getContentAsByteArray()));
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this::refuseForeign);
        configuration.setCustomPreDeployers(deployers);
    }

    void refuseForeign(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        if (deployment.getResources() == null || deployment.getResources().isEmpty()) {
            throw new ProcessEngineException("Refused: only the product's own processes are deployed");
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (!productResources.contains(sha256(resource.getBytes()))) {
                throw new ProcessEngineException("Refused: " + resource.getName()
                        + " is not one of the product's own processes; nothing else is deployed");
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
