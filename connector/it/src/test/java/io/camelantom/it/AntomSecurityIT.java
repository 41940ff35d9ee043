package io.camelantom.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomConstants;
import io.camelantom.component.AntomEndpoint;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PaymentFactor;
import io.camelantom.model.RedirectActionForm;
import io.camelantom.model.SettlementStrategy;
import io.camelantom.model.Env;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures, sandbox, secrets, health, TLS, proxy and the in-store / online buyer actions. */
class AntomSecurityIT extends SimulatorSupport {

    @Test
    void responseSignedWithAWrongKeyFailsClosed() {
        sim.faults().signResponsesWith(AntomKeys.generateRsaKeyPair(2048).getPrivate());
        String id = newId("forged");
        Exchange e = send("antom:pay", inStorePay(id, "599"));
        AntomRetryableException u = (AntomRetryableException) e.getException();
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNVERIFIED_RESPONSE);
        assertThat(u.getMessage()).contains("cannot be trusted");
        // nothing of the untrusted answer is presented as a result
        assertThat(e.getMessage().getBody()).isInstanceOf(PayRequest.class);
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_CODE)).isNull();
        assertThat(e.getMessage().getHeader(AntomConstants.PAYMENT_ID)).isNull();
    }

    @Test
    void rejectedRequestSignatureIsSurfacedClearly() {
        Exchange e = send("antom:pay?privateKey=RAW(" + AntomKeys.toBase64(AntomKeys.generateRsaKeyPair(2048).getPrivate()) + ")",
                inStorePay(newId("bad-key"), "599"));
        AntomRetryableException u = (AntomRetryableException) e.getException();
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNVERIFIED_RESPONSE);
        assertThat(u.getMessage()).contains("INVALID_SIGNATURE").contains("check clientId, the private key and keyVersion");
    }

    @Test
    void sandboxClientIdSwitchesToTheSandboxPathAndThroughAnAuthenticatingProxy() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy("proxy-user", "proxy-pass-7731")) {
            String proxyOptions = "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyUsername=proxy-user&proxyPassword=proxy-pass-7731";
            String sandboxId = newId("sandbox");
            Exchange sandbox = send("antom:pay?clientId=" + SANDBOX_CLIENT_ID + proxyOptions, inStorePay(sandboxId, "599"));
            assertThat(sandbox.getException()).isNull();
            String liveId = newId("live");
            Exchange live = send("antom:pay?clientId=" + SANDBOX_CLIENT_ID + "&sandbox=false" + proxyOptions, inStorePay(liveId, "599"));
            assertThat(live.getException()).isNull();

            assertThat(proxy.requestLines).containsExactly(
                    "POST " + sim.baseUrl() + "/ams/sandbox/api/v1/payments/pay",
                    "POST " + sim.baseUrl() + "/ams/api/v1/payments/pay");
            assertThat(sim.payment(sandboxId).orElseThrow().clientId()).isEqualTo(SANDBOX_CLIENT_ID);
        }
    }

    private static final String AGENT_TOKEN = "agent-token-5f9c2e71b0d84c3a9e61";

    /** Pays S, F and U through the endpoint and returns every text that could show a secret. */
    private List<String> exerciseAndCollect(AntomEndpoint endpoint, LogCapture logs) {
        Exchange ok = template.request(endpoint, e -> e.getMessage().setBody(inStorePay(newId("secret"), "599")));
        assertThat(ok.getException()).isNull();
        Exchange failed = template.request(endpoint, e -> e.getMessage().setBody(inStorePay(newId("secret"), "5151")));
        sim.faults().failNextRequests(1, 500);
        Exchange unknown = template.request(endpoint, e -> e.getMessage().setBody(inStorePay(newId("secret"), "599")));
        // what a user's route typically logs
        org.slf4j.LoggerFactory.getLogger("io.camelantom.it.user-route").info("endpoint {} failed {} unknown {}", endpoint,
                failed.getException(), unknown.getException(), unknown.getException());
        assertThat(logs.size()).isPositive();
        return List.of(logs.text(), endpoint.toString(), endpoint.getEndpointUri(), endpoint.getConfiguration().toString(),
                String.valueOf(failed.getException()), String.valueOf(unknown.getException()), endpoint.getClient().toString(),
                context.getComponent("antom", AntomComponent.class).getConfiguration().toString());
    }

    private static void assertNoSecret(List<String> texts, String privateKeyBase64) {
        for (String text : texts) {
            assertThat(text).doesNotContain(privateKeyBase64.substring(100, 160)).doesNotContain(AGENT_TOKEN)
                    .doesNotContain("proxy-secret-0412").doesNotContain("store-secret-0412");
        }
    }

    @Test
    void secretsConfiguredOnTheComponentNeverReachLogsEvenAtTrace() throws Exception {
        String privateKeyBase64 = AntomKeys.toBase64(merchantKeys.getPrivate());
        AntomComponent component = context.getComponent("antom", AntomComponent.class);
        component.getConfiguration().setPrivateKey(privateKeyBase64);
        component.getConfiguration().setAgentToken(AGENT_TOKEN);
        try (LogCapture logs = new LogCapture(Level.TRACE)) {
            assertNoSecret(exerciseAndCollect(context.getEndpoint("antom:pay?keyVersion=1", AntomEndpoint.class), logs),
                    privateKeyBase64);
        }
    }

    @Test
    void secretsInTheUriNeverReachTheEndpointUriExceptionsOrDebugLogs() throws Exception {
        String privateKeyBase64 = AntomKeys.toBase64(merchantKeys.getPrivate());
        try (LogCapture logs = new LogCapture(Level.DEBUG)) {
            String uri = "antom:pay?privateKey=RAW(" + privateKeyBase64 + ")&agentToken=RAW(" + AGENT_TOKEN + ")"
                         + "&proxyPassword=RAW(proxy-secret-0412)&keyStorePassword=RAW(store-secret-0412)";
            AntomEndpoint endpoint = context.getEndpoint(uri, AntomEndpoint.class);
            assertThat(endpoint.getConfiguration().getAgentToken()).isEqualTo(AGENT_TOKEN);
            assertNoSecret(exerciseAndCollect(endpoint, logs), privateKeyBase64);
        }
    }

    @Test
    void healthCheckIsUpAgainstTheSimulatorAndDownWithAWrongKey() throws Exception {
        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        assertThat(producers).as("camel-health producers repository").isNotNull();
        producers.setEnabled(true);
        // "default" exposure only reports checks that are DOWN
        HealthCheckRegistry.get(context).setExposureLevel("full");

        template.send("antom:inquiryPayment", e -> e.getMessage().setBody(Map.of("paymentRequestId", "warm-up")));
        String wrong = "antom:inquiryPayment?antomPublicKey=RAW(" + AntomKeys.toBase64(AntomKeys.generateRsaKeyPair(2048).getPublic()) + ")";
        template.send(wrong, e -> e.getMessage().setBody(Map.of("paymentRequestId", "warm-up")));
        String wrongMerchantKey = "antom:inquiryPayment?privateKey=RAW(" + AntomKeys.toBase64(AntomKeys.generateRsaKeyPair(2048).getPrivate()) + ")";
        template.send(wrongMerchantKey, e -> e.getMessage().setBody(Map.of("paymentRequestId", "warm-up")));

        HealthCheck.Result up = readiness("antom:inquiryPayment");
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("resultCode", "ORDER_NOT_EXIST");
        HealthCheck.Result down = readiness(wrong);
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("cannot be trusted"));
        HealthCheck.Result rejected = readiness(wrongMerchantKey);
        assertThat(rejected.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(rejected.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("INVALID_SIGNATURE"));
        assertThat(sim.payments()).noneMatch(p -> p.paymentRequestId().startsWith("camel-antom-health-"));
    }

    private HealthCheck.Result readiness(String uri) {
        String id = context.getEndpoint(uri, AntomEndpoint.class).getId();
        java.util.Collection<HealthCheck.Result> all = HealthCheckHelper.invokeReadiness(context);
        Optional<HealthCheck.Result> result = all.stream()
                .filter(r -> r.getCheck().getId().equals("producer:antom-" + id)).findFirst();
        assertThat(result).as("health check of " + id).isPresent();
        return result.get();
    }

    @Test
    void orderCodePaymentGivesTheCodeToShowAndCashierPaymentTheRedirect() {
        String id = newId("order-code");
        PayRequest pay = inStorePay(id, "599");
        pay.getPaymentMethod().setPaymentMethodId(null);
        PaymentFactor factor = new PaymentFactor();
        factor.setInStorePaymentScenario("OrderCode");
        pay.setPaymentFactor(factor);
        Exchange e = send("antom:pay", pay);
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("U");
        assertThat(e.getMessage().getHeader(AntomConstants.ORDER_CODE, String.class))
                .isEqualTo(sim.payment(id).orElseThrow().orderCode()).isNotBlank();
        assertThat(e.getProperty(AntomConstants.PENDING_REQUEST)).isNull();

        String cashierId = newId("cashier");
        PayRequest cashier = inStorePay(cashierId, "599");
        cashier.setProductCode("CASHIER_PAYMENT");
        cashier.setPaymentFactor(null);
        cashier.getPaymentMethod().setPaymentMethodType("ALIPAY_CN");
        cashier.getPaymentMethod().setPaymentMethodId(null);
        cashier.setPaymentRedirectUrl("https://merchant.example/return");
        SettlementStrategy settlement = new SettlementStrategy();
        settlement.setSettlementCurrency("USD");
        cashier.setSettlementStrategy(settlement);
        Env env = new Env();
        env.setTerminalType("WEB");
        cashier.setEnv(env);
        Exchange c = send("antom:pay", cashier);
        assertThat(c.getException()).isNull();
        assertThat(c.getMessage().getHeader(AntomConstants.REDIRECT_URL, String.class))
                .isEqualTo(sim.payment(cashierId).orElseThrow().redirectUrl()).isNotBlank();
        RedirectActionForm form = ((io.camelantom.model.PayResponse) c.getMessage().getBody()).getRedirectActionForm();
        assertThat(form.getRedirectUrl()).isEqualTo(c.getMessage().getHeader(AntomConstants.REDIRECT_URL));
    }

    @Test
    void httpsWithSslContextParametersTrustingTheSimulatorsCertificate() throws Exception {
        try (AntomSimulator tls = AntomSimulator.builder().merchant(CLIENT_ID, merchantKeys.getPublic()).https(true).build().start()) {
            KeyStoreParameters trustStore = new KeyStoreParameters();
            trustStore.setResource("file:" + tls.trustStoreFile());
            trustStore.setPassword(tls.trustStorePassword());
            trustStore.setType("PKCS12");
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(trustStore);
            SSLContextParameters ssl = new SSLContextParameters();
            ssl.setTrustManagers(trust);
            context.getRegistry().bind("simulatorTls", ssl);

            String base = "antom:pay?gatewayUrl=" + tls.baseUrl() + "&antomPublicKey=RAW(" + AntomKeys.toBase64(tls.antomPublicKey()) + ")";
            String id = newId("tls");
            Exchange e = send(base + "&sslContextParameters=#simulatorTls", inStorePay(id, "599"));
            assertThat(e.getException()).isNull();
            assertThat(tls.chargeCount(id)).isEqualTo(1);

            // without the simulator's trust store the JVM's default trust refuses the self-signed certificate
            Exchange untrusted = send(base, inStorePay(newId("tls"), "599"));
            assertThat(untrusted.getException()).isInstanceOf(AntomRetryableException.class);
            assertThat(((AntomRetryableException) untrusted.getException()).getKind()).isEqualTo(AntomRetryableException.Kind.IO_ERROR);
        }
    }
}
