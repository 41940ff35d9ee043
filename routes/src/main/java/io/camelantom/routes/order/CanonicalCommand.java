package io.camelantom.routes.order;

import java.math.BigDecimal;

/**
 * The ERP's commands besides paying, in their canonical JSON forms (see {@code routes/README.md}, "Commands").
 */
sealed interface CanonicalCommand {

    /** The order the command is about. */
    String orderId();

    /** The attempt it names, or null for the order's latest attempt. */
    Integer attempt();

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
