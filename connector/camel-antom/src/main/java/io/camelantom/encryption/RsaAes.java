package io.camelantom.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Antom v2's {@code RSA_AES} body encryption [doc: AES encrypts the message, RSA encrypts the AES key; encrypt first,
 * then sign]. Everything below that outline is UNCONFIRMED and comes from {@link Settings}; the defaults are what
 * every Ant gateway found does: a fresh AES-256 key per message, {@code AES/ECB/PKCS5Padding}, the body becomes the
 * standard base64 of the ciphertext, the key is wrapped with {@code RSA/ECB/PKCS1Padding} and sent base64 and
 * percent-encoded in the {@code Encrypt} header.
 * <p>
 * Both sides use it: the merchant seals requests for Antom's public key and opens answers; the simulator opens requests
 * with its private key and seals answers. Only the JDK's JCA is used (no provider registered anywhere). Immutable and
 * thread-safe; keys and plaintext never reach {@code toString()}, exceptions or logs.
 */
public final class RsaAes {

    private static final char[] KEY_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final byte[] ZERO_IV = new byte[16];

    /**
     * The UNCONFIRMED points of the scheme.
     *
     * @param aesKeySize           AES key size in bits: 128, 192 or 256 (Alipay recommends 256)
     * @param keyForm              random key bytes, or a random letters-and-digits string used as key bytes
     * @param aesMode              the AES mode and padding
     * @param rsaPadding           how RSA wraps the AES key
     * @param symmetricKeyEncoding how the wrapped key is written into the header
     */
    public record Settings(int aesKeySize, AesKeyForm keyForm, AesMode aesMode, RsaPadding rsaPadding,
            SymmetricKeyEncoding symmetricKeyEncoding) {

        public Settings {
            if (aesKeySize != 128 && aesKeySize != 192 && aesKeySize != 256) {
                throw new IllegalArgumentException("aesKeySize: 128, 192 or 256 bits (got " + aesKeySize + ")");
            }
            Objects.requireNonNull(keyForm, "keyForm");
            Objects.requireNonNull(aesMode, "aesMode");
            Objects.requireNonNull(rsaPadding, "rsaPadding");
            Objects.requireNonNull(symmetricKeyEncoding, "symmetricKeyEncoding");
        }

        /** AES-256, random key bytes, ECB, PKCS#1 v1.5, URL-encoded base64. */
        public static Settings defaults() {
            return new Settings(256, AesKeyForm.RANDOM_BYTES, AesMode.ECB, RsaPadding.PKCS1,
                    SymmetricKeyEncoding.URL_ENCODED_BASE64);
        }
    }

    /**
     * An encrypted message.
     *
     * @param body   the body to send: the base64 ciphertext as ASCII bytes
     * @param header the {@code Encrypt} header value, or {@code null} when the key was not wrapped (an answer that
     *               reuses the request's key)
     * @param key    the AES key, kept in memory to open the answer
     */
    public record Sealed(byte[] body, String header, SecretKey key) {
        @Override
        public String toString() {
            return "Sealed[" + body.length + " body bytes]";
        }
    }

