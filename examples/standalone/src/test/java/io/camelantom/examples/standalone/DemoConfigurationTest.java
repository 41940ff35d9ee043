package io.camelantom.examples.standalone;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoConfigurationTest {

    @Test
    void withoutAClientIdTheDemoRunsTheSimulator() {
        DemoConfiguration config = DemoConfiguration.load(null, Map.of());
        assertThat(config.useSimulator()).isTrue();
        assertThat(config.getInt("demo.orders", 0)).isEqualTo(20);
        assertThat(config.overrides()).isEmpty();
    }

    /** Numbers and durations: a blank value is the default, a value that does not parse is refused by its key. */
    @Test
    void numbersAndDurationsAreParsedOrRefusedByKey() {
        DemoConfiguration config = DemoConfiguration.load(null, Map.of());
        config.set("demo.a", "7");
        config.set("demo.b", "2.5");
        config.set("demo.c", "PT3S");
        config.set("demo.d", "1500");
        config.set("demo.e", " ");
        config.set("demo.f", "seven");
        assertThat(config.getInt("demo.a", 0)).isEqualTo(7);
        assertThat(config.getDouble("demo.b", 0)).isEqualTo(2.5);
        assertThat(config.getDuration("demo.c", null)).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.getDuration("demo.d", null)).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.getInt("demo.e", 4)).isEqualTo(4);
        assertThat(config.getDuration("demo.missing", Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> config.getInt("demo.f", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("demo.f: 'seven' is not a whole number");
        assertThatThrownBy(() -> config.getDouble("demo.f", 0)).hasMessage("demo.f: 'seven' is not a number");
        assertThatThrownBy(() -> config.getDuration("demo.f", null))
                .hasMessage("demo.f: 'seven' is not an ISO-8601 duration (PT3S) or milliseconds");
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
