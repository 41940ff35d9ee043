package io.camelantom.routes.ledger;

import java.time.Instant;

/**
 * One row of the ledger: one payment attempt, as read.
 *
 * @param paymentRequestId  Antom's idempotency key of this attempt (primary key)
 * @param orderId           the ERP order id
 * @param attempt           1 for the first attempt of an order, 2.. for new attempts after a final FAILED/CANCELLED
 * @param amountMinor       amount in minor units
 * @param currency          ISO 4217 code
 * @param description       order description, may be null
 * @param status            current status
 * @param paymentId         Antom's paymentId once known, else null
 * @param resultCode        the last result code recorded (Antom's {@code resultCode}), may be null
 * @param resultMessage     the last result message recorded, may be null
 * @param callCount         calls made to Antom for this attempt (pay, inquiry, cancel), as recorded by callers
 * @param createdAt         when the row was inserted
 * @param updatedAt         the last change of the row
 * @param expiresAt         the payment's closing time, may be null
 * @param nextCheckAt       when reconciliation may look at it next
 * @param checkCount        how many times reconciliation claimed it
 * @param resultPublishedAt when the final result message was recorded as published; null while one is owed
 * @param orderJson         the original order, may be null
 * @param operatorNote      the last operator override's note, may be null
 * @param version           incremented on every change (optimistic claims)
 */
public record PaymentRecord(String paymentRequestId, String orderId, int attempt, long amountMinor, String currency,
        String description, PaymentStatus status, String paymentId, String resultCode, String resultMessage,
        int callCount, Instant createdAt, Instant updatedAt, Instant expiresAt, Instant nextCheckAt, int checkCount,
        Instant resultPublishedAt, String orderJson, String operatorNote, long version) {

    /** A final status whose result message has not been recorded as published yet. */
    public boolean resultOwed() {
        return status.isFinal() && resultPublishedAt == null;
    }

    /** Whether the row holds the same money as the order (amount and currency): a re-sent order must match. */
    public boolean sameMoneyAs(NewPayment order) {
        return amountMinor == order.amountMinor() && currency.equals(order.currency());
    }
}
