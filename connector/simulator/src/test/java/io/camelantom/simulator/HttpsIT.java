package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsIT extends SimulatorTestSupport {

    @TempDir
    Path trustDir;

    @Override
    AntomSimulator.Builder configure(AntomSimulator.Builder builder) {
        return builder.https(true).trustMaterialDir(trustDir);
    }

    @Test
    void servesHttpsTrustedThroughTheWrittenTrustStore() throws Exception {
        assertThat(simulator.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(simulator.trustStoreFile()).exists().hasParent(trustDir);
        assertThat(simulator.certificatePemFile()).exists();

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(simulator.trustStoreFile())) {
            trustStore.load(in, simulator.trustStorePassword().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        AntomTestClient tlsClient = new AntomTestClient(simulator.baseUrl(), CLIENT_ID, MERCHANT_KEYS, simulator.antomPublicKey(), ssl);
        String id = newId("tls");
        assertThat(tlsClient.callVerified("pay", AntomTestClient.payRequest(id, "1000")).resultCode()).isEqualTo("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);

        // the PEM certificate names localhost and 127.0.0.1
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(simulator.certificatePemFile())) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString()).contains("localhost", "127.0.0.1");
    }

    @Test
    void clientSslContextIsTrustedAndTheDefaultTrustIsNot() {
        AntomTestClient tlsClient = new AntomTestClient(simulator.baseUrl(), CLIENT_ID, MERCHANT_KEYS, simulator.antomPublicKey(),
                simulator.clientSslContext());
        assertThat(tlsClient.callVerified("inquiryPayment", AntomTestClient.byRequestId("x")).resultCode()).isEqualTo("ORDER_NOT_EXIST");

        AntomTestClient untrusting = new AntomTestClient(simulator.baseUrl(), CLIENT_ID, MERCHANT_KEYS, simulator.antomPublicKey());
        assertThatThrownBy(() -> untrusting.call("inquiryPayment", AntomTestClient.byRequestId("x")))
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
    }

    @Test
    void httpModeHasNoTrustMaterial() {
        try (AntomSimulator plain = AntomSimulator.builder().merchant(CLIENT_ID, MERCHANT_KEYS.getPublic()).build().start()) {
            assertThat(plain.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(plain.clientSslContext()).isNull();
            assertThat(plain.trustStoreFile()).isNull();
        }
    }

    @Test
    void servesAGivenKeyStoreAndWritesItsCertificateAsTrust() throws Exception {
        TlsTestIdentity identity = TlsTestIdentity.create(trustDir, "given-identity");
        Path out = trustDir.resolve("given-out");
        try (AntomSimulator given = AntomSimulator.builder().merchant(CLIENT_ID, MERCHANT_KEYS.getPublic()).https(true)
                .keyStore(identity.keyStoreFile(), identity.password()).trustMaterialDir(out).build().start()) {
            AntomTestClient tlsClient = new AntomTestClient(given.baseUrl(), CLIENT_ID, MERCHANT_KEYS, given.antomPublicKey(),
                    identity.clientContext());
            assertThat(tlsClient.callVerified("inquiryPayment", AntomTestClient.byRequestId("x")).resultCode()).isEqualTo("ORDER_NOT_EXIST");
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(given.trustStoreFile())) {
                trustStore.load(in, given.trustStorePassword().toCharArray());
            }
            assertThat(trustStore.getCertificate(trustStore.aliases().nextElement())).isEqualTo(identity.certificate());
        }
    }

    @Test
    void deliversNotificationsToAnHttpsMerchantWithTheConfiguredTrust() throws Exception {
        TlsTestIdentity merchantTls = TlsTestIdentity.create(trustDir, "merchant");
        try (NotificationReceiver receiver = new NotificationReceiver(ANTOM_KEYS.getPublic(), merchantTls.serverContext());
             AntomSimulator trusting = AntomSimulator.builder().merchant(CLIENT_ID, MERCHANT_KEYS.getPublic()).antomKeyPair(ANTOM_KEYS)
                     .notificationSslContext(merchantTls.clientContext()).build().start()) {
            AntomTestClient plain = new AntomTestClient(trusting.baseUrl(), CLIENT_ID, MERCHANT_KEYS, trusting.antomPublicKey());
            String id = newId("tlsnotify");
            var request = AntomTestClient.payRequest(id, "1000");
            request.put("paymentNotifyUrl", receiver.url());
            plain.callVerified("pay", request);
            Poll.until("the HTTPS notification", java.time.Duration.ofSeconds(5),
                    () -> trusting.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged));
            assertThat(receiver.received(id)).hasSize(1).allMatch(NotificationReceiver.Received::signatureValid);
        }
        // without that trust the delivery fails the TLS handshake (verification is never switched off)
        try (NotificationReceiver receiver = new NotificationReceiver(ANTOM_KEYS.getPublic(), merchantTls.serverContext())) {
            String id = newId("tlsuntrusted");
            var request = AntomTestClient.payRequest(id, "1000");
            request.put("paymentNotifyUrl", receiver.url());
            new AntomTestClient(simulator.baseUrl(), CLIENT_ID, MERCHANT_KEYS, simulator.antomPublicKey(), simulator.clientSslContext())
                    .callVerified("pay", request);
            NotificationAttempt attempt = Poll.until("a failed attempt", java.time.Duration.ofSeconds(5),
                    () -> simulator.notificationAttempts(id), l -> !l.isEmpty()).get(0);
            assertThat(attempt.httpStatus()).isEqualTo(-1);
            assertThat(attempt.responseBody()).contains("SSLHandshakeException");
            assertThat(receiver.received()).isEmpty();
        }
    }
}
