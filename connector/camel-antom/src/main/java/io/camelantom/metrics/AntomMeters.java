package io.camelantom.metrics;

import java.util.function.Supplier;

import org.apache.camel.spi.Registry;

/**
 * Where the connector and the prebuilt routes record their meters, without linking against Micrometer: counters,
 * timers and gauges by name and tags (Micrometer's dotted names, e.g. {@code antom.calls}; Prometheus shows them as
 * {@code antom_calls_seconds_count}). {@link #NONE} records nothing; {@link #lookup} returns a Micrometer-backed one when
 * a {@code MeterRegistry} is found (see {@link MeterRegistries}). The meters and their tags are listed in the root
 * README, "Operations".
 */
public interface AntomMeters {

    /** Records nothing (no Micrometer, or no registry). */
    AntomMeters NONE = new AntomMeters() {
        @Override
        public void add(String name, double amount, String... tags) {
        }

        @Override
        public void time(String name, long nanos, String... tags) {
        }

        @Override
        public void gauge(String name, String description, String baseUnit, Supplier<Number> value, String... tags) {
        }

        @Override
        public boolean isRecording() {
            return false;
        }
    };

    /** Adds one to the counter {@code name} with these tags (key, value, key, value...). */
    default void count(String name, String... tags) {
        add(name, 1, tags);
    }

    /** Adds {@code amount} to the counter {@code name} (0 registers it, so it shows before its first event). */
    void add(String name, double amount, String... tags);

    /** Records one duration in the timer {@code name}. */
    void time(String name, long nanos, String... tags);

    /**
     * Registers the gauge {@code name}, read from {@code value} at each scrape (keep {@code value} cheap: cache what
     * it computes). Registering the same name and tags again keeps the first gauge.
     */
    void gauge(String name, String description, String baseUnit, Supplier<Number> value, String... tags);

    /** Whether anything is recorded (false for {@link #NONE}). */
    boolean isRecording();

    /**
     * The meters of the registry found by {@link MeterRegistries#find}, every meter tagged with {@code commonTags}
     * too; {@link #NONE} when there is none.
     */
    static AntomMeters lookup(Registry beans, Object named, String owner, String... commonTags) {
        Object registry = MeterRegistries.find(beans, named, owner);
        // MicrometerMeters is loaded only here, so only when Micrometer is present
        return registry == null ? NONE : new MicrometerMeters(registry, commonTags);
    }
}
