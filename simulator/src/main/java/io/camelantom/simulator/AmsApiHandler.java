package io.camelantom.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;

/**
 * The Antom API over HTTP: {@code POST /ams/api/v1/payments/<operation>} and the same under
 * {@code /ams/sandbox/api/v1/payments/}. Applies request faults, checks the client and the request signature, parses
 * the body, hands the call to {@link PaymentsApi} and signs the answer.
 */
final class AmsApiHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AmsApiHandler.class);

    static final String LIVE_PREFIX = "/ams/api/v1/payments/";
    static final String SANDBOX_PREFIX = "/ams/sandbox/api/v1/payments/";

    private final Map<String, AntomVerifier> merchants;
    private final AntomSigner signer;
    private final int keyVersion;
    private final Faults faults;
    private final PaymentsApi payments;
    private final AmsJson json;
    private final Clock clock;

    AmsApiHandler(Map<String, PublicKey> merchantKeys, AntomSigner signer, int keyVersion, Faults faults,
            PaymentsApi payments, AmsJson json, Clock clock) {
        this.merchants = new java.util.HashMap<>();
        merchantKeys.forEach((clientId, key) -> merchants.put(clientId, AntomVerifier.of(key)));
        this.signer = signer;
        this.keyVersion = keyVersion;
        this.faults = faults;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    static boolean isApiPath(String path) {
        return path.startsWith(LIVE_PREFIX) || path.startsWith(SANDBOX_PREFIX);
    }

    void handle(HttpExchange exchange) throws IOException {
        switch (faults.takeRequestFault()) {
            case RESET -> {
                // closing the exchange before any response header is sent drops the connection: the client sees no answer
                LOG.info("fault injection: connection closed without a response for {}", exchange.getRequestURI().getRawPath());
                return;
            }
            case FAIL -> {
                pause(faults.latency());
                int status = faults.failStatus();
                send(exchange, ApiResult.unsigned(status, json.resultBody("U", "UNKNOWN_EXCEPTION",
                        "simulated HTTP " + status + " (fault injection), nothing was processed")), null, null);
                return;
            }
            default -> {
            }
        }
        String path = exchange.getRequestURI().getRawPath();
        String signedPath = exchange.getRequestURI().getRawQuery() == null ? path : path + "?" + exchange.getRequestURI().getRawQuery();
        String operation = path.substring(path.startsWith(LIVE_PREFIX) ? LIVE_PREFIX.length() : SANDBOX_PREFIX.length());
        if (!PaymentsApi.OPERATIONS.contains(operation)) {
            send(exchange, ApiResult.unsigned(404, json.resultBody("F", "NO_INTERFACE_DEF",
                    "the simulator serves payments/{pay, inquiryPayment, cancel, refund, inquiryRefund, capture}")), null, null);
            return;
        }
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            send(exchange, ApiResult.unsigned(405, json.resultBody("F", "METHOD_NOT_SUPPORTED", "only POST is supported")), null, null);
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String clientId = exchange.getRequestHeaders().getFirst("client-id");
        if (clientId == null || clientId.isBlank()) {
            send(exchange, ApiResult.unsigned(200, json.resultBody("F", "INVALID_CLIENT", "the client-id header is missing")), null, null);
            return;
        }
        AntomVerifier verifier = merchants.get(clientId);
        if (verifier == null) {
            pause(faults.latency());
            send(exchange, ApiResult.ok(json.resultBody("F", "INVALID_CLIENT", "unknown client-id " + clientId)), signedPath, clientId);
            return;
        }
        try {
            verifier.verify("POST", signedPath, clientId, exchange.getRequestHeaders().getFirst("request-time"), body,
                    exchange.getRequestHeaders().getFirst("signature"));
        } catch (AntomSignatureException e) {
            LOG.info("{} {} from client-id {}: INVALID_SIGNATURE ({})", "POST", path, clientId, e.getReason());
            pause(faults.latency());
            // Antom does not sign its INVALID_SIGNATURE answers
            send(exchange, ApiResult.unsigned(200, json.resultBody("F", "INVALID_SIGNATURE", e.getMessage())), null, null);
            return;
        }
        ApiResult result;
        try {
            JsonNode request = json.mapper().readTree(body);
            if (request == null || !request.isObject()) {
                throw new ParamIllegalException("the body must be a JSON object");
            }
            result = payments.handle(operation, clientId, request);
        } catch (JsonProcessingException e) {
            result = ApiResult.ok(json.resultBody("F", "PARAM_ILLEGAL", "the body is not valid JSON: " + e.getOriginalMessage()));
        } catch (ParamIllegalException e) {
            result = ApiResult.ok(json.resultBody("F", "PARAM_ILLEGAL", e.getMessage()));
        } catch (RuntimeException e) {
            // a simulator bug: answer like an Antom outage rather than dropping the connection
            LOG.error("POST {} from client-id {} failed inside the simulator", path, clientId, e);
            result = ApiResult.unsigned(500, json.resultBody("U", "UNKNOWN_EXCEPTION", "internal simulator error"));
        }
        ObjectNode resultNode = (ObjectNode) result.body().get("result");
        LOG.info("POST {} from client-id {}: HTTP {} {} {}", path, clientId, result.httpStatus(),
                resultNode == null ? "" : resultNode.path("resultStatus").asText(),
                resultNode == null ? "" : resultNode.path("resultCode").asText());
        pause(faults.latency().plus(result.delay()));
        send(exchange, result, signedPath, clientId);
    }

    private void send(HttpExchange exchange, ApiResult result, String signedPath, String clientId) throws IOException {
        byte[] bytes = json.bytes(result.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        if (result.signed() && signedPath != null) {
            String responseTime = json.time(clock.instant());
            PrivateKey wrongKey = faults.wrongKey();
            AntomSigner responseSigner = wrongKey == null ? signer : new AntomSigner(wrongKey, keyVersion);
            exchange.getResponseHeaders().set("client-id", clientId);
            exchange.getResponseHeaders().set("response-time", responseTime);
            exchange.getResponseHeaders().set("signature",
                    responseSigner.sign("POST", signedPath, clientId, responseTime, bytes).format());
        }
        exchange.sendResponseHeaders(result.httpStatus(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
