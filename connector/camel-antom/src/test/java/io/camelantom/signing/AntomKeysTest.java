package io.camelantom.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomKeysTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final char[] PASSWORD = "s3cret-pw".toCharArray();

    private static KeyPair pair;
    private static String base64Der;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        pair = AntomKeys.generateRsaKeyPair(2048);
        base64Der = AntomKeys.toBase64(pair.getPrivate());
    }

    @Test
    void aPemWhoseLineBreaksWereDroppedStillLoads() {
        // Camel's URI normalisation drops line breaks, even inside RAW(...): antom:pay?privateKey=RAW({{key}})
        KeyPair pair = AntomKeys.generateRsaKeyPair(2048);
        String privatePem = AntomKeys.toPem(pair.getPrivate());
        String publicPem = AntomKeys.toPem(pair.getPublic());
        assertThat(AntomKeys.privateKey(privatePem.replace("\n", ""), null)).isEqualTo(pair.getPrivate());
        assertThat(AntomKeys.publicKey(publicPem.replace("\n", ""))).isEqualTo(pair.getPublic());
        // an environment variable with spaces for line breaks
        assertThat(AntomKeys.privateKey(privatePem.replace("\n", " "), null)).isEqualTo(pair.getPrivate());
        // a damaged one-line PEM is still refused
        String extraBytes = privatePem.replace("\n", "").replace("-----END", "AAAA-----END");
        assertThatThrownBy(() -> AntomKeys.privateKey(extraBytes, null)).isInstanceOf(AntomKeyException.class);
        String badBase64 = privatePem.replace("\n", "").replace("-----END", "A=A=-----END");
        assertThatThrownBy(() -> AntomKeys.privateKey(badBase64, null)).isInstanceOf(AntomKeyException.class);
        // the same damage in a PEM with its line breaks is refused the same way
        assertThatThrownBy(() -> AntomKeys.privateKey(privatePem.replace("\n-----END", "A=A=\n-----END"), null))
                .isInstanceOf(AntomKeyException.class);
    }

    @Test
    void privateKeyFromPemPkcs8() {
        String pem = AntomKeys.toPem(pair.getPrivate());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertSamePrivate(AntomKeys.privateKey(pem));
    }

    @Test
    void privateKeyFromPemPkcs1() throws IOException {
        String pem = pem(new PemObject("RSA PRIVATE KEY",
                PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded()));
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertSamePrivate(AntomKeys.privateKey(pem));
    }

    @Test
    void privateKeyFromPasswordProtectedPkcs8() throws Exception {
        String pem = pem(new JcaPKCS8Generator(pair.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC).setPassword(PASSWORD).build()));
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertSamePrivate(AntomKeys.privateKey(pem, PASSWORD));
        assertThatThrownBy(() -> AntomKeys.privateKey(pem, null)).isInstanceOf(AntomKeyException.class)
                .hasMessageContaining("no password");
        assertThatThrownBy(() -> AntomKeys.privateKey(pem, "wrong".toCharArray())).isInstanceOf(AntomKeyException.class)
                .hasMessageContaining("wrong password").hasMessageNotContaining("wrong\"");
    }

    @Test
    void privateKeyFromOpenSslEncryptedPkcs1() throws Exception {
        String pem = pem(new JcaMiscPEMGenerator(pair.getPrivate(),
                new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(PASSWORD)));
        assertThat(pem).contains("Proc-Type: 4,ENCRYPTED");
        assertSamePrivate(AntomKeys.privateKey(pem, PASSWORD));
    }

    @Test
    void privateKeyFromOneLineBase64AsTheDashboardShowsIt() {
        assertThat(base64Der).doesNotContain("\n");
        assertSamePrivate(AntomKeys.privateKey(base64Der));
        // also with the line breaks some copy-pastes add
        assertSamePrivate(AntomKeys.privateKey(base64Der.substring(0, 64) + "\n" + base64Der.substring(64) + "\n"));
    }

    @Test
    void privateKeyFromBase64Pkcs1() throws IOException {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        assertSamePrivate(AntomKeys.privateKey(Base64.getEncoder().encodeToString(pkcs1)));
    }

    @Test
    void privateKeyFromFiles() throws Exception {
        Path pemFile = dir.resolve("merchant.pem");
        Files.writeString(pemFile, AntomKeys.toPem(pair.getPrivate()));
        assertSamePrivate(AntomKeys.privateKey(pemFile, null));

        Path derFile = dir.resolve("merchant.der");
        Files.write(derFile, pair.getPrivate().getEncoded());
        assertSamePrivate(AntomKeys.privateKey(derFile, null));
    }

    @Test
    void privateKeyFromPkcs12Keystore() throws Exception {
        X509Certificate certificate = selfSigned(pair);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("merchant", pair.getPrivate(), PASSWORD, new X509Certificate[] { certificate });
        Path file = dir.resolve("merchant.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        assertSamePrivate(AntomKeys.privateKey(file, PASSWORD));
        assertSamePrivate(AntomKeys.privateKeyFromKeyStore(file, "PKCS12", PASSWORD, "merchant", PASSWORD));
        assertThatThrownBy(() -> AntomKeys.privateKeyFromKeyStore(file, "PKCS12", PASSWORD, "other", PASSWORD))
                .isInstanceOf(AntomKeyException.class).hasMessageContaining("alias 'other'");
        assertThatThrownBy(() -> AntomKeys.privateKey(file, "bad".toCharArray()))
                .isInstanceOf(AntomKeyException.class).hasMessageContaining("wrong password");
    }

    @Test
    void publicKeyFromPemBase64AndCertificates() throws Exception {
        assertThat(AntomKeys.publicKey(AntomKeys.toPem(pair.getPublic()))).isEqualTo(pair.getPublic());
        assertThat(AntomKeys.publicKey(AntomKeys.toBase64(pair.getPublic()))).isEqualTo(pair.getPublic());

        String rsaPublicPem = pem(new PemObject("RSA PUBLIC KEY",
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).parsePublicKey().getEncoded()));
        assertThat(AntomKeys.publicKey(rsaPublicPem)).isEqualTo(pair.getPublic());

        X509Certificate certificate = selfSigned(pair);
        assertThat(AntomKeys.publicKey(pem(new PemObject("CERTIFICATE", certificate.getEncoded())))).isEqualTo(pair.getPublic());
        assertThat(AntomKeys.publicKey(Base64.getEncoder().encodeToString(certificate.getEncoded()))).isEqualTo(pair.getPublic());
        Path derCertificate = dir.resolve("antom.cer");
        Files.write(derCertificate, certificate.getEncoded());
        assertThat(AntomKeys.publicKey(derCertificate)).isEqualTo(pair.getPublic());
        Path pemFile = dir.resolve("antom-public.pem");
        Files.writeString(pemFile, AntomKeys.toPem(pair.getPublic()));
        assertThat(AntomKeys.publicKey(pemFile)).isEqualTo(pair.getPublic());
    }

    @Test
    void theSharedTestVectorsKeysLoadInTheSdkForm() throws IOException {
        assertThat(AntomKeys.privateKey(SdkTestVectors.resource("/test-vectors/test_private_key_pkcs8.pem")).getAlgorithm())
                .isEqualTo("RSA");
    }

    @Test
    void errorsNeverContainKeyMaterial() {
        String corrupted = base64Der.substring(0, 200) + "@@@" + base64Der.substring(203);
        assertThatThrownBy(() -> AntomKeys.privateKey(corrupted))
                .isInstanceOf(AntomKeyException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64Der.substring(20, 60)));
        String truncated = base64Der.substring(0, base64Der.length() / 2);
        assertThatThrownBy(() -> AntomKeys.privateKey(truncated))
                .isInstanceOf(AntomKeyException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(truncated.substring(20, 60)));
        String pem = AntomKeys.toPem(pair.getPrivate());
        String brokenPem = pem.substring(0, 120) + pem.substring(400);
        assertThatThrownBy(() -> AntomKeys.privateKey(brokenPem))
                .isInstanceOf(AntomKeyException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pem.substring(40, 100)));
        assertThatThrownBy(() -> AntomKeys.privateKey(dir.resolve("missing.pem"), null))
                .isInstanceOf(AntomKeyException.class).hasMessageContaining("missing.pem");
        assertThat(new AntomSigner(pair.getPrivate(), 1).toString()).startsWith("AntomSigner[keyVersion=1, provider=")
                .doesNotContain(base64Der.substring(20, 60));
        assertThat(AntomVerifier.of(pair.getPublic()).toString()).doesNotContain(AntomKeys.toBase64(pair.getPublic()).substring(30, 60));
    }

    @Test
    void refusesWhatIsNotAnRsaKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair ecPair = ec.generateKeyPair();
        assertThatThrownBy(() -> AntomKeys.privateKey(AntomKeys.toPem(ecPair.getPrivate())))
                .isInstanceOf(AntomKeyException.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> AntomKeys.publicKey(AntomKeys.toPem(ecPair.getPublic())))
                .isInstanceOf(AntomKeyException.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> AntomKeys.privateKey(AntomKeys.toPem(pair.getPublic())))
                .isInstanceOf(AntomKeyException.class).hasMessageContaining("not a private key");
        assertThatThrownBy(() -> AntomKeys.privateKey("")).isInstanceOf(AntomKeyException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> AntomKeys.generateRsaKeyPair(1024)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSamePrivate(PrivateKey key) {
        assertThat(key.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        // and it signs what the public half verifies
        String header = new AntomSigner(key, 1).sign("POST", "/p", "c", "t", "b").format();
        assertThat(AntomVerifier.of(pair.getPublic()).verify("POST", "/p", "c", "t", "b".getBytes(StandardCharsets.UTF_8), header))
                .isNotNull();
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PemObject p ? (org.bouncycastle.util.io.pem.PemObjectGenerator) () -> p : object);
        }
        return out.toString();
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=camel-antom test");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
