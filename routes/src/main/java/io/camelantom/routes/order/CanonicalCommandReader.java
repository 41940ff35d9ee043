package io.camelantom.routes.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentRequestIds;

/**
 * Reads the canonical cancel, refund and inquiry commands; anything wrong is a {@link RejectedMessageException} naming
 * the field (the message then goes to the dead-letter queue). Bodies: JSON text or bytes, a {@code Map}, or the
 * {@link CanonicalCommand} itself (what a {@code commandMapper} may leave).
 */
final class CanonicalCommandReader {

    private CanonicalCommandReader() {
    }

    static CanonicalCommand.Cancel cancel(Object body) {
        if (body instanceof CanonicalCommand.Cancel c) {
            return c;
        }
        JsonNode o = CanonicalOrderReader.tree(body);
        return new CanonicalCommand.Cancel(orderId(o), attempt(o));
    }

    static CanonicalCommand.Refund refund(Object body) {
        CanonicalCommand.Refund r;
        if (body instanceof CanonicalCommand.Refund given) {
            r = given;
        } else {
            JsonNode o = CanonicalOrderReader.tree(body);
            r = new CanonicalCommand.Refund(CanonicalOrderReader.requiredText(o, "refundId",
                    NewPayment.MAX_ORDER_ID_LENGTH), orderId(o), attempt(o), CanonicalOrderReader.amount(o),
                    CanonicalOrderReader.currency(o), CanonicalOrderReader.optionalText(o, "reason", 256));
        }
        if (r.refundId() == null || r.refundId().isBlank()) {
            throw new RejectedMessageException("refundId: is required");
        }
        if (r.amount() == null || r.amount().signum() <= 0) {
            throw new RejectedMessageException("amount: must be greater than zero");
        }
        CanonicalOrderReader.minorUnits(r.amount(), r.currency());
        return r;
    }

    static CanonicalCommand.Inquiry inquiry(Object body) {
        if (body instanceof CanonicalCommand.Inquiry i) {
            return i;
        }
        JsonNode o = CanonicalOrderReader.tree(body);
        JsonNode refresh = o.get("refresh");
        if (refresh != null && !refresh.isNull() && !refresh.isBoolean()) {
            throw new RejectedMessageException("refresh: must be true or false");
        }
        return new CanonicalCommand.Inquiry(orderId(o), attempt(o), refresh != null && refresh.asBoolean(false));
    }

    private static String orderId(JsonNode o) {
        return CanonicalOrderReader.requiredText(o, "orderId", NewPayment.MAX_ORDER_ID_LENGTH);
    }

    private static Integer attempt(JsonNode o) {
        JsonNode node = o.get("attempt");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt() || node.intValue() < 1
                || node.intValue() > PaymentRequestIds.MAX_ATTEMPT) {
            throw new RejectedMessageException("attempt: must be a whole number from 1 to "
                    + PaymentRequestIds.MAX_ATTEMPT);
        }
        return node.intValue();
    }

}
