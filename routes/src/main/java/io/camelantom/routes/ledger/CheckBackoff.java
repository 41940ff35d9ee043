package io.camelantom.routes.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * How long reconciliation leaves a payment alone after each inquiry: {@code first}, then multiplied by
 * {@code multiplier} per further check, never more than {@code max}. With the defaults (1 min, x2, 1 h) a payment that
 * stays unresolved is inquired after 1, 2, 4, 8, 16, 32 minutes and then hourly.
 */
public record CheckBackoff(Duration first, double multiplier, Duration max) {

    public CheckBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max and multiplier >= 1");
        }
    }

    public static CheckBackoff defaults() {
        return new CheckBackoff(Duration.ofMinutes(1), 2.0, Duration.ofHours(1));
    }

    /** The wait after the {@code checks}-th check (1 for the first). */
    public Duration delayAfter(int checks) {
        double millis = first.toMillis() * Math.pow(multiplier, Math.max(0, checks - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
