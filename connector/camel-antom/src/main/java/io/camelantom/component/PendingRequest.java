package io.camelantom.component;

import java.util.Objects;

/**
 * A request whose outcome is unknown, kept on the exchange (property {@link AntomConstants#PENDING_REQUEST}) so that a
 * redelivery resends exactly the same bytes.
 *
 * @param path           the API path
 * @param idempotencyKey the request's idempotency key (paymentRequestId...), or {@code null}
 * @param body           the bytes sent
 */
public record PendingRequest(String path, String idempotencyKey, byte[] body) {

    /**
     * Whether a request for {@code otherPath} with {@code otherKey} is a resend of this one. Requests without an
     * idempotency key (inquiries, cancel) are never matched: their bytes are rebuilt, which canonical serialisation
     * makes identical anyway, and a later inquiry for another payment must not pick up these bytes.
     */
    public boolean isResendOf(String otherPath, String otherKey) {
        return idempotencyKey != null && path.equals(otherPath) && Objects.equals(idempotencyKey, otherKey);
    }

    @Override
    public String toString() {
        // never the body: it may hold personal data
        return "PendingRequest[" + path + ", " + idempotencyKey + ", " + body.length + " bytes]";
    }
}
