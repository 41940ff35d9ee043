package io.camelantom.routes.order;

import java.time.Duration;
import java.util.Objects;

import io.camelantom.client.AntomRetryableException;

/**
 * The order bridge's own resend policy for a pay request whose outcome is unknown (template parameters
 * {@code payResendDelay}, {@code payResendTrafficLimitDelay}, {@code payResendWindow}; independent of the
 * {@code antom} component's {@code maxRetries}). The identical request (same bytes, same paymentRequestId: Antom's
 * idempotency makes it safe) is sent again after {@code U} (except {@code PAYMENT_IN_PROCESS}: Antom has the payment
 * and says so), a timeout, HTTP 5xx or an I/O error, as long as the payment is younger than {@code window} and has not
 * expired; after that the payment stays PROCESSING and reconciliation takes over. A {@code U} that waits for the buyer (Order Code,
 * cashier) is a reply, not an exception, and is never resent.
 *
 * @param delay             wait before the first resend; doubles after each resend
 * @param trafficLimitDelay wait before a resend after {@code REQUEST_TRAFFIC_EXCEED_LIMIT} (or HTTP 429); doubles too
 * @param window            resends happen only while the payment (from its registration) is younger than this;
 *                          {@code PT0S} switches them off
 */
record PayResendPolicy(Duration delay, Duration trafficLimitDelay, Duration window) {

    static final String TRAFFIC_LIMIT = "REQUEST_TRAFFIC_EXCEED_LIMIT";
    static final String IN_PROCESS = "PAYMENT_IN_PROCESS";

    PayResendPolicy {
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
            case RESULT_UNKNOWN -> !IN_PROCESS.equals(e.getResultCode());
            case HTTP_ERROR -> e.getHttpStatus() >= 500 || e.getHttpStatus() == 429;
            case TIMEOUT, IO_ERROR -> true;
            // an answer that cannot be verified, read or decrypted: a configuration problem, resending does not fix it
            case UNVERIFIED_RESPONSE, INVALID_RESPONSE, UNDECRYPTABLE_RESPONSE -> false;
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
}
