package io.camelantom.routes.notification;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.testsupport.LogLines;
import io.camelantom.signing.AntomKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.camelantom.routes.notification.BridgeFixture.CAPTURE_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.CLIENT_ID;
import static io.camelantom.routes.notification.BridgeFixture.OTHER_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.PATH;
import static io.camelantom.routes.notification.BridgeFixture.PAYMENT_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.REFUND_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, altered, stale, incomplete and oversized notifications: each gets a 4xx with a short JSON reason, one WARN
 * line without body content, and nothing reaches JMS.
 */
class NotificationBridgeRejectionIT extends BridgeTestSupport {

    /** Personal data a buyer's notification may carry; it must never appear in a log line. */
    private static final String BUYER_NAME = "Jane Quincy Buyer";
    private static final String BUYER_EMAIL = "jane.buyer@example.com";

    LogLines log;

    @BeforeEach
    void captureLog() {
        log = new LogLines();
    }

    @AfterEach
    void stopCapturingLog() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void tamperedBodyIsRejected() throws Exception {
        byte[] body = buyerNotification("tampered-1", "1000");
        Map<String, String> headers = signed.headers(CLIENT_ID, PATH, body);
        byte[] tampered = buyerNotification("tampered-1", "1");
        assertRejected(app.post(tampered, headers), 401, "INVALID_SIGNATURE");
    }

    @Test
    void signatureMadeWithAnotherKeyIsRejected() throws Exception {
        byte[] body = buyerNotification("forged-1", "1000");
        SignedNotifications forger = new SignedNotifications(AntomKeys.generateRsaKeyPair(2048).getPrivate());
        assertRejected(app.post(body, forger.headers(CLIENT_ID, PATH, body)), 401, "INVALID_SIGNATURE");
    }

    @Test
    void signatureOverAnotherPathIsRejected() throws Exception {
        byte[] body = buyerNotification("other-path-1", "1000");
        assertRejected(app.post(body, signed.headers(CLIENT_ID, "/somewhere/else", body)), 401, "INVALID_SIGNATURE");
    }

    @Test
    void staleRequestTimeIsRejectedEvenWhenCorrectlySigned() throws Exception {
        byte[] body = buyerNotification("stale-1", "1000");
        String tenMinutesAgo = SignedNotifications.ago(Duration.ofMinutes(10));
        assertRejected(app.post(body, signed.headers(CLIENT_ID, PATH, tenMinutesAgo, body)), 401, "REQUEST_TIME_OUT_OF_WINDOW");
        String inTenMinutes = SignedNotifications.ago(Duration.ofMinutes(-10));
        assertRejected(app.post(body, signed.headers(CLIENT_ID, PATH, inTenMinutes, body)), 401, "REQUEST_TIME_OUT_OF_WINDOW");
    }

    @Test
    void unreadableRequestTimeIsRejected() throws Exception {
        byte[] body = buyerNotification("bad-time-1", "1000");
        assertRejected(app.post(body, signed.headers(CLIENT_ID, PATH, "yesterday noon", body)), 400, "PARAM_ILLEGAL");
    }

    @Test
    void missingHeadersAreRejected() throws Exception {
        byte[] body = buyerNotification("missing-1", "1000");
        assertRejected(app.post(body, without(signed.headers(CLIENT_ID, PATH, body), "signature")), 401, "INVALID_SIGNATURE");
        assertRejected(app.post(body, without(signed.headers(CLIENT_ID, PATH, body), "request-time")), 400, "PARAM_ILLEGAL");
        assertRejected(app.post(body, without(signed.headers(CLIENT_ID, PATH, body), "client-id")), 400, "PARAM_ILLEGAL");
        assertRejected(app.post(body, Map.of()), 400, "PARAM_ILLEGAL");
    }

    @Test
    void unknownClientIdIsRejected() throws Exception {
        byte[] body = buyerNotification("other-client-1", "1000");
        assertRejected(app.post(body, signed.headers("SOMEONE_ELSE", PATH, body)), 401, "INVALID_CLIENT");
    }

