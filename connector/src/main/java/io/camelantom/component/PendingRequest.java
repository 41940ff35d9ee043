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

    public boolean isResendOf(String otherPath, String otherKey) {
        return path.equals(otherPath) && Objects.equals(idempotencyKey, otherKey);
    }

    @Override
    public String toString() {
        // never the body: it may hold personal data
        return "PendingRequest[" + path + ", " + idempotencyKey + ", " + body.length + " bytes]";
    }
}
