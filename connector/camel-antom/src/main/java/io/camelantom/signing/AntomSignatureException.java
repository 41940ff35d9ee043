package io.camelantom.signing;

/**
 * A signature could not be verified (or produced). The message says which part was missing or wrong, and which key
 * version was tried, so a person can act on it; it never holds key material.
 */
public class AntomSignatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why verification failed. */
    public enum Reason {
        /** No signature header, or no {@code signature=} part in it. */
        MISSING_SIGNATURE,
        /** The header could not be parsed (bad part, bad keyVersion, bad escape, bad base64). */
        UNPARSABLE_SIGNATURE,
        /** The header names an algorithm other than RSA256. */
        UNSUPPORTED_ALGORITHM,
        /** A part of the signed content (client-id, time, path) is missing. */
        MISSING_SIGNED_PART,
        /** No configured Antom public key matches the header's keyVersion. */
        UNKNOWN_KEY_VERSION,
        /** The signature does not match the content with any candidate key. */
        SIGNATURE_MISMATCH,
        /** Signing itself failed (bad key). */
        SIGNING_FAILED
    }

    private final Reason reason;

    public AntomSignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AntomSignatureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
