package io.camelantom.routes.result;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.camelantom.routes.ledger.BadLedgerRow;
import io.camelantom.routes.ledger.LedgerBatch;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Settle a payment and publish its result exactly once", shared by every route that learns a payment's outcome (the
 * order bridge, its notification settlement, reconciliation).
 * <ul>
 * <li>{@link #settle}: compare-and-set to a final state in the ledger; only the caller that wins publishes the result
 * message and records it as published. A loser does nothing: someone else settled the payment first.</li>
 * <li>{@link #markProcessing}: compare-and-set to PROCESSING (Antom said {@code U}, or the call's outcome is unknown);
 * no result message.</li>
 * <li>{@link #republish}: publish the recorded result of a final payment again (a re-sent order, a redelivered
 * notification whose first delivery was rolled back).</li>
 * <li>{@link #repairOutbox}: publish the results still owed after a crash between a final transition and its
 * publication ({@link PaymentLedger#findResultsOwed}, {@link PaymentLedger#claimForRepublication}).</li>
 * </ul>
 * JMS and the database are not one transaction: a crash after a publication and before it is recorded publishes that
 * result once more. Result consumers de-duplicate on (paymentRequestId, status).
 * Thread-safe; no state but its collaborators.
 */
public final class PaymentSettlement {

    /** The states a payment can be settled from. */
    public static final Set<PaymentStatus> OPEN = EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING,
            PaymentStatus.UNKNOWN);

    private static final Logger LOG = LoggerFactory.getLogger(PaymentSettlement.class);

    private final PaymentLedger ledger;
    private final ResultPublisher publisher;
    private final Clock clock;

    public PaymentSettlement(PaymentLedger ledger, ResultPublisher publisher, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What {@link #settle} did. */
    public enum Outcome {
        /** This caller moved the payment to its final state and published the result. */
        SETTLED,
        /** The payment was not in an expected state (already settled by someone else, or missing): nothing done. */
        LOST
    }

    /**
     * Moves the payment from one of {@code expected} to the final {@code target}; on winning, publishes its result and
     * records it as published. A publication failure is thrown (the payment stays final with its result owed, so a
     * retry through {@link #republish} or the outbox repair publishes it).
     */
    public Outcome settle(String paymentRequestId, Set<PaymentStatus> expected, PaymentStatus target,
            TransitionDetails details) {
        if (!target.isFinal()) {
            throw new IllegalArgumentException("settle moves to a final state, not " + target);
        }
        // the row as the winning change left it, read in that change's transaction
        Optional<PaymentRecord> row = ledger.transitionAndRead(paymentRequestId, expected, target, details);
        if (row.isEmpty()) {
            return Outcome.LOST;
        }
        publishAndMark(row.get());
        return Outcome.SETTLED;
    }

    /** {@link #settle} from any open state (PENDING, PROCESSING, UNKNOWN). */
    public Outcome settle(String paymentRequestId, PaymentStatus target, TransitionDetails details) {
        return settle(paymentRequestId, OPEN, target, details);
    }

    /**
     * Records that the outcome is not known yet (Antom said {@code U}, or the call timed out): PENDING, PROCESSING or
     * UNKNOWN become PROCESSING with the details. No result message. Returns whether the row was changed (false: it is
     * already final, or missing).
     */
    public boolean markProcessing(String paymentRequestId, TransitionDetails details) {
        return ledger.transition(paymentRequestId, OPEN, PaymentStatus.PROCESSING, details);
    }

    /**
     * Publishes the recorded result of a final payment again and records it as published when it was owed. For a
     * re-sent order, or a redelivery whose earlier delivery (and its publication) was rolled back.
     */
    public void republish(PaymentRecord row) {
        if (!row.status().isFinal()) {
            throw new IllegalArgumentException("payment " + row.paymentRequestId() + " is not final: " + row.status());
        }
        publishAndMark(row);
    }

    /**
     * Publishes results owed for at least {@code quietFor} (a crash between a final transition and its publication),
     * at most {@code limit}; of several nodes running this, one publishes each. Returns how many were published.
     */
    public int repairOutbox(Duration quietFor, int limit) {
        LedgerBatch owed = ledger.findResultsOwed(quietFor, limit);
        for (BadLedgerRow bad : owed.badRows()) {
            LOG.warn("Outbox repair: ledger row {} cannot be read ({}); its result is not republished",
                    bad.paymentRequestId(), bad.reason());
        }
        int published = 0;
        for (PaymentRecord row : owed.payments()) {
            if (ledger.claimForRepublication(row)) {
                publishAndMark(row);
                published++;
                LOG.info("Outbox repair: republished the {} result of payment {} (order {})", row.status(),
                        row.paymentRequestId(), row.orderId());
            }
        }
        return published;
    }

    public PaymentLedger ledger() {
        return ledger;
    }

    private void publishAndMark(PaymentRecord row) {
        publisher.publish(PaymentResultMessage.of(row, clock.instant()));
        ledger.markResultPublished(row.paymentRequestId());
    }
}
