package io.camelantom.routes.order;

import java.math.BigDecimal;
import java.util.Optional;

import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentRequestIds;

/**
 * The ERP's commands besides paying, in their canonical JSON forms (see {@code routes/README.md}, "Commands").
 */
sealed interface CanonicalCommand {

    /** The order the command is about. */
    String orderId();

    /** The attempt it names, or null for the order's latest attempt. */
    Integer attempt();

    /** The payment the command is about: the attempt it names, or the order's latest; empty when there is none. */
    default Optional<PaymentRecord> payment(PaymentLedger ledger) {
        return attempt() == null ? ledger.findLatestForOrder(orderId())
                : ledger.find(PaymentRequestIds.forAttempt(orderId(), attempt()));
    }

    /** Why {@link #payment} found nothing, as a dead-letter reason: "orderId: no payment for order X in the ledger". */
    default String noPayment() {
        return "orderId: no payment for order " + orderId() + (attempt() == null ? "" : " attempt " + attempt())
                + " in the ledger";
    }

    /** {@code {"orderId":"SO-1","attempt":1}}: cancel the order's current (or the named) attempt. */
    record Cancel(String orderId, Integer attempt) implements CanonicalCommand {
    }

    /**
     * {@code {"refundId":"RF-1","orderId":"SO-1","amount":"5.00","currency":"USD","reason":"returned"}}: refund the
     * order's paid attempt (the latest, or the named one), fully or partly.
     */
    record Refund(String refundId, String orderId, Integer attempt, BigDecimal amount, String currency,
            String reason) implements CanonicalCommand {
    }

    /** {@code {"orderId":"SO-1","refresh":true}}: the ledger's view of the order, optionally refreshed from Antom. */
    record Inquiry(String orderId, Integer attempt, boolean refresh) implements CanonicalCommand {
    }
}
