package io.camelantom.simulator;

import java.time.Instant;

/**
 * An immutable snapshot of one capture.
 *
 * @param captureRequestId the merchant's idempotency key
 * @param captureId        the id the simulator gave the capture
 * @param paymentId        the captured payment
 * @param amountValue      captured amount in minor units
 * @param currency         ISO 4217 code
 * @param captureTime      when it was captured
 */
public record SimulatedCapture(String captureRequestId, String captureId, String paymentId, String amountValue,
        String currency, Instant captureTime) {
}
