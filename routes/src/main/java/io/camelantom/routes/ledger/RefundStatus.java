package io.camelantom.routes.ledger;

import java.util.Optional;

/**
 * The life of one refund in the refund ledger: PENDING (registered, Antom maybe not called yet) → PROCESSING (Antom
 * answered {@code U} or the call's outcome is unknown) → REFUNDED or REFUND_FAILED (final; nothing leaves them).
 */
public enum RefundStatus {
    PENDING,
    PROCESSING,
    /** Antom refunded the money. Final. */
    REFUNDED,
    /** Antom refused the refund (its result code says why). Final; the amount no longer counts as refunded. */
    REFUND_FAILED;

    public boolean isFinal() {
        return this == REFUNDED || this == REFUND_FAILED;
    }

    /** Parses a stored status; empty for a value this version does not know. */
    public static Optional<RefundStatus> parse(String stored) {
        for (RefundStatus s : values()) {
            if (s.name().equals(stored)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
