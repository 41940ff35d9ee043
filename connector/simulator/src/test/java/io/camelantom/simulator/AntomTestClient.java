package io.camelantom.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;

/** A minimal merchant client for tests: signs requests with the signing core and verifies signed responses. */
final class AntomTestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final String clientId;
    private final AntomSigner signer;
    private final AntomVerifier verifier;
    private final HttpClient http;
    private String prefix = "/ams/api/v1/payments/";

    AntomTestClient(String baseUrl, String clientId, KeyPair merchantKeys, PublicKey antomPublicKey) {
        this(baseUrl, clientId, merchantKeys, antomPublicKey, null);
    }

    AntomTestClient(String baseUrl, String clientId, KeyPair merchantKeys, PublicKey antomPublicKey, SSLContext ssl) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.signer = new AntomSigner(merchantKeys.getPrivate(), 1);
        this.verifier = AntomVerifier.of(antomPublicKey);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    AntomTestClient sandbox() {
        prefix = "/ams/sandbox/api/v1/payments/";
        return this;
    }

    /** A response: status, headers, raw body and the parsed JSON. */
    record Response(int status, HttpResponse<byte[]> raw, JsonNode json, String path) {
        String resultStatus() {
            return json.path("result").path("resultStatus").asText();
        }

        String resultCode() {
            return json.path("result").path("resultCode").asText();
        }

        String resultMessage() {
            return json.path("result").path("resultMessage").asText();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        boolean signed() {
            return header("signature") != null;
        }
    }

    Response call(String operation, String body) {
        return call(operation, body, Duration.ofSeconds(10));
    }

    Response call(String operation, String body, Duration timeout) {
        String path = prefix + operation;
        String time = Long.toString(System.currentTimeMillis());
        String signature = signer.sign("POST", path, clientId, time, body).format();
        return send(path, body, time, signature, clientId, timeout);
    }

    Response call(String operation, ObjectNode body) {
        return call(operation, body.toString());
    }

    Response send(String path, String body, String time, String signature, String clientIdHeader, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (clientIdHeader != null) {
            request.header("client-id", clientIdHeader);
        }
        if (time != null) {
            request.header("request-time", time);
        }
        if (signature != null) {
            request.header("signature", signature);
        }
        HttpResponse<byte[]> response = exchange(http, request.build());
        try {
            JsonNode json = response.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), response, json, path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends a request as it is; a test has no use for java.net.http's checked exceptions. */
    static HttpResponse<byte[]> exchange(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Verifies a response's signature with the Antom public key (throws AntomSignatureException when it fails). */
    void verify(Response response) {
        verify(verifier, response.path(), response.raw());
    }

    /** Verifies the signature of an answer to a request on {@code path} (throws AntomSignatureException when it fails). */
    static void verify(AntomVerifier verifier, String path, HttpResponse<byte[]> answer) {
        verifier.verify("POST", path, answer.headers().firstValue("client-id").orElse(null),
                answer.headers().firstValue("response-time").orElse(null), answer.body(),
                answer.headers().firstValue("signature").orElse(null));
    }

    /** Calls and requires a verified, signed answer. */
    Response callVerified(String operation, ObjectNode body) {
        Response response = call(operation, body);
        verify(response);
        return response;
    }

    // ------------------------------------------------------------ request bodies

    static ObjectNode amount(String currency, String value) {
        ObjectNode amount = MAPPER.createObjectNode();
        amount.put("currency", currency);
        amount.put("value", value);
        return amount;
    }

    /** A user-presented-code (PaymentCode) in-store pay request: answered synchronously. */
    static ObjectNode payRequest(String paymentRequestId, String value) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("productCode", "IN_STORE_PAYMENT");
        body.put("paymentRequestId", paymentRequestId);
        ObjectNode order = body.putObject("order");
        order.put("referenceOrderId", "order-" + paymentRequestId);
        order.put("orderDescription", "Cappuccino");
        order.set("orderAmount", amount("USD", value));
        body.set("paymentAmount", amount("USD", value));
        ObjectNode method = body.putObject("paymentMethod");
        method.put("paymentMethodType", "CONNECT_WALLET");
        method.put("paymentMethodId", "281012020110000000001");
        body.putObject("paymentFactor").put("inStorePaymentScenario", "PaymentCode");
        return body;
    }

    static ObjectNode orderCodeRequest(String paymentRequestId, String value, String notifyUrl) {
        ObjectNode body = payRequest(paymentRequestId, value);
        ((ObjectNode) body.get("paymentMethod")).remove("paymentMethodId");
        ((ObjectNode) body.get("paymentFactor")).put("inStorePaymentScenario", "OrderCode");
        if (notifyUrl != null) {
            body.put("paymentNotifyUrl", notifyUrl);
        }
        return body;
    }

    static ObjectNode cashierRequest(String paymentRequestId, String value, String notifyUrl) {
        ObjectNode body = payRequest(paymentRequestId, value);
        body.put("productCode", "CASHIER_PAYMENT");
        body.remove("paymentFactor");
        ((ObjectNode) body.get("paymentMethod")).remove("paymentMethodId");
        ((ObjectNode) body.get("paymentMethod")).put("paymentMethodType", "ALIPAY_CN");
        body.put("paymentRedirectUrl", "https://merchant.example/return");
        if (notifyUrl != null) {
            body.put("paymentNotifyUrl", notifyUrl);
        }
        return body;
    }

    static ObjectNode byRequestId(String paymentRequestId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("paymentRequestId", paymentRequestId);
        return body;
    }

    static ObjectNode refundRequest(String refundRequestId, String paymentId, String currency, String value) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("refundRequestId", refundRequestId);
        body.put("paymentId", paymentId);
        body.set("refundAmount", amount(currency, value));
        return body;
    }
}
