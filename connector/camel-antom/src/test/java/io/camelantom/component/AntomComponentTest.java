package io.camelantom.component;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;

import io.camelantom.client.AntomFailureException;
import io.camelantom.model.Amount;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PayResponse;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomComponentTest {

    private static KeyPair merchantKeys;
    private static KeyPair antomKeys;

    private TestGateway gateway;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeAll
    static void keys() {
        merchantKeys = AntomKeys.generateRsaKeyPair(2048);
        antomKeys = AntomKeys.generateRsaKeyPair(2048);
    }

    @BeforeEach
    void start() throws Exception {
        gateway = new TestGateway(antomKeys);
        context = new DefaultCamelContext();
        AntomComponent antom = new AntomComponent();
        antom.getConfiguration().setClientId("TEST_CLIENT");
        antom.getConfiguration().setPrivateKey(AntomKeys.toPem(merchantKeys.getPrivate()));
        antom.getConfiguration().setAntomPublicKey(AntomKeys.toBase64(antomKeys.getPublic()));
        antom.getConfiguration().setGatewayUrl(gateway.url());
        context.addComponent("antom", antom);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
        gateway.close();
    }

    private static PayRequest pay(String id, String value) {
        PayRequest pay = new PayRequest();
        pay.setPaymentRequestId(id);
        pay.setProductCode("IN_STORE_PAYMENT");
        pay.setPaymentAmount(new Amount("USD", value));
        return pay;
    }

    /** A component with the keys and the gateway of this test, but no client id. */
    private AntomComponent componentWithoutClientId() {
        AntomComponent antom = new AntomComponent();
        antom.getConfiguration().setPrivateKey(AntomKeys.toPem(merchantKeys.getPrivate()));
        antom.getConfiguration().setAntomPublicKey(AntomKeys.toBase64(antomKeys.getPublic()));
        antom.getConfiguration().setGatewayUrl(gateway.url());
        return antom;
    }

    @Test
    void aMissingClientIdFailsWhenTheProducerStartsWithAClearError() throws Exception {
        // clientId is not marked required in the catalog (the component usually holds it): the endpoint checks it
        try (CamelContext other = new DefaultCamelContext()) {
            other.addComponent("antom", componentWithoutClientId());
            other.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:pay").to("antom:pay");
                }
            });
            assertThatThrownBy(other::start).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .rootCause().hasMessageStartingWith("clientId: is required: set it on the antom component")
                    .hasMessageContaining("antom://pay");
        }
        // the same endpoint with the client id on the URI starts
        try (CamelContext other = new DefaultCamelContext()) {
            other.addComponent("antom", componentWithoutClientId());
            other.start();
            assertThat(other.getEndpoint("antom:pay?clientId=ON_THE_URI", AntomEndpoint.class).getClient().getConfiguration()
                    .getClientId()).isEqualTo("ON_THE_URI");
        }
    }

    @Test
    void componentOptionsAreDefaultsAndEndpointOptionsOverrideThem() {
        AntomEndpoint endpoint = context.getEndpoint("antom:refund?clientId=OTHER&requestTimeout=2s&maxRetries=3", AntomEndpoint.class);
        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo(AntomOperation.refund);
        assertThat(endpoint.getConfiguration().getClientId()).isEqualTo("OTHER");
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(2000);
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(3);
        assertThat(endpoint.getConfiguration().getGatewayUrl()).isEqualTo(gateway.url());
        // the component's own configuration is untouched
        AntomComponent component = context.getComponent("antom", AntomComponent.class);
        assertThat(component.getConfiguration().getClientId()).isEqualTo("TEST_CLIENT");
        assertThat(component.getConfiguration().getMaxRetries()).isZero();
    }

    @Test
    void theComponentIsFoundByItsSchemeWithoutRegistration() throws Exception {
        try (CamelContext plain = new DefaultCamelContext()) {
            assertThat(plain.getComponent("antom")).isInstanceOf(AntomComponent.class);
            assertThat(plain.getEndpoint("antom:capture")).isInstanceOf(AntomEndpoint.class);
        }
    }

    @Test
    void unknownOperationIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("antom:payTwice")).hasStackTraceContaining("payTwice");
    }

    @Test
    void secretsAreMaskedInTheEndpointUriAndToString() {
        String uri = "antom:pay?agentToken=RAW(agent-secret-42)&privateKeyPassword=pk-secret-42&keyStorePassword=ks-secret-42"
                     + "&keyPassword=kp-secret-42&proxyPassword=proxy-secret-42&proxyUsername=proxy-user-42&clientId=CID";
        AntomEndpoint endpoint = context.getEndpoint(uri, AntomEndpoint.class);
        assertThat(endpoint.getConfiguration().getAgentToken()).isEqualTo("agent-secret-42");
        for (String text : new String[] { endpoint.getEndpointUri(), endpoint.toString(), endpoint.getConfiguration().toString() }) {
            assertThat(text).doesNotContain("secret-42").doesNotContain("proxy-user-42");
        }
    }

    /** Sends a pay of 5.99 USD that the gateway answers with {@code answer}; the exchange must not fail. */
    private Exchange payAnswered(String paymentRequestId, String answer) {
        gateway.answer = r -> answer;
        Exchange exchange = template.request("antom:pay", e -> e.getMessage().setBody(pay(paymentRequestId, "599")));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void typedBodyIsSentCanonicallyAndSignedAndTheTypedResponseComesBack() {
        Exchange exchange = payAnswered("p-1", "{\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\",\"resultMessage\":\"success\"},"
                                               + "\"paymentId\":\"2024P1\",\"paymentRequestId\":\"p-1\",\"newField\":{\"kept\":\"yes\"}}");
        PayResponse response = exchange.getMessage().getBody(PayResponse.class);
        assertThat(response.getPaymentId()).isEqualTo("2024P1");
        assertThat(response.getAdditionalProperty("newField")).isEqualTo(Map.of("kept", "yes"));
        assertThat(exchange.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(exchange.getMessage().getHeader(AntomConstants.PAYMENT_ID)).isEqualTo("2024P1");
        assertThat(exchange.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo("p-1");
        assertThat(exchange.getMessage().getHeader(AntomConstants.RAW_RESPONSE, String.class)).contains("\"newField\"");
        assertThat(exchange.getProperty(AntomConstants.PENDING_REQUEST)).isNull();

        TestGateway.Received sent = gateway.received.get(0);
        assertThat(sent.path()).isEqualTo("/ams/api/v1/payments/pay");
        assertThat(sent.bodyText()).isEqualTo(
                "{\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"599\"},\"paymentRequestId\":\"p-1\",\"productCode\":\"IN_STORE_PAYMENT\"}");
        assertThat(sent.header("client-id")).isEqualTo("TEST_CLIENT");
        AntomVerifier.of(merchantKeys.getPublic()).verify("POST", sent.path(), "TEST_CLIENT", sent.header("request-time"),
                sent.body(), sent.header("signature"));
    }

    @Test
    void anAnswerOfAnUnexpectedShapeDoesNotTurnADonePaymentIntoAnError() {
        Exchange exchange = payAnswered("p-11", "{\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"},\"paymentId\":\"2024P2\","
                                                + "\"paymentAmount\":\"599 USD\"}");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(io.camelantom.model.GenericResponse.class);
        assertThat(exchange.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(exchange.getMessage().getHeader(AntomConstants.PAYMENT_ID)).isEqualTo("2024P2");
    }

    @Test
    void agentTokenIsSentAsAHeader() {
        template.requestBody("antom:inquiryPayment?agentToken=RAW(isv-agent-token-1)", Map.of("paymentRequestId", "p-9"));
        template.requestBody("antom:inquiryPayment", Map.of("paymentRequestId", "p-9"));
        assertThat(gateway.received.get(0).header("agent-token")).isEqualTo("isv-agent-token-1");
        assertThat(gateway.received.get(1).header("agent-token")).isNull();
    }

    @Test
    void anAnswerForAnotherClientIdIsNotTrusted() {
        // the test gateway echoes the request's client-id; make it sign its answer as another client's
        gateway.echoClientId = "SOMEONE_ELSE";
        assertThatThrownBy(() -> template.requestBody("antom:inquiryPayment", Map.of("paymentRequestId", "p-10")))
                .hasStackTraceContaining("is not ours");
    }

    @Test
    void mapAndStringBodiesAreSentAsTheSameBytesAsThePojo() {
        template.requestBody("antom:pay", pay("p-2", "100"));
        template.requestBody("antom:pay", Map.of("paymentRequestId", "p-2", "productCode", "IN_STORE_PAYMENT",
                "paymentAmount", Map.of("currency", "USD", "value", "100")));
        template.requestBody("antom:pay", "{\"productCode\":\"IN_STORE_PAYMENT\",\"paymentAmount\":{\"value\":\"100\",\"currency\":\"USD\"},"
                                          + "\"paymentRequestId\":\"p-2\"}");
        assertThat(gateway.received).hasSize(3);
        assertThat(gateway.received.get(1).body()).isEqualTo(gateway.received.get(0).body());
        assertThat(gateway.received.get(2).body()).isEqualTo(gateway.received.get(0).body());
    }

    @Test
    void operationHeaderOverridesTheEndpointOperation() {
        gateway.answer = r -> "{\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"},\"paymentStatus\":\"SUCCESS\",\"paymentId\":\"x\"}";
        Object body = template.requestBodyAndHeader("antom:pay", Map.of("paymentRequestId", "p-3"), AntomConstants.OPERATION,
                "inquiryPayment");
        assertThat(body).isInstanceOf(InquiryPaymentResponse.class);
        assertThat(gateway.received.get(0).path()).isEqualTo("/ams/api/v1/payments/inquiryPayment");
    }

    @Test
    void callOperationUsesThePathOptionOrHeader() {
        gateway.answer = r -> "{\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"},\"paymentMethods\":[]}";
        template.requestBody("antom:call?path=/ams/api/v1/payments/consult", Map.of("productCode", "CASHIER_PAYMENT"));
        template.requestBodyAndHeader("antom:call", "{\"a\":1}", AntomConstants.PATH, "/ams/api/v1/other");
        assertThat(gateway.received.get(0).path()).isEqualTo("/ams/api/v1/payments/consult");
        assertThat(gateway.received.get(1).path()).isEqualTo("/ams/api/v1/other");
        assertThatThrownBy(() -> template.requestBody("antom:call", "{}")).hasStackTraceContaining("needs the API path");
    }

    @Test
    void sandboxClientIdSwitchesThePath() {
        template.requestBody("antom:inquiryPayment?clientId=SANDBOX_1234", Map.of("paymentRequestId", "p-4"));
        template.requestBody("antom:inquiryPayment?clientId=SANDBOX_1234&sandbox=false", Map.of("paymentRequestId", "p-4"));
        assertThat(gateway.received.get(0).path()).isEqualTo("/ams/sandbox/api/v1/payments/inquiryPayment");
        assertThat(gateway.received.get(1).path()).isEqualTo("/ams/api/v1/payments/inquiryPayment");
    }

    @Test
    void failureRaisesATypedExceptionOrIsAReplyWhenAsked() {
        gateway.answer = r -> "{\"result\":{\"resultStatus\":\"F\",\"resultCode\":\"USER_BALANCE_NOT_ENOUGH\",\"resultMessage\":\"poor\"}}";
        assertThatThrownBy(() -> template.requestBody("antom:pay", pay("p-5", "5151")))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(AntomFailureException.class)
                .hasMessageContaining("USER_BALANCE_NOT_ENOUGH");
        Exchange reply = template.request("antom:pay?throwExceptionOnFailure=false", e -> e.getMessage().setBody(pay("p-5", "5151")));
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("F");
        assertThat(reply.getMessage().getHeader(AntomConstants.RESULT_CODE)).isEqualTo("USER_BALANCE_NOT_ENOUGH");
    }

    @Test
    void invalidBodiesAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> template.requestBody("antom:pay", pay("p-6", "5.99")))
                .hasStackTraceContaining("paymentAmount.value");
        assertThatThrownBy(() -> template.requestBody("antom:pay", 42)).hasStackTraceContaining("expects a PayRequest");
        assertThatThrownBy(() -> template.requestBody("antom:refund", pay("p-6", "1"))).hasStackTraceContaining("expects a RefundRequest");
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void aRedeliveredRequestResendsTheStoredBytes() {
        byte[] original = "{\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1\"},\"paymentRequestId\":\"p-7\",\"zeta\":\"original\"}"
                .getBytes(StandardCharsets.UTF_8);
        Exchange exchange = template.request("antom:pay", e -> {
            e.setProperty(AntomConstants.PENDING_REQUEST, new PendingRequest("/ams/api/v1/payments/pay", "p-7", original));
            e.getMessage().setBody(pay("p-7", "1"));
        });
        assertThat(exchange.getException()).isNull();
        assertThat(gateway.received.get(0).body()).isEqualTo(original);
        // another payment request id is not a resend
        template.request("antom:pay", e -> {
            e.setProperty(AntomConstants.PENDING_REQUEST, new PendingRequest("/ams/api/v1/payments/pay", "p-other", original));
            e.getMessage().setBody(pay("p-8", "1"));
        });
        assertThat(gateway.received.get(1).bodyText()).contains("p-8");
        // requests without an idempotency key (inquiries) never reuse stored bytes
        template.request("antom:inquiryPayment", e -> {
            e.setProperty(AntomConstants.PENDING_REQUEST, new PendingRequest("/ams/api/v1/payments/inquiryPayment", null,
                    "{\"paymentRequestId\":\"p-old\"}".getBytes(StandardCharsets.UTF_8)));
            e.getMessage().setBody(Map.of("paymentRequestId", "p-new"));
        });
        assertThat(gateway.received.get(2).bodyText()).isEqualTo("{\"paymentRequestId\":\"p-new\"}");
    }

    @Test
    void aMissingPrivateKeyFailsAtStartNamingTheOption() {
        AntomConfiguration configuration = new AntomConfiguration();
        configuration.setOperation(AntomOperation.pay);
        configuration.setClientId("X");
        AntomEndpoint endpoint = new AntomEndpoint("antom:pay", context.getComponent("antom", AntomComponent.class), configuration);
        assertThatThrownBy(endpoint::start).hasStackTraceContaining("privateKey, privateKeyFile or keyStoreFile");
    }
}
