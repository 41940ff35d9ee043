package io.camelantom.simulator;

import java.time.Instant;

/**
 * An immutable snapshot of one refund.
 *
 * @param refundRequestId the merchant's idempotency key
 * @param refundId        the id the simulator gave the refund
 * @param paymentId       the refunded payment
 * @param amountValue     refund amount in minor units
 * @param currency        ISO 4217 code
 * @param status          {@code SUCCESS}, {@code FAIL} or {@code PROCESSING}
 * @param resultCode      the refund's result code ({@code SUCCESS}, {@code REFUND_IN_PROCESS}, a failure code)
 * @param createdAt       when the refund was requested
 * @param refundTime      when it succeeded, {@code null} otherwise
 * @param notifyUrl       {@code refundNotifyUrl}, or {@code null}
 */
public record SimulatedRefund(String refundRequestId, String refundId, String paymentId, String amountValue,
        String currency, String status, String resultCode, Instant createdAt, Instant refundTime, String notifyUrl) {
}
