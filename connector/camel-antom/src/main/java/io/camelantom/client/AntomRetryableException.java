package io.camelantom.client;

/**
 * The outcome of an Antom call is unknown: Antom answered {@code U}, the HTTP call failed or timed out, or the answer
 * could not be verified. This is never a failure: the payment may have happened. Resend the identical request (same
 * request id, same body; Antom's idempotency makes that safe) or inquire.
 */
public class AntomRetryableException extends AntomException {

    private static final long serialVersionUID = 1L;

    /** Why the outcome is unknown. */
    public enum Kind {
        /** Antom answered {@code U} (processing, rate limited, unknown exception...). */
        RESULT_UNKNOWN,
        /** Antom answered with an HTTP status other than 200. */
        HTTP_ERROR,
        /** Connecting or waiting for the answer timed out. */
        TIMEOUT,
        /** Connection refused, reset, TLS failure... */
        IO_ERROR,
        /** The answer's signature is missing or does not verify: it is not trusted, whatever it says. */
        UNVERIFIED_RESPONSE,
        /** The (verified) answer is not an Antom result (no {@code result}, not JSON). */
        INVALID_RESPONSE,
        /** The answer is encrypted (v2 RSA_AES) and does not decrypt: it is not trusted, whatever it says. */
        UNDECRYPTABLE_RESPONSE
    }

    private final Kind kind;
    private final int httpStatus;
    private final int attempts;

    public AntomRetryableException(Kind kind, String message, String operation, String path, AntomReply reply,
                                   int httpStatus, int attempts, Throwable cause) {
        super(message, operation, path, reply, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    public Kind getKind() {
        return kind;
    }

    /** The HTTP status received, 0 when none. */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** How many times the request was sent by the client (1 without automatic retry). */
    public int getAttempts() {
        return attempts;
    }

    /** The result code of a {@code U} answer, or {@code null}. */
    public String getResultCode() {
        return getReply() != null && getReply().result() != null ? getReply().result().getResultCode() : null;
    }

    AntomRetryableException withAttempts(int total) {
        AntomRetryableException copy = new AntomRetryableException(kind, getMessage().replaceFirst(" \\(after \\d+ attempts\\)$", "")
                                                                         + (total > 1 ? " (after " + total + " attempts)" : ""),
                getOperation(), getPath(), getReply(), httpStatus, total, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
