package io.camelantom.encryption;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import javax.crypto.SecretKey;

import io.camelantom.signing.AntomKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaAesTest {

    private static final byte[] JSON = "{\"paymentRequestId\":\"PAY_1\",\"paymentAmount\":{\"currency\":\"USD\",\"value\":599}}"
            .getBytes(StandardCharsets.UTF_8);
    // generated once per class: key generation is slow, and keys are no state the tests change
    private static final KeyPair antom = AntomKeys.generateRsaKeyPair(2048);
    private static final KeyPair other = AntomKeys.generateRsaKeyPair(2048);

    @Test
    void everySettingRoundTrips() {
        for (AesMode mode : AesMode.values()) {
            for (RsaPadding padding : RsaPadding.values()) {
                for (AesKeyForm form : AesKeyForm.values()) {
                    for (SymmetricKeyEncoding encoding : SymmetricKeyEncoding.values()) {
                        RsaAes rsaAes = new RsaAes(new RsaAes.Settings(128, form, mode, padding, encoding));
                        RsaAes.Sealed sealed = rsaAes.seal(JSON, antom.getPublic(), 2);
                        RsaAes.Opened opened = rsaAes.open(sealed.body(), sealed.header(), antom.getPrivate());
                        assertThat(opened.plaintext()).isEqualTo(JSON);
                        assertThat(opened.header().keyVersion()).isEqualTo(2);
                    }
                }
            }
        }
    }

    @Test
    void theDefaultIsAes256AndUrlEncodedHeader() {
        RsaAes rsaAes = new RsaAes(RsaAes.Settings.defaults());
        RsaAes.Sealed sealed = rsaAes.seal(JSON, antom.getPublic(), 1);
        assertThat(sealed.key().getEncoded()).hasSize(32);
        assertThat(sealed.header())
                .matches("algorithm=RSA_AES,keyVersion=1,symmetricKey=[A-Za-z0-9%]+");
        assertThat(new String(sealed.body(), StandardCharsets.US_ASCII)).matches("[A-Za-z0-9+/=]+");
    }

    @Test
    void asciiKeysAreLettersAndDigits() {
        SecretKey key = new RsaAes(new RsaAes.Settings(256, AesKeyForm.ASCII_STRING, AesMode.ECB, RsaPadding.PKCS1,
                SymmetricKeyEncoding.BASE64)).newKey();
        assertThat(new String(key.getEncoded(), StandardCharsets.US_ASCII)).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void aWrongPrivateKeyDoesNotUnwrap() {
        RsaAes rsaAes = new RsaAes(RsaAes.Settings.defaults());
        RsaAes.Sealed sealed = rsaAes.seal(JSON, antom.getPublic(), 1);
        assertThatThrownBy(() -> rsaAes.open(sealed.body(), sealed.header(), other.getPrivate()))
                .isInstanceOfSatisfying(AntomEncryptionException.class,
                        e -> assertThat(e.getReason()).isEqualTo(AntomEncryptionException.Reason.KEY_UNWRAP_FAILED));
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        RsaAes rsaAes = new RsaAes(RsaAes.Settings.defaults());
        RsaAes.Sealed sealed = rsaAes.seal(JSON, antom.getPublic(), 1);
        // cut the last 4 base64 characters (3 bytes): the ciphertext is no longer whole AES blocks, so it never
        // decrypts (flipping a byte instead leaves valid PKCS#5 padding about once in 256 random keys: AES-ECB has no
        // integrity of its own, the signature over the ciphertext is what protects it)
        byte[] body = java.util.Arrays.copyOf(sealed.body(), sealed.body().length - 4);
        assertThatThrownBy(() -> rsaAes.open(body, sealed.header(), antom.getPrivate()))
                .isInstanceOfSatisfying(AntomEncryptionException.class,
                        e -> assertThat(e.getReason()).isEqualTo(AntomEncryptionException.Reason.BODY_DECRYPT_FAILED));
        assertThatThrownBy(() -> rsaAes.decrypt("not base64 at all!".getBytes(StandardCharsets.US_ASCII), sealed.key()))
                .isInstanceOf(AntomEncryptionException.class);
    }

    @Test
    void badHeadersAreRefusedWithoutEchoingKeys() {
        assertThatThrownBy(() -> EncryptHeader.parse(null)).isInstanceOf(AntomEncryptionException.class);
        assertThatThrownBy(() -> EncryptHeader.parse("algorithm=AES_GCM,symmetricKey=AAAA"))
                .hasMessageContaining("only RSA_AES");
        assertThatThrownBy(() -> EncryptHeader.parse("algorithm=RSA_AES,keyVersion=1"))
                .hasMessageContaining("symmetricKey");
        assertThatThrownBy(() -> EncryptHeader.parse("algorithm=RSA_AES,symmetricKey=%%%SECRETSTUFF"))
                .isInstanceOf(AntomEncryptionException.class).hasMessageNotContaining("SECRETSTUFF");
        RsaAes.Sealed sealed = new RsaAes(RsaAes.Settings.defaults()).seal(JSON, antom.getPublic(), 1);
        assertThat(EncryptHeader.parse(sealed.header()).toString()).doesNotContain("symmetricKey=");
        assertThat(sealed.toString()).doesNotContain("Key");
    }
}
