package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomSigner;

class RequestVerificationIT extends SimulatorTestSupport {

    @Test
    void signedPayIsAnsweredWithASignedResponseOverTheRequestPath() {
        String id = newId("pay");
        AntomTestClient.Response response = client.callVerified("pay", AntomTestClient.payRequest(id, "1000"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.resultStatus()).isEqualTo("S");
        assertThat(response.resultCode()).isEqualTo("SUCCESS");
        assertThat(response.header("client-id")).isEqualTo(CLIENT_ID);
        // ISO-8601 with offset, to the second
        assertThat(response.header("response-time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
        OffsetDateTime.parse(response.header("response-time"), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(response.header("signature")).startsWith("algorithm=RSA256,keyVersion=1,signature=");
        assertThat(response.json().path("paymentRequestId").asText()).isEqualTo(id);
        assertThat(response.json().path("paymentId").asText()).isNotBlank();
        assertThat(response.json().path("paymentAmount").path("value").asText()).isEqualTo("1000");
        assertThat(response.json().path("paymentTime").isTextual()).isTrue();
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void sandboxPathsAreServedAndSignedOverTheSandboxPath() {
        AntomTestClient sandbox = new AntomTestClient(simulator.baseUrl(), CLIENT_ID, MERCHANT_KEYS, simulator.antomPublicKey()).sandbox();
        String id = newId("sandbox");
        AntomTestClient.Response response = sandbox.callVerified("pay", AntomTestClient.payRequest(id, "1000"));
        assertThat(response.path()).isEqualTo("/ams/sandbox/api/v1/payments/pay");
        assertThat(response.resultCode()).isEqualTo("SUCCESS");
        assertThat(sandbox.callVerified("inquiryPayment", AntomTestClient.byRequestId(id)).json().path("paymentStatus").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void requestSignedWithAnotherKeyGetsUnsignedInvalidSignatureAndNothingIsCharged() {
        AntomTestClient forger = new AntomTestClient(simulator.baseUrl(), CLIENT_ID, AntomKeys.generateRsaKeyPair(2048),
                simulator.antomPublicKey());
        String id = newId("forged");
        AntomTestClient.Response response = forger.call("pay", AntomTestClient.payRequest(id, "1000"));

        assertThat(response.resultStatus()).isEqualTo("F");
        assertThat(response.resultCode()).isEqualTo("INVALID_SIGNATURE");
        assertThat(response.signed()).isFalse();
        assertThat(simulator.payment(id)).isEmpty();
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void missingSignatureOrRequestTimeOrTamperedBodyIsInvalidSignature() {
        String body = AntomTestClient.payRequest(newId("nosig"), "1000").toString();
        String path = "/ams/api/v1/payments/pay";
        String time = Long.toString(System.currentTimeMillis());
        assertThat(client.send(path, body, time, null, CLIENT_ID, Duration.ofSeconds(5)).resultCode()).isEqualTo("INVALID_SIGNATURE");

        String signature = new AntomSigner(MERCHANT_KEYS.getPrivate(), 1).sign("POST", path, CLIENT_ID, time, body).format();
        assertThat(client.send(path, body, null, signature, CLIENT_ID, Duration.ofSeconds(5)).resultCode()).isEqualTo("INVALID_SIGNATURE");

        String tampered = body.replace("\"1000\"", "\"1\"");
        AntomTestClient.Response response = client.send(path, tampered, time, signature, CLIENT_ID, Duration.ofSeconds(5));
        assertThat(response.resultCode()).isEqualTo("INVALID_SIGNATURE");
        assertThat(response.signed()).isFalse();

        // signed over the live path but sent to the sandbox path: the signed path is the one requested
        AntomTestClient.Response wrongPath = client.send("/ams/sandbox/api/v1/payments/pay", body, time, signature, CLIENT_ID,
                Duration.ofSeconds(5));
        assertThat(wrongPath.resultCode()).isEqualTo("INVALID_SIGNATURE");
        assertThat(simulator.payments()).isEmpty();
    }

    @Test
    void unknownOrMissingClientIdIsInvalidClient() {
        AntomTestClient stranger = new AntomTestClient(simulator.baseUrl(), "SOMEONE_ELSE", MERCHANT_KEYS, simulator.antomPublicKey());
        AntomTestClient.Response response = stranger.call("pay", AntomTestClient.payRequest(newId("stranger"), "1000"));
        assertThat(response.resultStatus()).isEqualTo("F");
        assertThat(response.resultCode()).isEqualTo("INVALID_CLIENT");
        stranger.verify(response);

        AntomTestClient.Response noClient = client.send("/ams/api/v1/payments/pay", "{}", "1", "algorithm=RSA256,signature=abc", null,
                Duration.ofSeconds(5));
        assertThat(noClient.resultCode()).isEqualTo("INVALID_CLIENT");
        assertThat(simulator.payments()).isEmpty();
    }

    @Test
    void paramIllegalNamesTheField() {
        ObjectNode missingId = AntomTestClient.payRequest("x", "1000");
        missingId.remove("paymentRequestId");
        assertParamIllegal(missingId, "paymentRequestId");

        ObjectNode numericValue = AntomTestClient.payRequest(newId("num"), "1000");
        ((ObjectNode) numericValue.get("paymentAmount")).put("value", 1000);
        assertParamIllegal(numericValue, "paymentAmount.value");

        ObjectNode decimalValue = AntomTestClient.payRequest(newId("dec"), "1000");
        ((ObjectNode) decimalValue.get("paymentAmount")).put("value", "10.00");
        assertParamIllegal(decimalValue, "paymentAmount.value");

        ObjectNode badCurrency = AntomTestClient.payRequest(newId("cur"), "1000");
        ((ObjectNode) badCurrency.get("paymentAmount")).put("currency", "XYZ");
        assertParamIllegal(badCurrency, "paymentAmount.currency");

        ObjectNode noMethodType = AntomTestClient.payRequest(newId("pm"), "1000");
        ((ObjectNode) noMethodType.get("paymentMethod")).remove("paymentMethodType");
        assertParamIllegal(noMethodType, "paymentMethod.paymentMethodType");

        ObjectNode noBuyerCode = AntomTestClient.payRequest(newId("code"), "1000");
        ((ObjectNode) noBuyerCode.get("paymentMethod")).remove("paymentMethodId");
        assertParamIllegal(noBuyerCode, "paymentMethod.paymentMethodId");

        ObjectNode badExpiry = AntomTestClient.payRequest(newId("exp"), "1000");
        badExpiry.put("paymentExpiryTime", "tomorrow");
        assertParamIllegal(badExpiry, "paymentExpiryTime");

        ObjectNode badNotifyUrl = AntomTestClient.payRequest(newId("url"), "1000");
        badNotifyUrl.put("paymentNotifyUrl", "not a url");
        assertParamIllegal(badNotifyUrl, "paymentNotifyUrl");

        AntomTestClient.Response malformed = client.call("pay", "{\"paymentRequestId\": ");
        client.verify(malformed);
        assertThat(malformed.resultCode()).isEqualTo("PARAM_ILLEGAL");
        assertThat(malformed.resultMessage()).contains("not valid JSON");

        AntomTestClient.Response noIds = client.callVerified("inquiryPayment", AntomTestClient.MAPPER.createObjectNode());
        assertThat(noIds.resultCode()).isEqualTo("PARAM_ILLEGAL");
        assertThat(noIds.resultMessage()).contains("paymentRequestId");
        assertThat(simulator.payments()).isEmpty();
    }

    private void assertParamIllegal(ObjectNode body, String field) {
        AntomTestClient.Response response = client.callVerified("pay", body);
        assertThat(response.resultStatus()).as(field).isEqualTo("F");
        assertThat(response.resultCode()).as(field).isEqualTo("PARAM_ILLEGAL");
        assertThat(response.resultMessage()).as(field).contains(field);
    }

    @Test
    void onlyPostOnKnownOperations() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/ams/api/v1/payments/pay")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).contains("METHOD_NOT_SUPPORTED");

        AntomTestClient.Response unknown = client.call("consult", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.resultCode()).isEqualTo("NO_INTERFACE_DEF");
    }

    @Test
    void clientNoticesAResponseThatDoesNotMatchTheAntomKey() {
        simulator.faults().signResponsesWith(AntomKeys.generateRsaKeyPair(2048).getPrivate());
        AntomTestClient.Response response = client.call("pay", AntomTestClient.payRequest(newId("wrongkey"), "1000"));
        assertThat(response.signed()).isTrue();
        assertThatThrownBy(() -> client.verify(response)).isInstanceOf(AntomSignatureException.class);

        simulator.faults().signResponsesWith(null);
        client.verify(client.call("pay", AntomTestClient.payRequest(newId("rightkey"), "1000")));
    }

    @Test
    void twoSimulatorsInOneJvmAreIndependent() {
        try (AntomSimulator other = AntomSimulator.builder().merchant("OTHER", MERCHANT_KEYS.getPublic()).build().start()) {
            assertThat(other.port()).isNotEqualTo(simulator.port());
            assertThat(other.antomPublicKey()).isNotEqualTo(simulator.antomPublicKey());
            AntomTestClient otherClient = new AntomTestClient(other.baseUrl(), "OTHER", MERCHANT_KEYS, other.antomPublicKey());
            String id = newId("shared");
            otherClient.callVerified("pay", AntomTestClient.payRequest(id, "1000"));
            assertThat(other.chargeCount(id)).isEqualTo(1);
            assertThat(simulator.payment(id)).isEmpty();
            // our merchant is unknown over there
            assertThat(client.call("pay", AntomTestClient.payRequest(id, "1000")).resultCode()).isEqualTo("SUCCESS");
            assertThat(new AntomTestClient(other.baseUrl(), CLIENT_ID, MERCHANT_KEYS, other.antomPublicKey())
                    .call("pay", AntomTestClient.payRequest(id, "1000")).resultCode()).isEqualTo("INVALID_CLIENT");
        }
    }

    @Test
    void keysNeverShowInToString() {
        assertThat(simulator.toString()).doesNotContain(AntomKeys.toBase64(ANTOM_KEYS.getPrivate()).substring(0, 40));
        assertThat(simulator.faults().signResponsesWith(ANTOM_KEYS.getPrivate()).toString())
                .contains("signResponsesWithWrongKey=true").doesNotContain("MII");
    }
}
