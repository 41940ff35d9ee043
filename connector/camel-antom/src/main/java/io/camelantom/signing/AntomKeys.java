package io.camelantom.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Enumeration;
import java.util.function.Function;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;

/**
 * Loads the keys Antom uses, in every form merchants meet them.
 * <ul>
 * <li>Merchant private key: PEM PKCS#8 ({@code BEGIN PRIVATE KEY}), PEM PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, also
 * OpenSSL-encrypted), password-protected PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}), one-line base64 DER (the form
 * Antom's dashboard and SDKs use, PKCS#8 or PKCS#1) and a PKCS#12 keystore entry.</li>
 * <li>Antom public key: PEM ({@code BEGIN PUBLIC KEY}, {@code BEGIN RSA PUBLIC KEY}), one-line base64 X.509
 * SubjectPublicKeyInfo, and certificates (PEM or DER).</li>
 * </ul>
 * Error messages name the form that was expected and never contain key material. Bouncy Castle is used as a library
 * only: no provider is registered JVM-wide.
 */
public final class AntomKeys {

    /** Used directly, never registered with {@link java.security.Security}. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private AntomKeys() {
    }

    // ---------------------------------------------------------------- private keys

    /** Loads a private key from PEM or one-line base64 DER text. */
    public static PrivateKey privateKey(String text) {
        return privateKey(text, null);
    }

    /**
     * Loads a private key from PEM or one-line base64 DER text.
     *
     * @param password the password of an encrypted PEM key, or {@code null}
     */
    public static PrivateKey privateKey(String text, char[] password) {
        return fromText(text, "private key", pem -> privateKeyFromPem(pem, password), AntomKeys::privateKeyFromDer);
    }

