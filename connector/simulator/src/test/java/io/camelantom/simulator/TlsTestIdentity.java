package io.camelantom.simulator;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.tls.TlsMaterial;

/** A test TLS identity for 127.0.0.1, as a PKCS#12 file, with matching server and client SSL contexts. */
record TlsTestIdentity(Path keyStoreFile, char[] password, X509Certificate certificate, SSLContext serverContext,
        SSLContext clientContext) {

    static TlsTestIdentity create(Path dir, String commonName) throws Exception {
        KeyPair keyPair = AntomKeys.generateRsaKeyPair(2048);
        X500Name name = new X500Name("CN=" + commonName);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(Duration.ofDays(1))), name,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
        char[] password = "test-password".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", keyPair.getPrivate(), password, new Certificate[] {certificate});
        Path file = dir.resolve(commonName + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, password);
        }
        // the contexts are made as the simulator makes them from a given keystore
        TlsMaterial material = TlsMaterial.fromKeyStoreFile(file, password, dir.resolve(commonName + "-trust"));
        return new TlsTestIdentity(file, password, certificate, material.serverContext(), material.clientContext());
    }
}
