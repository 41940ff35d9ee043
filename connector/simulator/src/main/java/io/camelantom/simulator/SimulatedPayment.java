package io.camelantom.simulator;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one payment as the simulator holds it.
 *
 * @param clientId            the merchant's client id
 * @param paymentRequestId    the merchant's idempotency key
 * @param paymentId           the id the simulator gave the payment
 * @param amountValue         {@code paymentAmount.value}, minor units
 * @param currency            {@code paymentAmount.currency}
 * @param status              what inquiryPayment reports
 * @param resultCode          the payment's result code ({@code SUCCESS}, {@code PAYMENT_IN_PROCESS}, a failure code)
 * @param chargeCount         how many times money was taken for this payment (0 or 1; more would be a bug)
 * @param createdAt           {@code paymentCreateTime}
 * @param paymentTime         when the money was taken, {@code null} if it never was
 * @param expiryTime          {@code paymentExpiryTime} (or the Order Code default), {@code null} when none
 * @param notifyUrl           {@code paymentNotifyUrl}, or {@code null}
 * @param orderCode           the Order Code shown to the customer, or {@code null}
 * @param redirectUrl         the cashier redirect URL, or {@code null}
 * @param refunds             refunds of this payment, oldest first
 * @param capturedAmountValue the total captured so far, minor units ({@code "0"} when none)
 * @param captures            captures of this payment, oldest first
 * @param cancelTime          when the payment was cancelled, {@code null} if it was not
 * @param reversed            {@code true} when a paid payment was cancelled and its money returned
 * @param productCode         {@code productCode} of the pay request
 * @param paymentMethodType   {@code paymentMethod.paymentMethodType}
 * @param referenceOrderId    {@code order.referenceOrderId} (v2: {@code originalMerchantOrderId}), or {@code null}
 * @param referenceStoreId    {@code order.merchant.store.referenceStoreId} (v2: {@code originalMerchantStoreId}), or
 *                            {@code null}
 */
public record SimulatedPayment(String clientId, String paymentRequestId, String paymentId, String amountValue,
        String currency, PaymentStatus status, String resultCode, int chargeCount, Instant createdAt,
        Instant paymentTime, Instant expiryTime, String notifyUrl, String orderCode, String redirectUrl,
        List<SimulatedRefund> refunds, String capturedAmountValue, List<SimulatedCapture> captures,
        Instant cancelTime, boolean reversed, String productCode, String paymentMethodType, String referenceOrderId,
        String referenceStoreId) {

    public SimulatedPayment {
        refunds = List.copyOf(refunds);
        captures = List.copyOf(captures);
    }

    /** The sum of successful refunds, minor units. */
    public long refundedAmount() {
        return refunds.stream().filter(r -> "SUCCESS".equals(r.status())).mapToLong(r -> Long.parseLong(r.amountValue())).sum();
    }
}
