package io.camelantom.component;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Date;

import io.camelantom.client.AntomApiVersion;
import io.camelantom.encryption.AntomEncryption;
import io.camelantom.encryption.RsaAes;
import io.camelantom.signing.AntomKeyException;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import io.camelantom.signing.SignatureHeader;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomConfigurationTest {

    private static KeyPair merchant;
    private static KeyPair antomV1;
    private static KeyPair antomV2;
    private static CamelContext context;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        merchant = AntomKeys.generateRsaKeyPair(2048);
        antomV1 = AntomKeys.generateRsaKeyPair(2048);
        antomV2 = AntomKeys.generateRsaKeyPair(2048);
        context = new DefaultCamelContext();
    }

    @AfterAll
    static void tearDown() {
        context.stop();
    }

    private static boolean signsFor(AntomSigner signer, KeyPair pair) {
        SignatureHeader header = signer.sign("POST", "/p", "c", "1", "{}");
        try {
            AntomVerifier.of(pair.getPublic()).verify("POST", "/p", "c", "1", "{}".getBytes(StandardCharsets.UTF_8), header.format());
            return true;
        } catch (AntomSignatureException e) {
            return false;
        }
    }

    @Test
    void privateKeyFromTextFileAndKeystore() throws Exception {
        AntomConfiguration fromText = new AntomConfiguration();
        fromText.setPrivateKey(AntomKeys.toBase64(merchant.getPrivate()));
        fromText.setKeyVersion(3);
        AntomSigner signer = fromText.createSigner(context);
        assertThat(signer.getKeyVersion()).isEqualTo(3);
        assertThat(signsFor(signer, merchant)).isTrue();

        Path pem = Files.writeString(dir.resolve("merchant.pem"), AntomKeys.toPem(merchant.getPrivate()));
        AntomConfiguration fromFile = new AntomConfiguration();
        fromFile.setPrivateKeyFile("file:" + pem);
        assertThat(signsFor(fromFile.createSigner(context), merchant)).isTrue();

        Path p12 = dir.resolve("merchant.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("antom-merchant", merchant.getPrivate(), "key-pass".toCharArray(), new Certificate[] { selfSigned(merchant) });
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "store-pass".toCharArray());
        }
        AntomConfiguration fromStore = new AntomConfiguration();
        fromStore.setKeyStoreFile(p12.toString());
        fromStore.setKeyStorePassword("store-pass");
        fromStore.setKeyAlias("antom-merchant");
        fromStore.setKeyPassword("key-pass");
        assertThat(signsFor(fromStore.createSigner(context), merchant)).isTrue();

        fromStore.setKeyPassword("wrong-pass-9");
        assertThatThrownBy(() -> fromStore.createSigner(context)).isInstanceOf(AntomKeyException.class)
                .hasMessageContaining("private key cannot be loaded").hasMessageNotContaining("wrong-pass-9");
    }

    @Test
    void exactlyOnePrivateKeySource() {
        AntomConfiguration none = new AntomConfiguration();
        assertThatThrownBy(() -> none.createSigner(context)).hasMessageContaining("privateKey, privateKeyFile or keyStoreFile");
        AntomConfiguration two = new AntomConfiguration();
        two.setPrivateKey(AntomKeys.toBase64(merchant.getPrivate()));
        two.setPrivateKeyFile("/nowhere.pem");
        assertThatThrownBy(() -> two.createSigner(context)).hasMessageContaining("only one");
        AntomConfiguration garbage = new AntomConfiguration();
        garbage.setPrivateKey("not a key at all");
        assertThatThrownBy(() -> garbage.createSigner(context)).isInstanceOf(AntomKeyException.class)
                .hasMessageNotContaining("not a key at all");
    }

    @Test
    void severalAntomPublicKeysWithVersions() throws Exception {
        Path v2 = Files.writeString(dir.resolve("antom-v2.pem"), AntomKeys.toPem(antomV2.getPublic()));
        AntomConfiguration configuration = new AntomConfiguration();
        configuration.setAntomPublicKey("1:" + AntomKeys.toBase64(antomV1.getPublic()));
        configuration.setAntomPublicKeyFile("2:" + v2);
        AntomVerifier verifier = configuration.createVerifier(context);
        assertThat(verifier.getKeys()).extracting(AntomVerifier.VersionedKey::keyVersion).containsExactly(1, 2);

        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signedByV2 = new AntomSigner(antomV2.getPrivate(), 2).sign("POST", "/p", "c", "1", body).format();
        verifier.verify("POST", "/p", "c", "1", body, signedByV2);
        // a v2 signature labelled as v1 is not tried against the v2 key
        String mislabelled = new AntomSigner(antomV2.getPrivate(), 1).sign("POST", "/p", "c", "1", body).format();
        assertThatThrownBy(() -> verifier.verify("POST", "/p", "c", "1", body, mislabelled)).isInstanceOf(AntomSignatureException.class);

        AntomConfiguration plural = new AntomConfiguration();
        plural.setAntomPublicKey(AntomKeys.toBase64(antomV1.getPublic()) + " , " + AntomKeys.toBase64(antomV2.getPublic()));
        assertThat(plural.createVerifier(context).getKeys()).hasSize(2);

        assertThatThrownBy(() -> new AntomConfiguration().createVerifier(context)).hasMessageContaining("antomPublicKey");
    }

    @Test
    void keyFilesFromTheClasspath() {
        // the SDK's test key pair: the merchant's key and "Antom's" key are one pair, so each side opens what the other made
        String privatePem = "classpath:test-vectors/test_private_key_pkcs8.pem";
        String publicPem = "classpath:test-vectors/test_public_key_x509.pem";
        AntomConfiguration configuration = new AntomConfiguration();
        configuration.setPrivateKeyFile(privatePem);
        configuration.setAntomPublicKeyFile("2:" + publicPem);
        configuration.setKeyVersion(2);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = configuration.createSigner(context).sign("POST", "/p", "c", "1", body).format();
        AntomVerifier verifier = configuration.createVerifier(context);
        assertThat(verifier.getKeys()).extracting(AntomVerifier.VersionedKey::keyVersion).containsExactly(2);
        verifier.verify("POST", "/p", "c", "1", body, signature);

        configuration.setApiVersion(AntomApiVersion.v2);
        configuration.setAntomEncryptionPublicKeyFile(publicPem);
        configuration.setDecryptionPrivateKeyFile(privatePem);
        AntomEncryption encryption = configuration.createEncryption(context);
        RsaAes.Sealed sealed = encryption.sealRequest(body);
        assertThat(encryption.openAnswer(sealed.body(), sealed.header(), null)).isEqualTo(body);

        configuration.setDecryptionPrivateKeyFile("classpath:test-vectors/missing.pem");
        assertThatThrownBy(() -> configuration.createEncryption(context)).isInstanceOf(AntomKeyException.class)
                .hasMessageContaining("decryption private key cannot be loaded").hasMessageContaining("missing.pem");
    }

    @Test
    void copyIsIndependent() {
        AntomConfiguration original = new AntomConfiguration();
        original.setClientId("A");
        AntomConfiguration copy = original.copy();
        copy.setClientId("B");
        assertThat(original.getClientId()).isEqualTo("A");
        original.setAgentToken("agent-secret-3");
        original.setPrivateKey("pk-secret-3");
        assertThat(original.toString()).doesNotContain("secret-3");
    }

    private static Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=merchant");
        Date now = new Date();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now,
                new Date(now.getTime() + 86_400_000L), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }
}
