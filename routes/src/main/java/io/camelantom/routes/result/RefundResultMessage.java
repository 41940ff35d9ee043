package io.camelantom.routes.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;

/**
 * The result message of one refund's final outcome, published to the refund results queue, built from the refund
 * ledger's row (so every route that publishes it says the same).
 *
 * <pre>{@code
 * {"refundId":"RF-1","refundRequestId":"RF-1","orderId":"SO-1","paymentRequestId":"SO-1","paymentId":"2026...",
 *  "antomRefundId":"3026...","status":"REFUNDED","resultCode":"SUCCESS","amount":"5.00","currency":"USD",
 *  "time":"2026-03-01T10:15:30.123456Z"}
 * }</pre>
 */
public record RefundResultMessage(RefundRecord refund, Instant time) implements ResultMessage {

    public RefundResultMessage {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(time, "time");
        if (!refund.status().isFinal()) {
            throw new IllegalArgumentException("a refund result is only published for a final status, not "
                    + refund.status());
        }
    }

    public RefundStatus status() {
        return refund.status();
    }

    public String amount() {
        return PaymentResultMessage.majorUnits(refund.amountMinor(), refund.currency());
    }

    @Override
    public String subject() {
        return "refund " + refund.refundRequestId();
    }

    @Override
    public String toJson() {
        ObjectNode node = AntomJson.mapper().createObjectNode();
        node.put("refundId", refund.erpRefundId());
        node.put("refundRequestId", refund.refundRequestId());
        node.put("orderId", refund.orderId());
        node.put("paymentRequestId", refund.paymentRequestId());
        PaymentResultMessage.putIfPresent(node, "paymentId", refund.paymentId());
        PaymentResultMessage.putIfPresent(node, "antomRefundId", refund.refundId());
        return PaymentResultMessage.withOutcome(node, refund.status().name(), refund.resultCode(),
                refund.resultMessage(), amount(), refund.currency(), time);
    }

    @Override
    public Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(AntomRouteHeaders.ERP_REFUND_ID, refund.erpRefundId());
        headers.put(AntomRouteHeaders.REFUND_REQUEST_ID, refund.refundRequestId());
        headers.put(AntomRouteHeaders.ORDER_ID, refund.orderId());
        headers.put(AntomRouteHeaders.PAYMENT_REQUEST_ID, refund.paymentRequestId());
        if (refund.refundId() != null) {
            headers.put(AntomRouteHeaders.REFUND_ID, refund.refundId());
        }
        headers.put(AntomRouteHeaders.ORDER_REFUND_STATUS, refund.status().name());
        if (refund.resultCode() != null) {
            headers.put(AntomRouteHeaders.RESULT_CODE, refund.resultCode());
        }
        headers.put(AntomRouteHeaders.AMOUNT_VALUE, Long.toString(refund.amountMinor()));
        headers.put(AntomRouteHeaders.CURRENCY, refund.currency());
        return headers;
    }
}
