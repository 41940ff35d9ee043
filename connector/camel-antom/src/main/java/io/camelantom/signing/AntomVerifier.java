package io.camelantom.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Verifies signatures made by Antom (responses and notifications) or, in the simulator, by merchants (requests).
 * <p>
 * Several public keys may be configured at once so that a key rotation does not break verification. A key registered
 * with a version is only tried for headers naming that version; a key without a version is tried for any header. A
 * header without {@code keyVersion} is tried against every key. Verification is strict: any problem is an
 * {@link AntomSignatureException}, never a silent pass.
 */
public final class AntomVerifier {

    /** A public key and the key version it serves, {@code null} for "any version". */
    public record VersionedKey(Integer keyVersion, PublicKey publicKey) {
        public VersionedKey {
            Objects.requireNonNull(publicKey, "publicKey");
        }

        @Override
        public String toString() {
            return "VersionedKey[keyVersion=" + (keyVersion == null ? "any" : keyVersion) + "]";
        }
    }

    private final List<VersionedKey> keys;
    private final SignatureProvider provider;
    /**
     * One verification engine per thread, as in {@link AntomSigner}: looking the algorithm up in the provider costs more
     * than a verification. Each check still initialises it with the candidate key and verifies from scratch.
     */
    private final ThreadLocal<Signature> engines = new ThreadLocal<>();

    /** A verifier on the fastest provider present ({@link SignatureProvider.Choice#auto}). */
    public AntomVerifier(List<VersionedKey> keys) {
        this(keys, SignatureProvider.select(SignatureProvider.Choice.auto));
    }

    /** The keys are turned into the provider's own key objects once, here. */
    public AntomVerifier(List<VersionedKey> keys, SignatureProvider provider) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("At least one Antom public key is needed to verify signatures");
        }
        this.provider = Objects.requireNonNull(provider, "provider");
        this.keys = keys.stream().map(k -> new VersionedKey(k.keyVersion(), provider.publicKey(k.publicKey()))).toList();
    }

    /** The provider that verifies. */
    public SignatureProvider getProvider() {
        return provider;
    }

    /** A verifier with one key that serves every key version. */
    public static AntomVerifier of(PublicKey key) {
        return new AntomVerifier(List.of(new VersionedKey(null, key)));
    }

    public List<VersionedKey> getKeys() {
        return keys;
    }

    /**
     * Verifies a message.
     *
     * @param  method                 HTTP method ({@code POST})
     * @param  path                   the path that was signed (see {@link ContentToSign})
     * @param  clientId               the {@code client-id} header
     * @param  time                   the {@code request-time} / {@code response-time} header, verbatim
     * @param  body                   the raw body bytes as received
     * @param  signatureHeader        the {@code signature} header value
     * @return                        the parsed header that verified
     * @throws AntomSignatureException when anything is missing, unparsable or does not match
     */
    public SignatureHeader verify(String method, String path, String clientId, String time, byte[] body,
            String signatureHeader) {
        SignatureHeader header = SignatureHeader.parse(signatureHeader);
        if (header.algorithm() != null && !SignatureHeader.ALGORITHM_RSA256.equalsIgnoreCase(header.algorithm())) {
            throw new AntomSignatureException(AntomSignatureException.Reason.UNSUPPORTED_ALGORITHM,
                    "the signature header names algorithm '" + header.algorithm() + "'; only RSA256 is supported");
        }
        requirePart(clientId, "client-id header");
        requirePart(time, "request-time / response-time header");
        requirePart(path, "signed path");
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(header.signature());
        } catch (IllegalArgumentException e) {
            throw new AntomSignatureException(AntomSignatureException.Reason.UNPARSABLE_SIGNATURE,
                    "the signature value is not valid base64 (" + e.getMessage() + ")");
        }
        List<VersionedKey> candidates = candidates(header.keyVersion());
        if (candidates.isEmpty()) {
            throw new AntomSignatureException(AntomSignatureException.Reason.UNKNOWN_KEY_VERSION,
                    "no Antom public key is configured for keyVersion " + header.keyVersion()
                                                                                  + " (configured versions: "
                                                                                  + describeVersions() + ")");
        }
        byte[] content = ContentToSign.of(method, path, clientId, time, body);
        for (VersionedKey candidate : candidates) {
            if (matches(candidate.publicKey(), content, signatureBytes)) {
                return header;
            }
        }
        throw new AntomSignatureException(AntomSignatureException.Reason.SIGNATURE_MISMATCH,
                "the signature does not match " + method + " " + path + " from client-id " + clientId
                                                                                   + " at " + time + " ("
                                                                                   + body.length + " body bytes); tried "
                                                                                   + candidates.size() + " key(s) for keyVersion "
                                                                                   + (header.keyVersion() == null ? "<none in header>" : header.keyVersion())
                                                                                   + ". Check the key pair, the signed path and that the body was not altered");
    }

    private List<VersionedKey> candidates(Integer keyVersion) {
        List<VersionedKey> exact = new ArrayList<>();
        List<VersionedKey> any = new ArrayList<>();
        for (VersionedKey key : keys) {
            if (key.keyVersion() == null) {
                any.add(key);
            } else if (keyVersion == null || key.keyVersion().equals(keyVersion)) {
                exact.add(key);
            }
        }
        exact.addAll(any);
        return exact;
    }

    private String describeVersions() {
        return keys.stream().map(k -> k.keyVersion() == null ? "any" : String.valueOf(k.keyVersion()))
                .collect(Collectors.joining(", "));
    }

    private boolean matches(PublicKey key, byte[] content, byte[] signatureBytes) {
        Signature signature = engines.get();
        try {
            if (signature == null) {
                signature = provider.newSignature();
                engines.set(signature);
            }
            // initVerify resets whatever a previous, failed check left in the engine
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // a malformed signature (wrong length) is a mismatch, not a crash; its state is unknown now: start afresh
            engines.remove();
            return false;
        } catch (RuntimeException e) {
            engines.remove();
            throw e;
        }
    }

    private static void requirePart(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new AntomSignatureException(AntomSignatureException.Reason.MISSING_SIGNED_PART,
                    "cannot verify the signature: the " + what + " is missing");
        }
    }

    @Override
    public String toString() {
        return "AntomVerifier[keyVersions=" + describeVersions() + "]";
    }
}
