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
 * code, U/timeout/HTTP error → PROCESSING. Shared by the order bridge's refund command and reconciliation's resend.
 */
public final class RefundSender {

    private static final Logger LOG = LoggerFactory.getLogger(RefundSender.class);

    private RefundSender() {
    }

    public static void send(RefundSettlement settlement, AntomCalls antom, RefundRecord row) {
        String id = row.refundRequestId();
        if (!settlement.ledger().recordCall(id)) {
            return; // settled meanwhile (a notification won)
        }
        RefundRequest request = AntomJson.convert(row.requestJson(), RefundRequest.class);
        AntomCalls.Answer answer = antom.refund(request);
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
