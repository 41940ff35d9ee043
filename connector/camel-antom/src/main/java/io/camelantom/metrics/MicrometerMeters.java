package io.camelantom.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/** {@link AntomMeters} on a Micrometer {@link MeterRegistry}. Loaded only when Micrometer is on the class path. */
final class MicrometerMeters implements AntomMeters {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MicrometerMeters.class);

    private final MeterRegistry registry;
    private final Tags common;
    /** Meters by name and tags: a hot path (every Antom call, every notification) skips Micrometer's builders. */
    private final Map<List<String>, Object> meters = new ConcurrentHashMap<>();

    MicrometerMeters(Object registry, String... commonTags) {
        this.registry = (MeterRegistry) registry;
        this.common = Tags.of(commonTags);
    }

    @Override
    public void add(String name, double amount, String... tags) {
        try {
            ((Counter) meters.computeIfAbsent(key("c", name, tags),
                    k -> Counter.builder(name).tags(common).tags(tags).register(registry))).increment(amount);
        } catch (RuntimeException e) {
            notRecorded(name, e);
        }
    }

    @Override
    public void time(String name, long nanos, String... tags) {
        try {
            ((Timer) meters.computeIfAbsent(key("t", name, tags),
                    k -> Timer.builder(name).tags(common).tags(tags).register(registry)))
                    .record(nanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            notRecorded(name, e);
        }
    }

    /** A meter that cannot be recorded (a registry refusing it) must never fail a payment or a notification. */
    private static void notRecorded(String name, RuntimeException e) {
        LOG.debug("Meter {} not recorded: {}", name, e.toString());
    }

    @Override
    public void gauge(String name, String description, String baseUnit, Supplier<Number> value, String... tags) {
        meters.computeIfAbsent(key("g", name, tags), k -> Gauge.builder(name, value).tags(common).tags(tags)
                .description(description).baseUnit(baseUnit).strongReference(true).register(registry));
    }

    @Override
    public boolean isRecording() {
        return true;
    }

    private static List<String> key(String kind, String name, String[] tags) {
        String[] key = Arrays.copyOf(new String[] { kind, name }, 2 + tags.length);
        System.arraycopy(tags, 0, key, 2, tags.length);
        return Arrays.asList(key);
    }

    @Override
    public String toString() {
        return "MicrometerMeters[" + registry.getClass().getSimpleName() + ", " + common + "]";
    }
}
