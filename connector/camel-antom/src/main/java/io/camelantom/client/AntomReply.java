package io.camelantom.client;

import java.nio.charset.StandardCharsets;

import io.camelantom.model.Result;

/**
 * An answer from Antom as received: the raw body (kept byte for byte), its parsed {@link Result} and whether its
 * signature was verified.
 *
 * @param operation  the operation name
 * @param path       the request path sent (the path the answer's signature covers)
 * @param httpStatus the HTTP status
 * @param body       the raw body bytes
 * @param result     the parsed {@code result}, or {@code null} when the body has none
 * @param verified   {@code true} when the signature was checked and matched
 */
public record AntomReply(String operation, String path, int httpStatus, byte[] body, Result result, boolean verified) {

    public String bodyAsString() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** @throws AntomFailureException when the result is {@code F} */
    public AntomReply throwIfFailed() {
        if (result != null && result.isFailed()) {
            throw new AntomFailureException(operation, path, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "AntomReply[" + operation + " " + path + " HTTP " + httpStatus + ", " + result + ", verified=" + verified + "]";
    }
}