    @Test
    void correctlySignedMalformedJsonIsRejected() throws Exception {
        byte[] broken = ("{\"notifyType\":\"PAYMENT_RESULT\",\"pspCustomerInfo\":{\"pspCustomerId\":\"" + BUYER_EMAIL
                         + "\",\"displayCustomerId\":\"" + BUYER_NAME + "\"").getBytes(StandardCharsets.UTF_8);
        assertRejected(app.post(broken, signed.headers(CLIENT_ID, PATH, broken)), 400, "PARAM_ILLEGAL");
        byte[] array = ("[\"" + BUYER_NAME + "\"]").getBytes(StandardCharsets.UTF_8);
        assertRejected(app.post(array, signed.headers(CLIENT_ID, PATH, array)), 400, "PARAM_ILLEGAL");
    }

    @Test
    void correctlySignedNotificationWithoutItsIdsIsRejected() throws Exception {
        byte[] body = "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertRejected(app.post(body, signed.headers(CLIENT_ID, PATH, body)), 400, "PARAM_ILLEGAL");
    }

    @Test
    void oversizedBodyIsRejected() throws Exception {
        byte[] body = new byte[70_000];
        Arrays.fill(body, (byte) ' ');
        byte[] json = buyerNotification("big-1", "1000");
        System.arraycopy(json, 0, body, 0, json.length);
        assertRejected(app.post(body, signed.headers(CLIENT_ID, PATH, body)), 413, "BODY_TOO_LARGE");
    }

    /** What a production log holds (INFO and above) never quotes the body: no buyer name, no e-mail, no amounts. */
    @Test
    void logLinesHoldNoPersonalDataFromTheBody() throws Exception {
        byte[] body = buyerNotification("privacy-1", "4711");
        HttpResponse<byte[]> accepted = app.post(body, signed.headers(CLIENT_ID, PATH, body));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        byte[] tampered = buyerNotification("privacy-1", "4712");
        app.post(tampered, signed.headers(CLIENT_ID, PATH, body));
        byte[] broken = Arrays.copyOf(body, body.length - 1);
        app.post(broken, signed.headers(CLIENT_ID, PATH, broken));
        app.post(body, signed.headers(CLIENT_ID, PATH, SignedNotifications.ago(Duration.ofHours(1)), body));
        broker.stop();
        byte[] unpublished = buyerNotification("privacy-2", "4713");
        assertThat(app.post(unpublished, signed.headers(CLIENT_ID, PATH, unpublished)).statusCode()).isEqualTo(503);

        String text = log.text();
        assertThat(text).contains("privacy-1").contains("privacy-2");
        assertThat(text).doesNotContain(BUYER_NAME).doesNotContain("Jane").doesNotContain(BUYER_EMAIL)
                .doesNotContain("pspCustomerInfo").doesNotContain("ALIPAY_CN");
        assertThat(warnings()).hasSize(3);
    }

    // ------------------------------------------------------------------ helpers

    private void assertRejected(HttpResponse<byte[]> response, int status, String resultCode) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = AntomJson.readTree(response.body());
        assertThat(answer.path("result").path("resultStatus").asText()).isEqualTo("F");
        assertThat(answer.path("result").path("resultCode").asText()).isEqualTo(resultCode);
        assertThat(answer.path("result").path("resultMessage").asText()).isNotBlank();
        assertThat(BridgeFixture.text(response)).doesNotContain("SUCCESS");
        for (String queue : List.of(PAYMENT_QUEUE, REFUND_QUEUE, CAPTURE_QUEUE, OTHER_QUEUE)) {
            assertThat(broker.count(queue)).as("messages on " + queue).isZero();
        }
        List<String> warnings = warnings();
        assertThat(warnings).as("one WARN line per refusal").isNotEmpty();
        assertThat(warnings.get(warnings.size() - 1)).contains(String.valueOf(status)).contains(resultCode);
        assertThat(log.text()).doesNotContain(BUYER_NAME).doesNotContain(BUYER_EMAIL);
    }

    private List<String> warnings() {
        return log.lines().stream().filter(l -> l.startsWith("WARN " + NotificationAnswers.class.getName())).toList();
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    /** A PAYMENT_RESULT carrying a buyer's personal data, as some payment methods send it. */
    private static byte[] buyerNotification(String paymentRequestId, String value) {
        return ("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success.\"},\"paymentRequestId\":\"" + paymentRequestId + "\",\"paymentId\":\"2026112200"
                + paymentRequestId.length() + "\",\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"" + value + "\"},"
                + "\"pspCustomerInfo\":{\"pspName\":\"ALIPAY_CN\",\"pspCustomerId\":\"" + BUYER_EMAIL
                + "\",\"displayCustomerId\":\"" + BUYER_NAME + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
