package io.camelantom.routes.ledger;

import java.util.Objects;

/**
 * An ERP refund as the refund ledger registers it.
 *
 * @param erpRefundId      the ERP's refund id (1..256 characters); the refundRequestId is derived from it
 * @param paymentRequestId the refunded payment (attempt) in the payment ledger
 * @param amountMinor      the amount to refund in minor units, greater than zero
 * @param currency         ISO 4217 code; must be the payment's
 * @param reason           the refund reason, may be null
 * @param requestJson      the refund request as first sent to Antom (so a resend is identical), may be null
 */
public record NewRefund(String erpRefundId, String paymentRequestId, long amountMinor, String currency, String reason,
        String requestJson) {

    public NewRefund {
        Objects.requireNonNull(erpRefundId, "erpRefundId");
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(currency, "currency");
        if (erpRefundId.isEmpty() || erpRefundId.length() > NewPayment.MAX_ORDER_ID_LENGTH) {
            throw new IllegalArgumentException("refund id must have 1.." + NewPayment.MAX_ORDER_ID_LENGTH
                    + " characters");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero, was " + amountMinor);
        }
    }

    /** Antom's refundRequestId of this refund ({@link PaymentRequestIds#forRefund}). */
    public String refundRequestId() {
        return PaymentRequestIds.forRefund(erpRefundId);
    }
}
