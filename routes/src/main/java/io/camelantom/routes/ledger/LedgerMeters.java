package io.camelantom.routes.ledger;

import java.time.Duration;
import java.util.Map;

import io.camelantom.metrics.AntomMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's gauges: {@code antom.ledger.payments} (tag {@code status}), {@code antom.ledger.oldest.open.age}
 * (seconds since the oldest payment that is not final was registered, -1 when none) and
 * {@code antom.ledger.results.owed} (final payments whose result message is not published yet). They are read from
 * one snapshot of three queries, taken at most once per {@code maxAge}: however often (and by however many scrapers)
 * the gauges are read, the database sees at most one snapshot per period. A ledger that cannot be read leaves the
 * last snapshot (NaN before the first).
 */
public final class LedgerMeters {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerMeters.class);

    private record Snapshot(long takenAt, Map<String, Long> byStatus, double oldestOpenSeconds, double resultsOwed) {
    }

    private final PaymentLedger ledger;
    private final long maxAgeNanos;
    private Snapshot last = new Snapshot(Long.MIN_VALUE, Map.of(), Double.NaN, Double.NaN);
    private boolean everRead;

    private LedgerMeters(PaymentLedger ledger, Duration maxAge) {
        this.ledger = ledger;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Registers the ledger's gauges in {@code meters} (nothing when it does not record). */
    public static void register(PaymentLedger ledger, AntomMeters meters, Duration maxAge) {
        if (!meters.isRecording()) {
            return;
        }
        LedgerMeters gauges = new LedgerMeters(ledger, maxAge);
        for (PaymentStatus status : PaymentStatus.values()) {
            meters.gauge("antom.ledger.payments", "payments in the ledger by status", null,
                    () -> gauges.payments(status),
                    "status", status.name());
        }
        meters.gauge("antom.ledger.oldest.open.age", "age of the oldest payment that is not final, -1 when none",
                "seconds", () -> gauges.snapshot().oldestOpenSeconds());
        meters.gauge("antom.ledger.results.owed", "final payments whose result message is not published yet", null,
                () -> gauges.snapshot().resultsOwed());
    }

    private synchronized Number payments(PaymentStatus status) {
        Snapshot s = snapshot();
        return everRead ? s.byStatus().getOrDefault(status.name(), 0L) : Double.NaN;
    }

    private synchronized Snapshot snapshot() {
        long now = System.nanoTime();
        if (last.takenAt() != Long.MIN_VALUE && now - last.takenAt() < maxAgeNanos) {
            return last;
        }
        try {
            last = new Snapshot(now, ledger.countByStatus(),
                    ledger.oldestPendingAge().map(age -> (double) age.toSeconds()).orElse(-1.0),
                    ledger.countResultsOwed());
            everRead = true;
        } catch (RuntimeException e) {
            // keep the last values; say so once per period, not per scrape
            last = new Snapshot(now, last.byStatus(), last.oldestOpenSeconds(), last.resultsOwed());
            LOG.warn("Ledger gauges not refreshed: {}", e.toString());
        }
        return last;
    }
}
