package io.camelantom.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs Antom messages with the merchant's (or, in the simulator, Antom's) RSA private key: SHA256withRSA over
 * {@link ContentToSign}. Thread-safe; holds no state but the key.
 */
public final class AntomSigner {

    public static final String JCA_ALGORITHM = "SHA256withRSA";

    private final PrivateKey privateKey;
    private final int keyVersion;

    public AntomSigner(PrivateKey privateKey, int keyVersion) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("Antom signs with RSA keys; the key given is " + privateKey.getAlgorithm());
        }
        this.keyVersion = keyVersion;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    /** Signs raw content and returns the standard (padded) base64 signature. */
    public String sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new AntomSignatureException(AntomSignatureException.Reason.SIGNING_FAILED,
                    "signing with the configured private key failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Signs a message and returns its {@code signature} header. */
    public SignatureHeader sign(String method, String path, String clientId, String time, byte[] body) {
        String value = sign(ContentToSign.of(method, path, clientId, time, body));
        return new SignatureHeader(SignatureHeader.ALGORITHM_RSA256, keyVersion, value);
    }

    /** Convenience for a UTF-8 body. */
    public SignatureHeader sign(String method, String path, String clientId, String time, String body) {
        return sign(method, path, clientId, time, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AntomSigner[keyVersion=" + keyVersion + "]";
    }
}
