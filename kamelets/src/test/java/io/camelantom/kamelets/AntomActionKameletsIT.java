package io.camelantom.kamelets;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelantom.client.AntomFailureException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four action Kamelets, from the classpath ({@code kamelets/*.kamelet.yaml}, as camel-kamelet finds them), used by
 * a YAML DSL route against the simulator over HTTP. The merchant's private key reaches the Kamelet as a property
 * placeholder, a multi-line PEM that is never written into a route.
 */
class AntomActionKameletsIT extends KameletSimulatorSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A YAML DSL route per action Kamelet, from {@code direct:<id>}. */
    static final String ROUTES = actionRoute("pay", "antom-pay-action", "")
            + actionRoute("inquiry", "antom-inquiry-payment-action", "")
            + actionRoute("cancel", "antom-cancel-action", "")
            + actionRoute("refund", "antom-refund-action", "requestTimeout: 5000");

    /** The route as a user writes it: the keys as property placeholders, the PEMs passed RAW. */
    private static String actionRoute(String id, String kamelet, String moreParameters) {
        return """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                        - to:
                            uri: kamelet:%s
                            parameters:
                              clientId: "{{antom.clientId}}"
                              privateKey: "RAW({{antom.privateKey}})"
                              antomPublicKey: "RAW({{antom.antomPublicKey}})"
                              gatewayUrl: "{{antom.gatewayUrl}}"
                """.formatted(id, id, kamelet)
                + (moreParameters.isEmpty() ? "" : "              " + moreParameters + "\n");
    }

    @Override
    void configure(CamelContext context) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kamelet-actions.yaml", ROUTES));
    }

    @Test
    void payAnswersJsonAndTheResultHeaders() throws Exception {
        String id = newId();
        Exchange paid = template.request("direct:pay", e -> e.getMessage().setBody(payJson(id, "1000")));

        assertThat(paid.getException()).isNull();
        JsonNode answer = JSON.readTree(paid.getMessage().getBody(String.class));
        assertThat(answer.at("/result/resultStatus").asText()).isEqualTo("S");
        assertThat(answer.at("/paymentRequestId").asText()).isEqualTo(id);
        assertThat(answer.has("actualPaymentAmount")).as("nulls are left out").isFalse();
        assertThat(paid.getMessage().getHeader("CamelAntomResultStatus")).isEqualTo("S");
        assertThat(paid.getMessage().getHeader("CamelAntomPaymentId")).isEqualTo(answer.at("/paymentId").asText());
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void aDeclinedPaymentRaisesAntomFailureException() {
        String id = newId();
        Exchange declined = template.request("direct:pay", e -> e.getMessage().setBody(payJson(id, "1051")));

        assertThat(declined.getException()).isInstanceOf(AntomFailureException.class)
                .hasMessageContaining("USER_BALANCE_NOT_ENOUGH");
        assertThat(sim.chargeCount(id)).isZero();
    }

    @Test
    void inquiryCancelAndRefundActOnAPayment() throws Exception {
        String paidId = newId();
        String paymentId = pay(paidId);

        JsonNode inquiry = call("direct:inquiry", Map.of("paymentRequestId", paidId));
        assertThat(inquiry.at("/paymentStatus").asText()).isEqualTo("SUCCESS");

        JsonNode refund = call("direct:refund", Map.of("refundRequestId", "refund-" + paidId, "paymentId", paymentId,
                "refundAmount", Map.of("currency", "USD", "value", "400")));
        assertThat(refund.at("/result/resultStatus").asText()).isEqualTo("S");
        assertThat(refund.at("/refundAmount/value").asText()).isEqualTo("400");

        String cancelledId = newId();
        pay(cancelledId);
        JsonNode cancel = call("direct:cancel", Map.of("paymentRequestId", cancelledId));
        assertThat(cancel.at("/result/resultStatus").asText()).isEqualTo("S");
        assertThat(call("direct:inquiry", Map.of("paymentRequestId", cancelledId)).at("/paymentStatus").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void anInquiryOfAnUnknownPaymentIsAFailure() {
        Exchange unknown = template.request("direct:inquiry", e -> e.getMessage().setBody("{\"paymentRequestId\":\"never-paid\"}"));
        assertThat(unknown.getException()).isInstanceOf(AntomFailureException.class).hasMessageContaining("ORDER_NOT_EXIST");
    }

    private String pay(String id) throws Exception {
        Exchange paid = template.request("direct:pay", e -> e.getMessage().setBody(payJson(id, "1000")));
        assertThat(paid.getException()).isNull();
        return JSON.readTree(paid.getMessage().getBody(String.class)).at("/paymentId").asText();
    }

    private JsonNode call(String uri, Object body) throws Exception {
        Exchange e = template.request(uri, x -> x.getMessage().setBody(body));
        if (e.getException() != null) {
            throw new AssertionError(uri + " failed", e.getException());
        }
        return JSON.readTree(e.getMessage().getBody(String.class));
    }

    static String newId() {
        return "kamelet-" + UUID.randomUUID();
    }

    static String payJson(String id, String minorUnits) {
        return "{\"productCode\":\"IN_STORE_PAYMENT\",\"paymentRequestId\":\"" + id + "\","
               + "\"order\":{\"referenceOrderId\":\"order-" + id + "\",\"orderDescription\":\"Coffee beans\"},"
               + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"" + minorUnits + "\"},"
               + "\"paymentMethod\":{\"paymentMethodType\":\"CONNECT_WALLET\",\"paymentMethodId\":\"281012020000123456\"},"
               + "\"paymentFactor\":{\"inStorePaymentScenario\":\"PaymentCode\"}}";
    }
}