    /**
     * A decrypted message.
     *
     * @param plaintext the decrypted body
     * @param key       the AES key it was encrypted with
     * @param header    the parsed {@code Encrypt} header, or {@code null} when the key was known already
     */
    public record Opened(byte[] plaintext, SecretKey key, EncryptHeader header) {
        @Override
        public String toString() {
            return "Opened[" + plaintext.length + " plaintext bytes, " + header + "]";
        }
    }

    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    public RsaAes(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings getSettings() {
        return settings;
    }

    /** A fresh AES key in the configured form. */
    public SecretKey newKey() {
        int bytes = settings.aesKeySize() / 8;
        if (settings.keyForm() == AesKeyForm.ASCII_STRING) {
            byte[] key = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                key[i] = (byte) KEY_CHARACTERS[random.nextInt(KEY_CHARACTERS.length)];
            }
            return new SecretKeySpec(key, "AES");
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(settings.aesKeySize(), random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.ENCRYPT_FAILED,
                    "cannot create an AES-" + settings.aesKeySize() + " key: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Encrypts with a fresh AES key wrapped for {@code receiver}; the header carries {@code keyVersion}. */
    public Sealed seal(byte[] plaintext, PublicKey receiver, Integer keyVersion) {
        SecretKey key = newKey();
        EncryptHeader header = new EncryptHeader(EncryptHeader.ALGORITHM_RSA_AES, keyVersion, wrap(key, receiver));
        return new Sealed(encrypt(plaintext, key), header.format(settings.symmetricKeyEncoding()), key);
    }

    /** Encrypts with a known AES key (an answer reusing the request's key): no header. */
    public Sealed sealWith(byte[] plaintext, SecretKey key) {
        return new Sealed(encrypt(plaintext, key), null, key);
    }

    /** The AES key wrapped with RSA for {@code receiver}. */
    public byte[] wrap(SecretKey key, PublicKey receiver) {
        try {
            Cipher rsa = rsaCipher(Cipher.ENCRYPT_MODE, receiver);
            return rsa.doFinal(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.ENCRYPT_FAILED,
                    "cannot wrap the AES key with the RSA public key (" + settings.rsaPadding() + "): "
                                                                         + e.getClass().getSimpleName(), e);
        }
    }

    /** The base64 ciphertext of {@code plaintext} (ASCII bytes). */
    public byte[] encrypt(byte[] plaintext, SecretKey key) {
        try {
            byte[] ciphertext = aesCipher(Cipher.ENCRYPT_MODE, key).doFinal(plaintext);
            return Base64.getEncoder().encode(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.ENCRYPT_FAILED,
                    "cannot encrypt the body with AES (" + settings.aesMode() + "): " + e.getClass().getSimpleName(), e);
        }
    }

    /** Unwraps the AES key of an {@code Encrypt} header with our RSA private key. */
    public SecretKey unwrap(EncryptHeader header, PrivateKey privateKey) {
        byte[] raw;
        try {
            raw = rsaCipher(Cipher.DECRYPT_MODE, privateKey).doFinal(header.symmetricKey());
        } catch (GeneralSecurityException e) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.KEY_UNWRAP_FAILED,
                    "the symmetricKey cannot be unwrapped with the configured private key (" + settings.rsaPadding()
                                                                                 + "): wrong key pair, wrong padding or an altered header");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.KEY_UNWRAP_FAILED,
                    "the unwrapped symmetricKey is " + raw.length + " bytes long, not an AES key (16, 24 or 32 bytes)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** Decrypts a base64 ciphertext body (surrounding whitespace and line breaks are ignored). */
    public byte[] decrypt(byte[] body, SecretKey key) {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.BODY_DECRYPT_FAILED,
                    "the encrypted body is not base64");
        }
        if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.BODY_DECRYPT_FAILED,
                    "the encrypted body is " + ciphertext.length + " bytes long, not whole AES blocks");
        }
        try {
            return aesCipher(Cipher.DECRYPT_MODE, key).doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new AntomEncryptionException(AntomEncryptionException.Reason.BODY_DECRYPT_FAILED,
                    "the body does not decrypt with the AES key (" + settings.aesMode()
                                                                                 + "): altered ciphertext, wrong key or wrong mode");
        }
    }

    /** Opens a message whose {@code Encrypt} header wraps its key for our private key. */
    public Opened open(byte[] body, String encryptHeader, PrivateKey privateKey) {
        EncryptHeader header = EncryptHeader.parse(encryptHeader);
        SecretKey key = unwrap(header, privateKey);
        return new Opened(decrypt(body, key), key, header);
    }

    private Cipher rsaCipher(int mode, java.security.Key key) throws GeneralSecurityException {
        Cipher rsa = Cipher.getInstance(settings.rsaPadding().getTransformation());
        if (settings.rsaPadding().getParameters() != null) {
            rsa.init(mode, key, settings.rsaPadding().getParameters(), random);
        } else {
            rsa.init(mode, key, random);
        }
        return rsa;
    }

    private Cipher aesCipher(int mode, SecretKey key) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance(settings.aesMode().getTransformation());
        if (settings.aesMode() == AesMode.CBC_ZERO_IV) {
            aes.init(mode, key, new IvParameterSpec(ZERO_IV));
        } else {
            aes.init(mode, key);
        }
        return aes;
    }

    @Override
    public String toString() {
        return "RsaAes[" + settings + "]";
    }
}
