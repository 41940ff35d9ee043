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

    /** The root README's standalone snippet uses only keys this application reads (no typo can hide there). */
    @Test
    void rootReadmeSnippetUsesKnownKeys() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../../README.md"));
        String section = readme.substring(readme.indexOf("## Standalone (camel-main)"));
        String block = section.substring(section.indexOf("```properties") + "```properties".length(),
                section.indexOf("```", section.indexOf("```properties") + 3));
        java.util.Properties snippet = new java.util.Properties();
        snippet.load(new java.io.StringReader(block));
        java.util.Set<String> known = new java.util.HashSet<>(DemoConfiguration.load(null, Map.of()).all()
                .stringPropertyNames());
        known.addAll(DemoRun.readmeProperties("sandbox").stringPropertyNames());
        assertThat(snippet.stringPropertyNames()).isNotEmpty().allSatisfy(key -> assertThat(known).contains(key));
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
