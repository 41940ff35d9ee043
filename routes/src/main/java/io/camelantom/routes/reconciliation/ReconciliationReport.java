package io.camelantom.routes.reconciliation;

import java.time.Duration;
import java.time.Instant;

/**
 * What one reconciliation run did. {@code checked = resolved + cancelled + refundRequired + stillPending}: every
 * payment this run claimed ends in exactly one of these; {@code errors} counts the claimed payments whose Antom call or
 * settlement failed (they are also in {@code stillPending}); {@code badRows} the unreadable ledger rows skipped.
 *
 * @param startedAt        when the run started (the reconciliation's clock)
 * @param checked          payments claimed and inquired by this run
 * @param resolved         settled PAID, FAILED or CANCELLED from Antom's inquiry (including ORDER_NOT_EXIST after the
 *                         grace period: FAILED)
 * @param cancelled        cancelled by this run after their closing time (cancel answered S)
 * @param refundRequired   found paid after a refused cancel (CANCEL_WINDOW_EXCEED): published as REFUND_REQUIRED
 * @param stillPending     left open for a later run (processing, unknown, within the ORDER_NOT_EXIST grace period,
 *                         cancel refused or not answered, errors)
 * @param errors           Antom calls that failed (transport error, U, unexpected F) or settlements that failed
 * @param badRows          unreadable ledger rows reported and postponed
 * @param takenOver        PENDING payments left unwritten for {@code pendingTimeout} that this run took over from the
 *                         order bridge that abandoned them (PENDING → UNKNOWN; each is then checked like an UNKNOWN
 *                         payment, by this run when it is due)
 * @param oldestPendingAge the age of the oldest payment that is not final after the run, null when there is none
 * @param took             how long the run took (wall time)
 */
public record ReconciliationReport(Instant startedAt, int checked, int resolved, int cancelled, int refundRequired,
        int stillPending, int errors, int badRows, int takenOver, Duration oldestPendingAge, Duration took) {

    /** The run's INFO log line (without the route's name). */
    public String summary() {
        return "checked=" + checked + " resolved=" + resolved + " cancelled=" + cancelled + " refundRequired="
                + refundRequired + " stillPending=" + stillPending + " errors=" + errors + " badRows=" + badRows
                + " takenOver=" + takenOver + " oldestPendingAge=" + (oldestPendingAge == null ? "none" : oldestPendingAge.toSeconds() + "s")
                + " took=" + took.toMillis() + "ms";
    }
}
