package io.camelantom.examples.standalone;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoConfigurationTest {

    @Test
    void withoutAClientIdTheDemoRunsTheSimulator() {
        DemoConfiguration config = DemoConfiguration.load(null, Map.of());
        assertThat(config.useSimulator()).isTrue();
        assertThat(config.getInt("demo.orders", 0)).isEqualTo(20);
        assertThat(config.overrides()).isEmpty();
    }

    /** The README's environment variables, each set: every one becomes its property, and Antom replaces the simulator. */
    @Test
    void readmeEnvironmentVariablesSwitchToAntom() throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (String name : DemoRun.readmeVariables("environment")) {
            environment.put(name, "value-of-" + name);
        }
        assertThat(environment.keySet()).containsExactlyInAnyOrderElementsOf(DemoConfiguration.ENVIRONMENT.keySet());

        DemoConfiguration config = DemoConfiguration.load(null, environment);
        assertThat(config.useSimulator()).isFalse();
        DemoConfiguration.ENVIRONMENT.forEach((name, key) ->
                assertThat(config.overrides()).containsEntry(key, "value-of-" + name));
    }
}
