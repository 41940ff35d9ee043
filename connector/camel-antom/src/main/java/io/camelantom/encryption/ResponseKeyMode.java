package io.camelantom.encryption;

/** Which AES key decrypts an encrypted answer (UNCONFIRMED: sibling Ant gateways differ). */
public enum ResponseKeyMode {
    /** The answer's own {@code Encrypt} header when it has one, else the key of the request. The default. */
    AUTO,
    /** Always the key of the request (ZOLOZ's clients); an {@code Encrypt} header on the answer is ignored. */
    REQUEST_KEY,
    /** Always the answer's own {@code Encrypt} header, its key wrapped with the merchant's public key. */
    RESPONSE_HEADER
}
