package io.camelantom.routes.reconciliation;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.camelantom.metrics.AntomMeters;

/**
 * Records each run's counts: counters {@code antom.reconciliation.<count>} (runs, checked, resolved, cancelled,
 * refund.required, still.pending, errors, bad.rows, taken.over) and the gauge {@code antom.reconciliation.oldest.pending.age}
 * (seconds, -1 when nothing is pending), all tagged {@code name=<instance name>} by the {@link AntomMeters} given.
 */
final class ReconciliationMetrics implements Consumer<ReconciliationReport> {

    static final String PREFIX = "antom.reconciliation.";

    private final AntomMeters meters;
    private final AtomicLong oldestPendingSeconds = new AtomicLong(-1);

    ReconciliationMetrics(AntomMeters meters) {
        this.meters = meters;
        meters.gauge(PREFIX + "oldest.pending.age", "age of the oldest payment that is not final, -1 when none",
                "seconds", oldestPendingSeconds::get);
    }

    @Override
    public void accept(ReconciliationReport r) {
        meters.count(PREFIX + "runs");
        add("checked", r.checked());
        add("resolved", r.resolved());
        add("cancelled", r.cancelled());
        add("refund.required", r.refundRequired());
        add("still.pending", r.stillPending());
        add("errors", r.errors());
        add("bad.rows", r.badRows());
        add("taken.over", r.takenOver());
        oldestPendingSeconds.set(r.oldestPendingAge() == null ? -1 : r.oldestPendingAge().toSeconds());
    }

    private void add(String count, long amount) {
        meters.add(PREFIX + count, amount);
    }
}
