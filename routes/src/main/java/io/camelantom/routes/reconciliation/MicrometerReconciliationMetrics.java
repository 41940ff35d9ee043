package io.camelantom.routes.reconciliation;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records each run's counts in a Micrometer {@link MeterRegistry}: counters {@code antom.reconciliation.<count>}
 * (runs, checked, resolved, cancelled, refund.required, still.pending, errors, bad.rows) and the gauge
 * {@code antom.reconciliation.oldest.pending.age} (seconds, -1 when nothing is pending), all tagged
 * {@code name=<instance name>}. Only loaded when Micrometer is on the class path (camel-micrometer is optional).
 */
final class MicrometerReconciliationMetrics implements Consumer<ReconciliationReport> {

    static final String PREFIX = "antom.reconciliation.";

    private final Map<String, Counter> counters;
    private final AtomicLong oldestPendingSeconds = new AtomicLong(-1);

    MicrometerReconciliationMetrics(MeterRegistry registry, String name) {
        counters = Map.of(
                "runs", counter(registry, name, "runs"),
                "checked", counter(registry, name, "checked"),
                "resolved", counter(registry, name, "resolved"),
                "cancelled", counter(registry, name, "cancelled"),
                "refundRequired", counter(registry, name, "refund.required"),
                "stillPending", counter(registry, name, "still.pending"),
                "errors", counter(registry, name, "errors"),
                "badRows", counter(registry, name, "bad.rows"));
        Gauge.builder(PREFIX + "oldest.pending.age", oldestPendingSeconds, AtomicLong::get).tag("name", name)
                .baseUnit("seconds").description("age of the oldest payment that is not final, -1 when none")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String what) {
        return Counter.builder(PREFIX + what).tag("name", name).register(registry);
    }

    @Override
    public void accept(ReconciliationReport r) {
        counters.get("runs").increment();
        counters.get("checked").increment(r.checked());
        counters.get("resolved").increment(r.resolved());
        counters.get("cancelled").increment(r.cancelled());
        counters.get("refundRequired").increment(r.refundRequired());
        counters.get("stillPending").increment(r.stillPending());
        counters.get("errors").increment(r.errors());
        counters.get("badRows").increment(r.badRows());
        oldestPendingSeconds.set(r.oldestPendingAge() == null ? -1 : r.oldestPendingAge().toSeconds());
    }

    /**
     * The metrics for the registry bean named {@code beanName}, or the only {@link MeterRegistry} bean when the name is
     * null; null when Micrometer is absent or no such bean exists.
     */
    static Consumer<ReconciliationReport> lookup(org.apache.camel.spi.Registry beans, String beanName, String name) {
        Object registry;
        if (beanName != null) {
            registry = beans.lookupByName(beanName);
            if (!(registry instanceof MeterRegistry)) {
                throw new IllegalArgumentException(ReconciliationRouteTemplate.TEMPLATE_ID + ": no MeterRegistry bean "
                        + "named '" + beanName + "' (parameter " + ReconciliationRouteTemplate.METER_REGISTRY + ")");
            }
        } else {
            var all = beans.findByType(MeterRegistry.class);
            if (all.size() != 1) {
                return null;
            }
            registry = all.iterator().next();
        }
        return new MicrometerReconciliationMetrics((MeterRegistry) registry, name);
    }
}
