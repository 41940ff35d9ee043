package io.camelantom.examples.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The demo's settings, in the order they win: environment variables ({@link #ENVIRONMENT}), then the {@code --config}
 * file, then {@code application.properties} on the classpath. The same keys configure Camel (camel-main reads
 * {@code camel.component.*}, {@code camel.server.*}...), the prebuilt routes ({@code camel.antom.routes.*}) and the
 * demo's own embedded parts ({@code demo.*}).
 */
final class DemoConfiguration {

    /** Environment variables and the property each one sets. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "ANTOM_CLIENT_ID", "camel.component.antom.client-id",
            "ANTOM_PRIVATE_KEY_FILE", "camel.component.antom.private-key-file",
            "ANTOM_PUBLIC_KEY_FILE", "camel.component.antom.antom-public-key-file",
            "ANTOM_REGION", "camel.component.antom.region",
            "ANTOM_GATEWAY_URL", "camel.component.antom.gateway-url",
            "ANTOM_NOTIFICATION_URL", "camel.antom.routes.order-bridge.payment-notify-url");

    static final String CLIENT_ID = "camel.component.antom.client-id";

    private final Properties merged = new Properties();
    /** What wins over application.properties (config file and environment), handed to camel-main as overrides. */
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private DemoConfiguration() {
    }

    static DemoConfiguration load(Path configFile, Map<String, String> environment) {
        DemoConfiguration c = new DemoConfiguration();
        try (InputStream in = DemoConfiguration.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the classpath");
            }
            c.merged.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application.properties", e);
        }
        if (configFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read --config " + configFile + ": " + e.getMessage(), e);
            }
            file.stringPropertyNames().forEach(k -> c.override(k, file.getProperty(k)));
        }
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                c.override(key, value.strip());
            }
        });
        return c;
    }

    private void override(String key, String value) {
        merged.setProperty(key, value);
        overrides.put(key, value);
    }

    /** Sets a value the demo computed (e.g. the simulator's URL), winning over every source. */
    void set(String key, String value) {
        override(key, value);
    }

    Map<String, String> overrides() {
        return overrides;
    }

    Properties all() {
        return merged;
    }

    /** The value, or the default when absent or blank. */
    String get(String key, String defaultValue) {
        String value = merged.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    int getInt(String key, int defaultValue) {
        return parsed(key, defaultValue, Integer::parseInt, "a whole number");
    }

    double getDouble(String key, double defaultValue) {
        return parsed(key, defaultValue, Double::parseDouble, "a number");
    }

    /** An ISO-8601 duration ({@code PT3S}) or a number of milliseconds. */
    Duration getDuration(String key, Duration defaultValue) {
        return parsed(key, defaultValue, value -> value.chars().allMatch(Character::isDigit)
                ? Duration.ofMillis(Long.parseLong(value)) : Duration.parse(value),
                "an ISO-8601 duration (PT3S) or milliseconds");
    }

    /** The value parsed, or the default when absent or blank; a value that does not parse is refused by its key. */
    private <T> T parsed(String key, T defaultValue, Function<String, T> parser, String expected) {
        String value = get(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not " + expected, e);
        }
    }

    boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    /** No client id configured: the demo runs its own Antom simulator. */
    boolean useSimulator() {
        return get(CLIENT_ID, null) == null;
    }
}
