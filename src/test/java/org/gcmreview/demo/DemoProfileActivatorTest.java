package org.gcmreview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DemoProfileActivatorTest {

    private final DemoProfileActivator activator = new DemoProfileActivator();

    @Test
    void theEmbeddedDatabaseGetsTheDemoProfile() {
        assertThat(activeProfilesWith(Map.of())).containsExactly("demo");
        assertThat(activeProfilesWith(Map.of("spring.datasource.url", "embedded"))).containsExactly("demo");
    }

    @Test
    void aRealDatabaseDoesNot() {
        assertThat(activeProfilesWith(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/gcm"))).isEmpty();
    }

    @Test
    void aRealDatabaseGetsItWhenAskedForExplicitly() {
        assertThat(activeProfilesWith(Map.of("spring.datasource.url", "jdbc:postgresql://db:5432/gcm",
                "gcm.demo.enabled", "true"))).containsExactly("demo");
    }

    @Test
    void environmentVariablesWorkTheSameWay() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/gcm", "GCM_DEMO_ENABLED", "true")));
        activator.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getActiveProfiles()).containsExactly("demo");

        StandardEnvironment withoutFlag = new StandardEnvironment();
        withoutFlag.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/gcm")));
        activator.postProcessEnvironment(withoutFlag, new SpringApplication());
        assertThat(withoutFlag.getActiveProfiles()).isEmpty();
    }

    @Test
    void theEmbeddedDatabaseStaysEmptyWhenDemoIsSwitchedOff() {
        assertThat(activeProfilesWith(Map.of("gcm.demo.enabled", "false"))).isEmpty();
    }

    @Test
    void anExplicitDemoProfileIsKeptOnceAlongsideOthers() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", "jdbc:postgresql://db:5432/gcm");
        StandardEnvironment environment = environmentWith(properties);
        environment.setActiveProfiles("demo", "local");
        activator.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getActiveProfiles()).containsExactly("demo", "local");
    }

    private String[] activeProfilesWith(Map<String, Object> properties) {
        StandardEnvironment environment = environmentWith(properties);
        activator.postProcessEnvironment(environment, new SpringApplication());
        return environment.getActiveProfiles();
    }

    /** Only the given properties: whatever the machine running the test has in its environment is left out. */
    private static StandardEnvironment environmentWith(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
