package io.camelantom.encryption;

/**
 * A message could not be encrypted or decrypted with RSA_AES. The message says which step failed; it never holds key
 * material, plaintext or ciphertext.
 */
public class AntomEncryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which step failed. */
    public enum Reason {
        /** The {@code Encrypt} header is missing, unparsable or names another algorithm. */
        BAD_HEADER,
        /** The wrapped AES key cannot be unwrapped with our private key (wrong key pair, wrong padding, altered). */
        KEY_UNWRAP_FAILED,
        /** The body is not base64 or does not decrypt with the AES key (altered, wrong key, wrong mode). */
        BODY_DECRYPT_FAILED,
        /** Encryption itself failed (bad public key). */
        ENCRYPT_FAILED
    }

    private final Reason reason;

    public AntomEncryptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AntomEncryptionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
