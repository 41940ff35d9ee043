package io.camelantom.routes.reconciliation;

import io.camelantom.model.AntomJson;
import io.camelantom.model.RefundRequest;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;
import io.camelantom.routes.result.RefundSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a registered, open refund's stored request ({@code REQUEST_JSON}, so every send is identical and Antom's
 * idempotency on refundRequestId applies) and settles it by the answer: S → REFUNDED, F → REFUND_FAILED with Antom's
 * code, U/timeout/HTTP error → PROCESSING. Shared by the order bridge's refund command (which resends an unknown
 * outcome itself, between {@link #call} and {@link #settle}) and reconciliation's resend.
 */
public final class RefundSender {

    private static final Logger LOG = LoggerFactory.getLogger(RefundSender.class);

    private RefundSender() {
    }

    /** Sends the refund's stored request and settles it by the answer (no resend here: reconciliation's own runs). */
    public static void send(RefundSettlement settlement, AntomCalls antom, RefundRecord row) {
        AntomCalls.Answer answer = call(settlement, antom, row);
        if (answer != null) {
            settle(settlement, row, answer);
        }
    }

    /**
     * Counts a call and sends the refund's stored request, identical every time; {@code null} (no call) when the refund
     * is no longer open (a notification settled it meanwhile).
     */
    public static AntomCalls.Answer call(RefundSettlement settlement, AntomCalls antom, RefundRecord row) {
        if (!settlement.ledger().recordCall(row.refundRequestId())) {
            return null;
        }
        return antom.refund(AntomJson.convert(row.requestJson(), RefundRequest.class));
    }

    /**
     * Settles a refund by an answer: S → REFUNDED, F → REFUND_FAILED with Antom's code (the compare-and-set's winner
     * publishes the refund result), unknown → PROCESSING; anything else is an error.
     */
    public static void settle(RefundSettlement settlement, RefundRecord row, AntomCalls.Answer answer) {
        String id = row.refundRequestId();
        switch (answer.outcome()) {
            case SUCCESS -> settlement.settle(id, RefundStatus.REFUNDED, answer.refundId(),
                    answer.resultCode() == null ? "SUCCESS" : answer.resultCode(), answer.resultMessage());
            case FAILURE -> settlement.settle(id, RefundStatus.REFUND_FAILED, null, answer.resultCode(),
                    answer.resultMessage());
            case UNKNOWN -> {
                settlement.markProcessing(id, answer.refundId(), answer.resultCode() == null ? "UNKNOWN"
                        : answer.resultCode(), answer.error());
                LOG.info("Refund {} (order {}): outcome not known yet ({}); PROCESSING, the notification or "
                        + "reconciliation settles it", id, row.orderId(), answer.error());
            }
            case ERROR -> throw new IllegalStateException("Antom refund of " + id + " failed unexpectedly: "
                    + answer.error());
        }
    }
}
