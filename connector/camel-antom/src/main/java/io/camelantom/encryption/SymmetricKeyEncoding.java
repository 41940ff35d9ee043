package io.camelantom.encryption;

/** How the wrapped AES key is written into the {@code Encrypt} header's {@code symmetricKey} (UNCONFIRMED). */
public enum SymmetricKeyEncoding {
    /** Standard base64, then percent-encoded like the signature value ({@code +} is {@code %2B}). The default. */
    URL_ENCODED_BASE64,
    /** Standard base64 as is. */
    BASE64
}
