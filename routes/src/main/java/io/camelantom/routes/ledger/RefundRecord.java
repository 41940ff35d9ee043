package io.camelantom.routes.ledger;

import java.time.Instant;

/**
 * One row of the refund ledger, as read.
 *
 * @param refundRequestId   Antom's idempotency key of the refund (primary key), derived from {@code erpRefundId}
 * @param erpRefundId       the ERP's refund id
 * @param paymentRequestId  the refunded payment attempt
 * @param orderId           the ERP order id of that payment
 * @param paymentId         Antom's paymentId of the refunded payment
 * @param amountMinor       the refund amount in minor units
 * @param currency          ISO 4217 code
 * @param reason            the refund reason, may be null
 * @param status            current status
 * @param refundId          Antom's refundId once known
 * @param resultCode        the last result code recorded, may be null
 * @param resultMessage     the last result message recorded, may be null
 * @param callCount         calls made to Antom for it (refund, inquiryRefund)
 * @param createdAt         when it was registered
 * @param updatedAt         its last change
 * @param nextCheckAt       when reconciliation may look at it next
 * @param checkCount        how many times reconciliation claimed it
 * @param resultPublishedAt when its result message was recorded as published; null while one is owed
 * @param requestJson       the refund request as first sent (a resend is rebuilt from it), may be null
 * @param version           incremented on every change
 */
public record RefundRecord(String refundRequestId, String erpRefundId, String paymentRequestId, String orderId,
        String paymentId, long amountMinor, String currency, String reason, RefundStatus status, String refundId,
        String resultCode, String resultMessage, int callCount, Instant createdAt, Instant updatedAt,
        Instant nextCheckAt, int checkCount, Instant resultPublishedAt, String requestJson, long version) {

    /** Whether the row is the refund {@code refund} asks for: same payment, amount and currency. */
    public boolean sameAs(NewRefund refund) {
        return paymentRequestId.equals(refund.paymentRequestId()) && amountMinor == refund.amountMinor()
                && currency.equals(refund.currency());
    }
}
