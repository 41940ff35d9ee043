package io.camelantom.routes.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.camelantom.client.AntomRetryableException;

/**
 * The order bridge's own resend policy for a pay or refund request whose outcome is unknown (template parameters
 * {@code payResendDelay}, {@code payResendTrafficLimitDelay}, {@code payResendWindow}; independent of the
 * {@code antom} component's {@code maxRetries}). The identical request (same body, same paymentRequestId or
 * refundRequestId: Antom's idempotency makes it safe) is sent again after {@code U} (except {@code PAYMENT_IN_PROCESS}
 * and {@code REFUND_IN_PROCESS}: Antom has it and says so), a timeout, HTTP 5xx or an I/O error, as long as the payment
 * or refund is younger than {@code window} (from its registration) and, for a payment, has not expired; after that it
 * stays PROCESSING and its notification or reconciliation settles it. A {@code U} that waits for the buyer (Order Code,
 * cashier) is a reply, not an exception, and is never resent.
 *
 * @param delay             wait before the first resend; doubles after each resend
 * @param trafficLimitDelay wait before a resend after {@code REQUEST_TRAFFIC_EXCEED_LIMIT} (or HTTP 429); doubles too
 * @param window            resends start only while the payment or refund (from its registration) is younger than
 *                          this; {@code PT0S} switches them off
 */
record ResendPolicy(Duration delay, Duration trafficLimitDelay, Duration window) {

    static final String TRAFFIC_LIMIT = "REQUEST_TRAFFIC_EXCEED_LIMIT";
    /** Antom has the payment or refund and is working on it: a resend would tell it nothing new. */
    static final Set<String> IN_PROCESS = Set.of("PAYMENT_IN_PROCESS", "REFUND_IN_PROCESS");

    ResendPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(trafficLimitDelay, "trafficLimitDelay");
        Objects.requireNonNull(window, "window");
        if (delay.isNegative() || trafficLimitDelay.isNegative() || window.isNegative()) {
            throw new IllegalArgumentException("pay resend durations must not be negative");
        }
    }

    /** Whether this unknown outcome is one the bridge resends the identical request for. */
    static boolean resendable(AntomRetryableException e) {
        return switch (e.getKind()) {
            case RESULT_UNKNOWN -> !IN_PROCESS.contains(e.getResultCode());
            case HTTP_ERROR -> e.getHttpStatus() >= 500 || e.getHttpStatus() == 429;
            case TIMEOUT, IO_ERROR -> true;
            // an answer that cannot be verified, decrypted (v2) or read: a configuration problem, resending does not
            // fix it
            case UNVERIFIED_RESPONSE, UNDECRYPTABLE_RESPONSE, INVALID_RESPONSE -> false;
        };
    }

    /** Whether Antom asked us to slow down. */
    static boolean trafficLimited(AntomRetryableException e) {
        return TRAFFIC_LIMIT.equals(e.getResultCode()) || e.getKind() == AntomRetryableException.Kind.HTTP_ERROR
                && e.getHttpStatus() == 429;
    }

    /** The wait before resend number {@code resend} (1, 2, ...): the base delay doubled per earlier resend. */
    Duration waitBefore(int resend, boolean trafficLimited) {
        Duration base = trafficLimited ? trafficLimitDelay : delay;
        return base.multipliedBy(1L << Math.min(resend - 1, 16));
    }

    /**
     * The wait before resend number {@code resend} after this unknown outcome, or {@code null} when it is not resent:
     * not resendable, or the resend would start later than {@code window} after {@code registeredAt}, or at or after
     * {@code expiresAt} (null: no expiry).
     */
    Duration resendAfter(AntomRetryableException unknown, int resend, Instant registeredAt, Instant expiresAt,
            Instant now) {
        if (unknown == null || !resendable(unknown)) {
            return null;
        }
        Duration wait = waitBefore(resend, trafficLimited(unknown));
        Instant resendAt = now.plus(wait);
        if (Duration.between(registeredAt, resendAt).compareTo(window) > 0
                || expiresAt != null && !resendAt.isBefore(expiresAt)) {
            return null;
        }
        return wait;
    }

    /** Waits before a resend on the consumer's thread; {@code false} when interrupted (the route is stopping). */
    static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
