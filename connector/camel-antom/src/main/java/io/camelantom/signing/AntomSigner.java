package io.camelantom.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs Antom messages with the merchant's (or, in the simulator, Antom's) RSA private key: SHA256withRSA over
 * {@link ContentToSign}. Thread-safe.
 * <p>
 * The key is turned into the {@link SignatureProvider}'s own key object once; each thread keeps one initialised
 * {@link Signature} (after {@code sign()} it is ready for the next message), so a signature costs the RSA operation
 * and nothing else.
 */
public final class AntomSigner {

    public static final String JCA_ALGORITHM = "SHA256withRSA";

    private final PrivateKey privateKey;
    private final int keyVersion;
    private final SignatureProvider provider;
    private final ThreadLocal<Signature> signatures = new ThreadLocal<>();

    /** A signer on the fastest provider present ({@link SignatureProvider.Choice#auto}). */
    public AntomSigner(PrivateKey privateKey, int keyVersion) {
        this(privateKey, keyVersion, SignatureProvider.select(SignatureProvider.Choice.auto));
    }

    public AntomSigner(PrivateKey privateKey, int keyVersion, SignatureProvider provider) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (!"RSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("Antom signs with RSA keys; the key given is " + privateKey.getAlgorithm());
        }
        this.provider = Objects.requireNonNull(provider, "provider");
        this.privateKey = provider.privateKey(privateKey);
        this.keyVersion = keyVersion;
    }

    /** The provider that signs. */
    public SignatureProvider getProvider() {
        return provider;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    /** Signs raw content and returns the standard (padded) base64 signature. */
    public String sign(byte[] content) {
        try {
            Signature signature = signatures.get();
            if (signature == null) {
                signature = provider.newSignature();
                signature.initSign(privateKey);
                signatures.set(signature);
            }
            byte[] value;
            try {
                signature.update(content);
                value = signature.sign();
            } catch (GeneralSecurityException | RuntimeException e) {
                // its state is unknown now: the next call starts from a fresh one
                signatures.remove();
                throw e;
            }
            return Base64.getEncoder().encodeToString(value);
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
        return "AntomSigner[keyVersion=" + keyVersion + ", provider=" + provider.name() + "]";
    }
}
