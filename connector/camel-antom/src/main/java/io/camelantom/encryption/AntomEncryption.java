package io.camelantom.encryption;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * RSA_AES as one merchant's client uses it: requests are sealed for Antom's encryption public key, answers are opened
 * with the request's AES key or with the merchant's decryption private key, as {@link ResponseKeyMode} says.
 * Immutable and thread-safe; {@link #toString()} shows no key.
 */
public final class AntomEncryption {

    /** Content-Type of an encrypted body when none is configured: what Antom's v2 docs show for every request. */
    public static final String DEFAULT_CONTENT_TYPE = "application/json; charset=UTF-8";

    private final RsaAes rsaAes;
    private final PublicKey antomEncryptionKey;
    private final Integer keyVersion;
    private final PrivateKey decryptionKey;
    private final ResponseKeyMode responseKeyMode;
    private final String contentType;

    /**
     * @param rsaAes             the scheme's settings
     * @param antomEncryptionKey Antom's public key that wraps request keys
     * @param keyVersion         the {@code keyVersion} sent in the {@code Encrypt} header, {@code null} to omit it
     * @param decryptionKey      the merchant's private key that unwraps answer keys
     * @param responseKeyMode    which key opens an answer
     * @param contentType        the Content-Type of an encrypted request, {@code null} for {@link #DEFAULT_CONTENT_TYPE}
     */
    public AntomEncryption(RsaAes rsaAes, PublicKey antomEncryptionKey, Integer keyVersion, PrivateKey decryptionKey,
                           ResponseKeyMode responseKeyMode, String contentType) {
        this.rsaAes = Objects.requireNonNull(rsaAes, "rsaAes");
        this.antomEncryptionKey = Objects.requireNonNull(antomEncryptionKey, "Antom's encryption public key");
        this.keyVersion = keyVersion;
        this.decryptionKey = Objects.requireNonNull(decryptionKey, "the decryption private key");
        this.responseKeyMode = responseKeyMode == null ? ResponseKeyMode.AUTO : responseKeyMode;
        this.contentType = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType.strip();
    }

    /** Seals a request body with a fresh AES key. */
    public RsaAes.Sealed sealRequest(byte[] plaintext) {
        return rsaAes.seal(plaintext, antomEncryptionKey, keyVersion);
    }

    /**
     * Opens an encrypted answer.
     *
     * @param  body                     the raw answer body (base64 ciphertext)
     * @param  encryptHeader            the answer's {@code Encrypt} header, or {@code null}
     * @param  requestKey               the AES key of the request
     * @throws AntomEncryptionException when it does not decrypt
     */
    public byte[] openAnswer(byte[] body, String encryptHeader, SecretKey requestKey) {
        boolean ownHeader = encryptHeader != null && !encryptHeader.isBlank();
        switch (responseKeyMode) {
            case RESPONSE_HEADER -> {
                if (!ownHeader) {
                    throw new AntomEncryptionException(AntomEncryptionException.Reason.BAD_HEADER,
                            "the encrypted answer has no Encrypt header (responseKeyMode=RESPONSE_HEADER)");
                }
                return rsaAes.open(body, encryptHeader, decryptionKey).plaintext();
            }
            case AUTO -> {
                if (ownHeader) {
                    return rsaAes.open(body, encryptHeader, decryptionKey).plaintext();
                }
                return rsaAes.decrypt(body, requestKey);
            }
            default -> {
                return rsaAes.decrypt(body, requestKey);
            }
        }
    }

    /** Whether a body is plain JSON rather than base64 ciphertext (base64 never holds '{'). */
    public static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return false;
    }

    public RsaAes getRsaAes() {
        return rsaAes;
    }

    public Integer getKeyVersion() {
        return keyVersion;
    }

    public ResponseKeyMode getResponseKeyMode() {
        return responseKeyMode;
    }

    public String getContentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return "AntomEncryption[" + rsaAes.getSettings() + ", keyVersion=" + keyVersion + ", responseKeyMode="
               + responseKeyMode + ", contentType=" + contentType + "]";
    }

}
