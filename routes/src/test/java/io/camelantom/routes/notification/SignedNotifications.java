package io.camelantom.routes.notification;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelantom.signing.AntomSigner;

/**
 * Notifications signed the way Antom signs them (the connector's signing core), for the types and cases the simulator
 * does not send: PAYMENT_PENDING, CAPTURE_RESULT, forged and stale ones.
 */
final class SignedNotifications {

    /** ISO-8601 with milliseconds and offset, as in Antom's notification example. */
    static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final AntomSigner signer;

    SignedNotifications(PrivateKey antomPrivateKey) {
        this.signer = new AntomSigner(antomPrivateKey, 1);
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHoursMinutes(8, 0)).format(REQUEST_TIME);
    }

    static String ago(Duration d) {
        return OffsetDateTime.now(ZoneOffset.ofHoursMinutes(8, 0)).minus(d).format(REQUEST_TIME);
    }

    /** client-id, request-time (now) and signature headers for {@code body} posted to {@code path}. */
    Map<String, String> headers(String clientId, String path, byte[] body) {
        return headers(clientId, path, now(), body);
    }

    Map<String, String> headers(String clientId, String path, String requestTime, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("client-id", clientId);
        headers.put("request-time", requestTime);
        headers.put("signature", signer.sign("POST", path, clientId, requestTime, body).format());
        return headers;
    }

    static byte[] paymentResult(String paymentRequestId, String paymentId, String status, String code, String value) {
        return ("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"" + code + "\",\"resultStatus\":\"" + status
                + "\",\"resultMessage\":\"success.\"},\"paymentRequestId\":\"" + paymentRequestId + "\",\"paymentId\":\""
                + paymentId + "\",\"paymentAmount\":{\"currency\":\"EUR\",\"value\":\"" + value + "\"},"
                + "\"paymentCreateTime\":\"2026-11-22T08:00:00+08:00\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] paymentPending(String paymentRequestId, String paymentId) {
        return ("{\"notifyType\":\"PAYMENT_PENDING\",\"result\":{\"resultCode\":\"PAYMENT_PENDING\",\"resultStatus\":\"U\","
                + "\"resultMessage\":\"payment pending\"},\"paymentRequestId\":\"" + paymentRequestId + "\",\"paymentId\":\""
                + paymentId + "\",\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"2500\"}}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] captureResult(String captureRequestId, String paymentId, String captureId) {
        return ("{\"notifyType\":\"CAPTURE_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success.\"},\"captureRequestId\":\"" + captureRequestId + "\",\"paymentId\":\"" + paymentId
                + "\",\"captureId\":\"" + captureId + "\",\"captureAmount\":{\"currency\":\"JPY\",\"value\":\"1200\"},"
                + "\"captureTime\":\"2026-11-22T08:00:01+08:00\"}").getBytes(StandardCharsets.UTF_8);
    }
}
