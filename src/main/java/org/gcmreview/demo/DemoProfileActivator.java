package org.gcmreview.demo;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the {@value #PROFILE} profile on for the throw-away embedded database, so that
 * {@code ./mvnw spring-boot:run} comes up with people to sign in as. Against a real database (a
 * {@code spring.datasource.url} is set) demo accounts would be a back door, so there they appear only when asked
 * for: {@code SPRING_PROFILES_ACTIVE=demo} or {@code GCM_DEMO_ENABLED=true}. {@code GCM_DEMO_ENABLED=false} keeps
 * the embedded database empty too. Registered in META-INF/spring.factories.
 */
public class DemoProfileActivator implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "demo";
    static final String ENABLED_PROPERTY = "gcm.demo.enabled";
    static final String DEMO_MINIMUM_WINDOW = "gcm.demo.consultation-minimum-window";

    /** After application.yml and friends are read, so their datasource URL and flag count. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (shouldActivate(environment) && !Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
            environment.addActiveProfile(PROFILE);
        }
        if (shouldActivate(environment)) {
            // the demo is walked in one sitting: a one-day consultation window (gcm.consultation.minimum-window
            // reads this unless GCM_CONSULTATION_MINIMUMWINDOW is set; production keeps 14 days)
            environment.getPropertySources().addLast(new MapPropertySource("gcm-demo-defaults",
                    Map.of(DEMO_MINIMUM_WINDOW, "P1D")));
        }
    }

    static boolean shouldActivate(Environment environment) {
        String flag = environment.getProperty(ENABLED_PROPERTY);
        if (flag != null && !flag.isBlank()) {
            return Boolean.parseBoolean(flag.trim());
        }
        // same rule as org.gcmreview.database.EmbeddedPostgresConfiguration
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank() || url.equals("embedded");
    }
}