    /**
     * Loads a private key file: PEM, one-line base64 DER, binary DER, or a PKCS#12 keystore (.p12 / .pfx, first key
     * entry, {@code password} for both store and key).
     */
    public static PrivateKey privateKey(Path file, char[] password) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return privateKeyFromKeyStore(file, "PKCS12", password, null, password);
        }
        return fromFile(file, "private key", text -> privateKey(text, password), AntomKeys::privateKeyFromDer);
    }

    /**
     * Loads a private key entry from a keystore file.
     *
     * @param type          keystore type, {@code PKCS12} when {@code null}
     * @param storePassword keystore password
     * @param alias         entry alias, or {@code null} for the first key entry
     * @param keyPassword   entry password, or {@code null} to use the store password
     */
    public static PrivateKey privateKeyFromKeyStore(Path file, String type, char[] storePassword, String alias,
            char[] keyPassword) {
        try (InputStream in = Files.newInputStream(file)) {
            return privateKeyFromKeyStore(in, type, storePassword, alias, keyPassword, file.getFileName().toString());
        } catch (IOException e) {
            throw new AntomKeyException("Cannot read the keystore file " + file.getFileName() + ": "
                                        + e.getClass().getSimpleName());
        }
    }

    public static PrivateKey privateKeyFromKeyStore(InputStream in, String type, char[] storePassword, String alias,
            char[] keyPassword, String description) {
        try {
            KeyStore store = KeyStore.getInstance(type == null ? "PKCS12" : type);
            store.load(in, storePassword);
            String entry = alias;
            if (entry == null) {
                for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements();) {
                    String candidate = aliases.nextElement();
                    if (store.isKeyEntry(candidate)) {
                        entry = candidate;
                        break;
                    }
                }
                if (entry == null) {
                    throw new AntomKeyException("The keystore " + description + " holds no private key entry");
                }
            }
            Key key = store.getKey(entry, keyPassword != null ? keyPassword : storePassword);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new AntomKeyException("The keystore " + description + " has no private key under alias '" + entry + "'");
            }
            return requireRsa(privateKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new AntomKeyException("Cannot load the private key from keystore " + description
                                        + " (wrong password, type or alias?): " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey privateKeyFromPem(String pem, char[] password) {
        return fromPem(pem, "private key", " (wrong password?)", "private key", (object, converter) -> {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                        .build(requirePassword(password, "BEGIN ENCRYPTED PRIVATE KEY"));
                return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                return converter.getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC)
                        .build(requirePassword(password, "Proc-Type: ENCRYPTED")))).getPrivate();
            }
            return null;
        });
    }

    /** The password of an encrypted PEM key; {@code form} names how the PEM says it is encrypted. */
    private static char[] requirePassword(char[] password, String form) {
        if (password == null || password.length == 0) {
            throw new AntomKeyException("The private key is encrypted (" + form + ") and no password was given");
        }
        return password;
    }

    private static PrivateKey privateKeyFromDer(byte[] der) {
        // not PKCS#8: PKCS#1 (RSAPrivateKey), which some tools export as bare base64
        return fromDer(der, bytes -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes)),
                bytes -> new JcaPEMKeyConverter().getPrivateKey(new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), RSAPrivateKey.getInstance(bytes))),
                "The private key is neither PKCS#8 nor PKCS#1 DER (expected PEM, or one-line base64 as Antom's dashboard shows it)");
    }

    // ---------------------------------------------------------------- public keys

    /** Loads a public key from PEM (public key or certificate) or one-line base64 DER (X.509 key or certificate). */
    public static PublicKey publicKey(String text) {
        return fromText(text, "public key", AntomKeys::publicKeyFromPem, AntomKeys::publicKeyFromDer);
    }

    /** Loads a public key file: PEM, one-line base64, or binary DER (X.509 key or certificate). */
    public static PublicKey publicKey(Path file) {
        return fromFile(file, "public key", AntomKeys::publicKey, AntomKeys::publicKeyFromDer);
    }

    private static PublicKey publicKeyFromPem(String pem) {
        return fromPem(pem, "public key", "", "public key or certificate", (object, converter) -> {
            if (object instanceof SubjectPublicKeyInfo info) {
                return converter.getPublicKey(info);
            }
            if (object instanceof X509CertificateHolder certificate) {
                return converter.getPublicKey(certificate.getSubjectPublicKeyInfo());
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPublicKey(pair.getPublicKeyInfo());
            }
            return null;
        });
    }

    private static PublicKey publicKeyFromDer(byte[] der) {
        return fromDer(der, bytes -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(bytes)),
                bytes -> CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes)).getPublicKey(),
                "The public key is neither an X.509 SubjectPublicKeyInfo nor a certificate (expected PEM, or one-line base64 as Antom's dashboard shows it)");
    }

    // ---------------------------------------------------------------- generation and export

    /** Generates an RSA key pair (2048 bits or more, as Antom requires). */
    public static KeyPair generateRsaKeyPair(int bits) {
        if (bits < 2048) {
            throw new IllegalArgumentException("Antom requires RSA keys of at least 2048 bits");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /** A key as PEM (PKCS#8 for private keys, X.509 SubjectPublicKeyInfo for public keys). */
    public static String toPem(Key key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (key instanceof PrivateKey privateKey) {
                // JcaPEMWriter alone writes RSA private keys as PKCS#1; Antom's tools and our docs use PKCS#8
                writer.writeObject(new JcaPKCS8Generator(privateKey, null));
            } else {
                writer.writeObject(key);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write PEM", e);
        }
        return out.toString();
    }

    /** A key as the one-line base64 DER form Antom's dashboard and SDKs use. */
    public static String toBase64(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    // ---------------------------------------------------------------- helpers

    /** Key text as merchants paste it, private or public alike: one PEM block, or one-line base64 DER. */
    private static <K> K fromText(String text, String what, Function<String, K> fromPem, Function<byte[], K> fromDer) {
        if (text == null || text.isBlank()) {
            throw new AntomKeyException("The " + what + " is empty");
        }
        String trimmed = text.strip();
        return trimmed.startsWith("-----BEGIN") ? fromPem.apply(trimmed) : fromDer.apply(decodeBase64(trimmed, what));
    }

    /** A key file: text (as {@link #fromText} reads it) or binary DER. */
    private static <K> K fromFile(Path file, String what, Function<String, K> fromText, Function<byte[], K> fromDer) {
        byte[] content = readFile(file, what);
        return looksLikeText(content) ? fromText.apply(new String(content, StandardCharsets.UTF_8)) : fromDer.apply(content);
    }

    /** Decodes DER bytes in one encoding; throws whatever the decoder throws when they are not in it. */
    @FunctionalInterface
    private interface DerDecoding<K extends Key> {
        K decode(byte[] der) throws Exception;
    }

    /** DER in the usual encoding of such a key, else in the other one it comes in; {@code neither} says which were tried. */
    private static <K extends Key> K fromDer(byte[] der, DerDecoding<K> usual, DerDecoding<K> other, String neither) {
        try {
            return requireRsa(usual.decode(der));
        } catch (Exception notUsual) {
            try {
                return requireRsa(other.decode(der));
            } catch (Exception notOther) {
                throw new AntomKeyException(neither);
            }
        }
    }

    /** Turns a parsed PEM object into a key; {@code null} when the object is not a form this key is read from. */
    @FunctionalInterface
    private interface PemConversion<K extends Key> {
        K convert(Object pemObject, JcaPEMKeyConverter converter) throws Exception;
    }

    /**
     * A key from one PEM block. Messages: "Cannot decode the PEM {what}{decodeHint}" when Bouncy Castle fails, "The PEM
     * text is not a {expected}" when the block holds something else.
     */
    private static <K extends Key> K fromPem(String pem, String what, String decodeHint, String expected,
            PemConversion<K> conversion) {
        Object object = readPem(pem, what);
        K key;
        try {
            key = conversion.convert(object, new JcaPEMKeyConverter());
        } catch (AntomKeyException e) {
            throw e;
        } catch (Exception e) {
            throw new AntomKeyException("Cannot decode the PEM " + what + decodeHint + ": " + e.getClass().getSimpleName());
        }
        if (key == null) {
            throw new AntomKeyException("The PEM text is not a " + expected + " (found " + describe(object) + ")");
        }
        return requireRsa(key);
    }

    /** A PEM block written on one line: Camel's URI normalisation drops line breaks, even inside RAW(...). */
    private static final java.util.regex.Pattern ONE_LINE_PEM = java.util.regex.Pattern.compile(
            "(-----BEGIN [A-Z0-9 ]+-----)[ \\t]*([A-Za-z0-9+/= \\t]+?)[ \\t]*(-----END [A-Z0-9 ]+-----)\\s*");

    /** The PEM with its line breaks back when it came on one line (from an endpoint URI or an environment variable). */
    static String withLineBreaks(String pem) {
        if (pem.indexOf('\n') >= 0 || pem.indexOf('\r') >= 0) {
            return pem;
        }
        java.util.regex.Matcher m = ONE_LINE_PEM.matcher(pem);
        if (!m.matches()) {
            return pem;
        }
        String body = m.group(2).replaceAll("[ \\t]", "");
        StringBuilder out = new StringBuilder(m.group(1)).append('\n');
        for (int i = 0; i < body.length(); i += 64) {
            out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return out.append(m.group(3)).append('\n').toString();
    }

    private static Object readPem(String onePem, String what) {
        String pem = withLineBreaks(onePem);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new AntomKeyException("The " + what + " PEM text has no readable PEM block");
            }
            return object;
        } catch (IOException | org.bouncycastle.util.encoders.DecoderException e) {
            // DecoderException: the block's base64 is damaged (Bouncy Castle throws it unchecked)
            throw new AntomKeyException("The " + what + " PEM text cannot be parsed: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new AntomKeyException("The " + what + " is neither PEM nor base64 DER");
        }
    }

    private static byte[] readFile(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // the file name helps the operator; its content never appears
            throw new AntomKeyException("Cannot read the " + what + " file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static boolean looksLikeText(byte[] content) {
        for (byte b : content) {
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Object pemObject) {
        return pemObject == null ? "nothing" : pemObject.getClass().getSimpleName();
    }

    private static <K extends Key> K requireRsa(K key) {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new AntomKeyException("Antom uses RSA keys; this key is " + key.getAlgorithm());
        }
        return key;
    }
}
