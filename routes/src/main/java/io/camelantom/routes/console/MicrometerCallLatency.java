package io.camelantom.routes.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@link CallLatency} from a Micrometer registry: the {@value CallLatency#TIMER} timers summed per operation and
 * outcome (over result codes). Only loaded when Micrometer is on the class path (camel-micrometer is optional).
 */
final class MicrometerCallLatency implements CallLatency {

    private final MeterRegistry registry;

    private MicrometerCallLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The latency chart of this registry (a {@code MeterRegistry}, as {@code TemplateParameters.meterRegistry} finds it). */
    static CallLatency of(Object registry) {
        return new MicrometerCallLatency((MeterRegistry) registry);
    }

    @Override
    public List<Map<String, Object>> rows() {
        Collection<Timer> timers = registry.find(TIMER).timers();
        Map<String, double[]> sums = new TreeMap<>();
        for (Timer t : timers) {
            String key = t.getId().getTag("operation") + " " + t.getId().getTag("outcome");
            double[] s = sums.computeIfAbsent(key, k -> new double[3]);
            s[0] += t.count();
            s[1] += t.totalTime(TimeUnit.MILLISECONDS);
            s[2] = Math.max(s[2], t.max(TimeUnit.MILLISECONDS));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] parts = key.split(" ", 2);
            rows.add(Map.of("operation", parts[0], "outcome", parts[1], "count", (long) s[0],
                    "meanMillis", s[0] == 0 ? 0.0 : s[1] / s[0], "maxMillis", s[2]));
        });
        return rows;
    }
}
