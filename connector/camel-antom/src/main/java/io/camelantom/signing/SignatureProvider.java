package io.camelantom.signing;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider that signs and verifies: the JDK's own, or Amazon Corretto Crypto Provider (ACCP, OpenSSL's RSA
 * through JNI, several times faster at RSA-2048 signing) when its jar is on the class path.
 * <p>
 * The provider instance is used directly ({@code Signature.getInstance(alg, provider)}); it is never registered with
 * {@link java.security.Security}, so nothing changes for the rest of the JVM. Keys are turned into the provider's own
 * key objects once ({@link #privateKey}, {@link #publicKey}), never per signature.
 */
public final class SignatureProvider {

    /** Which provider to use. */
    public enum Choice {
        /** ACCP when it is on the class path and its native library loads, else the JDK. */
        auto,
        /** The JDK's provider (SunRsaSign), always. */
        jdk,
        /** ACCP, or fail at startup when it is missing or unusable. */
        accp;

        public static Choice parse(String text) {
            if (text == null || text.isBlank()) {
                return auto;
            }
            try {
                return valueOf(text.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown signature provider '" + text + "': auto, jdk or accp");
            }
        }
    }

    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final Logger LOG = LoggerFactory.getLogger(SignatureProvider.class);
    private static final SignatureProvider JDK = new SignatureProvider(null, "JDK");

    private final Provider provider;
    private final String name;

    private SignatureProvider(Provider provider, String name) {
        this.provider = provider;
        this.name = name;
    }

    /** The JDK's provider. */
    public static SignatureProvider jdk() {
        return JDK;
    }

    /** The provider for a choice; see {@link Choice}. */
    public static SignatureProvider select(Choice choice) {
        if (choice == Choice.jdk) {
            return JDK;
        }
        Accp accp = Accp.DETECTED;
        if (accp.provider != null) {
            return new SignatureProvider(accp.provider, "ACCP " + accp.provider.getVersionStr());
        }
        if (choice == Choice.accp) {
            throw new IllegalStateException("signatureProvider=accp but Amazon Corretto Crypto Provider cannot be used: "
                                            + accp.whyNot + " (add software.amazon.cryptools:AmazonCorrettoCryptoProvider"
                                            + " with the classifier of this platform, e.g. linux-x86_64)");
        }
        return JDK;
    }

    /** Whether this is the JDK's own provider. */
    public boolean isJdk() {
        return provider == null;
    }

    /** A name for logs and health checks, e.g. {@code ACCP 2.5.0} or {@code JDK}. */
    public String name() {
        return name;
    }

    /** A new, uninitialised SHA256withRSA {@link Signature} of this provider. */
    public Signature newSignature() throws GeneralSecurityException {
        return provider == null ? Signature.getInstance(AntomSigner.JCA_ALGORITHM)
                : Signature.getInstance(AntomSigner.JCA_ALGORITHM, provider);
    }

    /** The key as this provider's own key object (done once per key: parsing costs more than a signature). */
    public PrivateKey privateKey(PrivateKey key) {
        return ownKey(key, "private key", factory -> factory.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded())));
    }

    /** The key as this provider's own key object. */
    public PublicKey publicKey(PublicKey key) {
        return ownKey(key, "public key", factory -> factory.generatePublic(new X509EncodedKeySpec(key.getEncoded())));
    }

    /** The key itself when it already belongs to this provider (or the JDK's is used), else re-read by its key factory. */
    private <K extends Key> K ownKey(K key, String kind, KeyConversion<K> conversion) {
        if (provider == null || key.getClass().getClassLoader() == provider.getClass().getClassLoader()) {
            return key;
        }
        try {
            return conversion.convert(KeyFactory.getInstance("RSA", provider));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new AntomKeyException(name + " cannot load the " + kind + ": " + e.getClass().getSimpleName());
        }
    }

    @FunctionalInterface
    private interface KeyConversion<K extends Key> {
        K convert(KeyFactory factory) throws GeneralSecurityException;
    }

    @Override
    public String toString() {
        return name;
    }

    /** What the class path offers, looked up once: a fact about the class path, not configuration. */
    private static final class Accp {
        static final Accp DETECTED = detect();

        final Provider provider;
        final String whyNot;

        private Accp(Provider provider, String whyNot) {
            this.provider = provider;
            this.whyNot = whyNot;
        }

        private static Accp detect() {
            Class<?> type;
            try {
                type = Class.forName(ACCP_CLASS, true, SignatureProvider.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return new Accp(null, "it is not on the class path");
            }
            try {
                Provider instance = (Provider) type.getField("INSTANCE").get(null);
                Object loadingError = type.getMethod("getLoadingError").invoke(instance);
                if (loadingError != null) {
                    LOG.warn("Amazon Corretto Crypto Provider is on the class path but its native library did not load"
                             + " ({}); signing with the JDK", loadingError);
                    return new Accp(null, "its native library did not load: " + loadingError);
                }
                // a self-test: sign and verify once, so a broken native library is found at startup, not per payment
                java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA", instance);
                generator.initialize(2048);
                java.security.KeyPair pair = generator.generateKeyPair();
                Signature signer = Signature.getInstance(AntomSigner.JCA_ALGORITHM, instance);
                signer.initSign(pair.getPrivate());
                signer.update(new byte[] { 1, 2, 3 });
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance(AntomSigner.JCA_ALGORITHM);
                verifier.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                        new X509EncodedKeySpec(pair.getPublic().getEncoded())));
                verifier.update(new byte[] { 1, 2, 3 });
                if (!verifier.verify(signature)) {
                    return new Accp(null, "its self-test signature did not verify with the JDK");
                }
                return new Accp(instance, null);
            } catch (ReflectiveOperationException | GeneralSecurityException | RuntimeException | LinkageError e) {
                LOG.warn("Amazon Corretto Crypto Provider is on the class path but cannot be used ({}); signing with the JDK",
                        e.toString());
                return new Accp(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
