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

import javax.crypto.SecretKey;

import io.camelantom.encryption.AntomEncryption;
import io.camelantom.encryption.AntomEncryptionException;
import io.camelantom.encryption.EncryptHeader;
import io.camelantom.encryption.ResponseKeyMode;
import io.camelantom.encryption.RsaAes;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;

/**
 * The Antom API over HTTP: {@code POST /ams/api/v1/payments/<operation>} and the same under
 * {@code /ams/sandbox/api/v1/payments/}; the v2 in-store API under {@code /openapi/v2/payments/} and
 * {@code /v2/payments/}. Applies request faults, checks the client and the request signature (over the bytes received,
 * ciphertext for an encrypted v2 request), decrypts an RSA_AES v2 request, parses the body, hands the call to
 * {@link PaymentsApi} (through {@link V2Api} for v2), encrypts the answer to an encrypted request and signs it.
 */
final class AmsApiHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AmsApiHandler.class);

    static final String LIVE_PREFIX = "/ams/api/v1/payments/";
    static final String SANDBOX_PREFIX = "/ams/sandbox/api/v1/payments/";
    static final String V2_OPENAPI_PREFIX = "/openapi/v2/payments/";
    static final String V2_PREFIX = "/v2/payments/";
    /** v2's time format: ISO-8601 with milliseconds and offset [doc]. */
    private static final java.time.format.DateTimeFormatter V2_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    /** How the simulator treats RSA_AES (v2). */
    record Encryption(RsaAes rsaAes, PrivateKey antomPrivateKey, boolean required, ResponseKeyMode answerKey) {
    }

    /** What an answer to a v2 request needs: the AES key of an encrypted request and the merchant's public key. */
    private record V2Context(SecretKey requestKey, PublicKey merchantKey) {
    }

    private final Map<String, AntomVerifier> merchants;
    private final Map<String, PublicKey> merchantKeys;
    private final Encryption encryption;
    private final V2Api v2;
    private final AntomSigner signer;
    private final int keyVersion;
    private final Faults faults;
    private final PaymentsApi payments;
    private final AmsJson json;
    private final Clock clock;

    AmsApiHandler(Map<String, PublicKey> merchantKeys, AntomSigner signer, int keyVersion, Faults faults,
            PaymentsApi payments, AmsJson json, Clock clock, Encryption encryption) {
        this.merchants = new java.util.HashMap<>();
        this.merchantKeys = Map.copyOf(merchantKeys);
        this.encryption = encryption;
        this.v2 = new V2Api(payments, json);
        merchantKeys.forEach((clientId, key) -> merchants.put(clientId, AntomVerifier.of(key)));
        this.signer = signer;
        this.keyVersion = keyVersion;
        this.faults = faults;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    static boolean isApiPath(String path) {
        return path.startsWith(LIVE_PREFIX) || path.startsWith(SANDBOX_PREFIX) || isV2Path(path);
    }

    static boolean isV2Path(String path) {
        return path.startsWith(V2_OPENAPI_PREFIX) || path.startsWith(V2_PREFIX);
    }

    private static int prefixLength(String path) {
        for (String prefix : new String[] { LIVE_PREFIX, SANDBOX_PREFIX, V2_OPENAPI_PREFIX, V2_PREFIX }) {
            if (path.startsWith(prefix)) {
                return prefix.length();
            }
        }
        throw new IllegalArgumentException("not an API path: " + path);
    }

    void handle(HttpExchange exchange) throws IOException {
        Faults.RequestFault fault = faults.takeRequestFault();
        switch (fault.kind()) {
            case RESET -> {
                // closing the exchange before any response header is sent drops the connection: the client sees no answer
                LOG.info("fault injection: connection closed without a response for {}", exchange.getRequestURI().getRawPath());
                return;
            }
            case FAIL -> {
                pause(faults.latency());
                int status = fault.httpStatus();
                send(exchange, ApiResult.unsigned(status, json.resultBody("U", "UNKNOWN_EXCEPTION",
                        "simulated HTTP " + status + " (fault injection), nothing was processed")), null, null);
                return;
            }
            default -> {
            }
        }
        String path = exchange.getRequestURI().getRawPath();
        String signedPath = exchange.getRequestURI().getRawQuery() == null ? path : path + "?" + exchange.getRequestURI().getRawQuery();
        String operation = path.substring(prefixLength(path));
        boolean isV2 = isV2Path(path);
        if (isV2 && !V2Api.OPERATIONS.contains(operation)) {
            send(exchange, ApiResult.unsigned(404, json.resultBody("F", "NO_INTERFACE_DEF",
                    "the simulator serves v2 payments/{pay, inquiryPayment, refund} (and, UNCONFIRMED, cancel, inquiryRefund)")),
                    null, null);
            return;
        }
        if (!isV2 && !PaymentsApi.OPERATIONS.contains(operation)) {
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
            send(exchange, ApiResult.ok(json.resultBody("F", "INVALID_CLIENT", "unknown client-id " + clientId)), signedPath, clientId,
                    isV2 ? new V2Context(null, null) : null);
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
        V2Context v2Context = null;
        byte[] plaintext = body;
        if (isV2) {
            // verified over the ciphertext: now decrypt; errors are signed but in clear (no usable key to answer with)
            String encrypt = exchange.getRequestHeaders().getFirst("encrypt");
            SecretKey requestKey = null;
            if (encrypt != null && !encrypt.isBlank()) {
                try {
                    EncryptHeader header = EncryptHeader.parse(encrypt);
                    if (header.keyVersion() != null && header.keyVersion() != keyVersion) {
                        refuse(exchange, signedPath, clientId, "KEY_NOT_FOUND",
                                "no encryption key with keyVersion " + header.keyVersion() + " for client-id " + clientId);
                        return;
                    }
                    requestKey = encryption.rsaAes().unwrap(header, encryption.antomPrivateKey());
                    plaintext = encryption.rsaAes().decrypt(body, requestKey);
                } catch (AntomEncryptionException e) {
                    LOG.info("POST {} from client-id {}: cannot decrypt ({})", path, clientId, e.getReason());
                    refuse(exchange, signedPath, clientId,
                            e.getReason() == AntomEncryptionException.Reason.BAD_HEADER ? "PARAM_ILLEGAL" : "MSG_PARSE_ERROR",
                            e.getReason() == AntomEncryptionException.Reason.KEY_UNWRAP_FAILED
                                    ? "the symmetricKey cannot be decrypted with Antom's key (wrong encryption public key?)"
                                    : "the encrypted message cannot be decrypted: " + e.getMessage());
                    return;
                }
            } else if (encryption.required()) {
                refuse(exchange, signedPath, clientId, "PARAM_ILLEGAL",
                        "the Encrypt header is required: encrypt the body with RSA_AES");
                return;
            }
            v2Context = new V2Context(requestKey, merchantKeys.get(clientId));
        }
        ApiResult result;
        try {
            JsonNode request = json.mapper().readTree(plaintext);
            if (request == null || !request.isObject()) {
                throw new ParamIllegalException("the body must be a JSON object");
            }
            result = isV2 ? v2.handle(operation, clientId, request) : payments.handle(operation, clientId, request);
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
        send(exchange, result, signedPath, clientId, v2Context);
    }

    /** A v2 request refused before it reached the payments API: F, signed as Antom signs errors, in clear. */
    private void refuse(HttpExchange exchange, String signedPath, String clientId, String code, String message)
            throws IOException {
        pause(faults.latency());
        send(exchange, ApiResult.ok(json.resultBody("F", code, message)), signedPath, clientId, new V2Context(null, null));
    }

    private void send(HttpExchange exchange, ApiResult result, String signedPath, String clientId) throws IOException {
        send(exchange, result, signedPath, clientId, null);
    }

    private void send(HttpExchange exchange, ApiResult result, String signedPath, String clientId, V2Context v2Context)
            throws IOException {
        byte[] bytes = json.bytes(result.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        if (v2Context != null && v2Context.requestKey() != null && result.signed() && result.httpStatus() == 200) {
            // encrypt first, then sign (the signature covers the ciphertext)
            RsaAes.Sealed sealed;
            if (faults.takeGarbledEncryptedAnswer()) {
                sealed = encryption.rsaAes().sealWith(bytes, encryption.rsaAes().newKey());
            } else if (encryption.answerKey() == ResponseKeyMode.RESPONSE_HEADER) {
                sealed = encryption.rsaAes().seal(bytes, v2Context.merchantKey(), null);
                exchange.getResponseHeaders().set("encrypt", sealed.header());
            } else {
                sealed = encryption.rsaAes().sealWith(bytes, v2Context.requestKey());
            }
            bytes = sealed.body();
            exchange.getResponseHeaders().set("Content-Type", AntomEncryption.DEFAULT_CONTENT_TYPE);
        }
        if (result.signed() && signedPath != null) {
            String responseTime = v2Context != null ? V2_TIME.format(clock.instant().atZone(clock.getZone()))
                    : json.time(clock.instant());
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
