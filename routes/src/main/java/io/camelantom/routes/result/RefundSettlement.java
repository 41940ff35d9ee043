package io.camelantom.routes.result;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.camelantom.routes.ledger.RefundLedger;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentSettlement}'s twin for refunds: settle a refund by compare-and-set and, only when this caller won,
 * publish its {@link RefundResultMessage} and record it as published; republish a final refund's recorded result; repair
 * results a crash left owed. The same guarantees: exactly one result per final outcome, repeated only on purpose (a
 * re-sent refund command) or after a crash between publication and its record.
 */
public final class RefundSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(RefundSettlement.class);

    private final RefundLedger ledger;
    private final EndpointResultPublisher publisher;
    private final Clock clock;

    public RefundSettlement(RefundLedger ledger, EndpointResultPublisher publisher, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RefundLedger ledger() {
        return ledger;
    }

    /**
     * Moves an open refund (PENDING, PROCESSING) to the final {@code target}; on winning publishes its result.
     * Returns whether this caller won.
     */
    public boolean settle(String refundRequestId, RefundStatus target, String antomRefundId, String resultCode,
            String resultMessage) {
        if (!target.isFinal()) {
            throw new IllegalArgumentException("settle moves to a final state, not " + target);
        }
        if (!ledger.transition(refundRequestId, RefundLedger.open(), target, antomRefundId, resultCode,
                resultMessage)) {
            return false;
        }
        RefundRecord row = ledger.find(refundRequestId)
                .orElseThrow(() -> new IllegalStateException("refund " + refundRequestId + " vanished after settling"));
        publishAndMark(row);
        return true;
    }

    /** Antom's outcome is not known yet: PENDING or PROCESSING becomes PROCESSING with the details; no result. */
    public boolean markProcessing(String refundRequestId, String antomRefundId, String resultCode,
            String resultMessage) {
        return ledger.transition(refundRequestId, RefundLedger.open(), RefundStatus.PROCESSING, antomRefundId,
                resultCode, resultMessage);
    }

    /** Publishes the recorded result of a final refund again (a re-sent refund command). */
    public void republish(RefundRecord row) {
        if (!row.status().isFinal()) {
            throw new IllegalArgumentException("refund " + row.refundRequestId() + " is not final: " + row.status());
        }
        publishAndMark(row);
    }

    /** Publishes refund results owed for at least {@code quietFor}; of several nodes one publishes each. */
    public int repairOutbox(Duration quietFor, int limit) {
        int published = 0;
        for (RefundRecord row : ledger.findResultsOwed(quietFor, limit)) {
            if (ledger.claimForRepublication(row)) {
                publishAndMark(row);
                published++;
                LOG.info("Outbox repair: republished the {} result of refund {} (order {})", row.status(),
                        row.refundRequestId(), row.orderId());
            }
        }
        return published;
    }

    private void publishAndMark(RefundRecord row) {
        publisher.publish(new RefundResultMessage(row, clock.instant()));
        ledger.markResultPublished(row.refundRequestId());
    }
}
