package io.camelantom.simulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.camelantom.signing.AntomKeys;

/**
 * The simulator's TLS server identity and the trust material clients need: a PKCS#12 truststore and the certificate
 * as PEM, written into a folder. Bouncy Castle builds the certificate; signing uses the JDK's own providers, so no
 * security provider is registered.
 */
public final class TlsMaterial {

    /** The password of the truststore written for clients (it protects nothing secret: a truststore holds public data). */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final Path trustStoreFile;
    private final Path certificatePemFile;

    private TlsMaterial(SSLContext serverContext, SSLContext clientContext, Path trustStoreFile, Path certificatePemFile) {
        this.serverContext = serverContext;
        this.clientContext = clientContext;
        this.trustStoreFile = trustStoreFile;
        this.certificatePemFile = certificatePemFile;
    }

    /** Generates a self-signed certificate for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and {@code host}. */
    public static TlsMaterial selfSigned(String host, Path outputDir) {
        KeyPair keyPair = AntomKeys.generateRsaKeyPair(2048);
        X509Certificate certificate = selfSignedCertificate(keyPair, host);
        try {
            char[] password = randomPassword();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("antom-simulator", keyPair.getPrivate(), password, new Certificate[] {certificate});
            return fromKeyStore(keyStore, password, outputDir);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the simulator's TLS identity: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Uses a given keystore (first key entry) as the server identity. */
    public static TlsMaterial fromKeyStoreFile(Path keyStoreFile, char[] password, Path outputDir) {
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            return fromKeyStore(keyStore, password, outputDir);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the TLS keystore " + keyStoreFile.getFileName()
                                            + " (PKCS12 expected; wrong password?): " + e.getClass().getSimpleName(), e);
        }
    }

    private static TlsMaterial fromKeyStore(KeyStore keyStore, char[] password, Path outputDir)
            throws GeneralSecurityException, IOException {
        X509Certificate certificate = null;
        for (Enumeration<String> aliases = keyStore.aliases(); aliases.hasMoreElements();) {
            String alias = aliases.nextElement();
            if (keyStore.isKeyEntry(alias)) {
                certificate = (X509Certificate) keyStore.getCertificate(alias);
                break;
            }
        }
        if (certificate == null) {
            throw new IllegalStateException("The TLS keystore holds no key entry with a certificate");
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("antom-simulator", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);

        Files.createDirectories(outputDir);
        Path trustStoreFile = outputDir.resolve("antom-simulator-truststore.p12");
        try (OutputStream out = Files.newOutputStream(trustStoreFile)) {
            trustStore.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        Path pemFile = outputDir.resolve("antom-simulator-cert.pem");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(certificate);
        }
        Files.writeString(pemFile, pem.toString(), StandardCharsets.US_ASCII);
        return new TlsMaterial(server, client, trustStoreFile, pemFile);
    }

    private static X509Certificate selfSignedCertificate(KeyPair keyPair, String host) {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=Antom simulator (localhost)");
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (host != null && !host.isBlank() && !"localhost".equals(host) && !"127.0.0.1".equals(host)
            && !"0.0.0.0".equals(host)) {
            names.add(new GeneralName(isIpAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(365))), name, keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create the self-signed certificate: " + e.getClass().getSimpleName(), e);
        }
    }

    private static boolean isIpAddress(String host) {
        if (!host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return false;
        }
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    /** An SSLContext that trusts exactly the simulator's certificate. */
    public SSLContext clientContext() {
        return clientContext;
    }

    public Path trustStoreFile() {
        return trustStoreFile;
    }

    public Path certificatePemFile() {
        return certificatePemFile;
    }

    @Override
    public String toString() {
        return "TlsMaterial[trustStore=" + trustStoreFile + "]";
    }
}
