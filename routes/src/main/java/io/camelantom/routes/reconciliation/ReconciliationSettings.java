package io.camelantom.routes.reconciliation;

import java.time.Duration;
import java.util.Objects;

import io.camelantom.routes.ledger.CheckBackoff;

/**
 * The rules' knobs of one reconciliation instance (the template's parameters of the same names).
 *
 * @param minAge                   a payment is looked at only once it is at least this old (leaves fresh payments to
 *                                 the order bridge and the notification)
 * @param batchSize                rows selected per batch
 * @param maxBatchesPerRun         batches per run at most (a run ends earlier when a batch claims nothing new)
 * @param backoff                  how long a payment left open is left alone after each check
 * @param orderNotExistGracePeriod how long after its creation Antom's ORDER_NOT_EXIST still means "not visible yet"
 * @param defaultClosingTime       closing time after creation for payments without an expiry time in the ledger
 * @param badRowDelay              how long an unreadable row is pushed back before it is reported again
 * @param pendingTimeout           how long a PENDING payment may go unwritten before reconciliation takes it over from
 *                                 the order bridge that abandoned it
 */
public record ReconciliationSettings(Duration minAge, int batchSize, int maxBatchesPerRun, CheckBackoff backoff,
        Duration orderNotExistGracePeriod, Duration defaultClosingTime, Duration badRowDelay,
        Duration pendingTimeout) {

    public ReconciliationSettings {
        Objects.requireNonNull(minAge, "minAge");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(orderNotExistGracePeriod, "orderNotExistGracePeriod");
        Objects.requireNonNull(defaultClosingTime, "defaultClosingTime");
        Objects.requireNonNull(badRowDelay, "badRowDelay");
        Objects.requireNonNull(pendingTimeout, "pendingTimeout");
        if (minAge.isNegative() || orderNotExistGracePeriod.isNegative() || defaultClosingTime.isNegative()
                || badRowDelay.isNegative() || badRowDelay.isZero() || pendingTimeout.isNegative()
                || pendingTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "reconciliation durations must not be negative (badRowDelay and pendingTimeout positive)");
        }
        if (batchSize < 1 || maxBatchesPerRun < 1) {
            throw new IllegalArgumentException("batchSize and maxBatchesPerRun must be at least 1");
        }
    }

    /** The template's defaults. */
    public static ReconciliationSettings defaults() {
        return new ReconciliationSettings(Duration.ofMinutes(1), 100, 10, CheckBackoff.defaults(),
                Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(10));
    }
}
