package io.camelantom.routes.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.camelantom.model.AntomNotification;
import io.camelantom.notification.AntomNotificationVerifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationGateTest {

    @Test
    void requestTimeIsReadInTheFormsAntomAndItsSdkUse() {
        Instant t = Instant.parse("2019-07-12T06:38:56.253Z");
        assertThat(NotificationGate.parseRequestTime("2019-07-12T12:08:56.253+05:30")).isEqualTo(t);
        assertThat(NotificationGate.parseRequestTime("2019-07-12T06:38:56.253Z")).isEqualTo(t);
        assertThat(NotificationGate.parseRequestTime("2019-07-12T12:08:56.253+0530")).isEqualTo(t);
        assertThat(NotificationGate.parseRequestTime("2019-07-12T12:08:56+05:30")).isEqualTo(Instant.parse("2019-07-12T06:38:56Z"));
        assertThat(NotificationGate.parseRequestTime(" 1562913536253 ")).isEqualTo(t);
        assertThatThrownBy(() -> NotificationGate.parseRequestTime("2019-07-12T12:08:56")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> NotificationGate.parseRequestTime("yesterday")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void keyNamesTypeIdsAndStatus() {
        assertThat(key("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultStatus\":\"S\"},\"paymentRequestId\":\"p1\",\"paymentId\":\"a1\"}"))
                .isEqualTo("PAYMENT_RESULT|p1|a1|S");
        assertThat(key("{\"notifyType\":\"PAYMENT_PENDING\",\"result\":{\"resultStatus\":\"U\"},\"paymentRequestId\":\"p1\"}"))
                .isEqualTo("PAYMENT_PENDING|p1||U");
        assertThat(key("{\"notifyType\":\"REFUND_RESULT\",\"result\":{\"resultStatus\":\"S\"},\"refundStatus\":\"SUCCESS\",\"refundRequestId\":\"r1\",\"refundId\":\"b1\"}"))
                .isEqualTo("REFUND_RESULT|r1|b1|SUCCESS");
        assertThat(key("{\"notifyType\":\"CAPTURE_RESULT\",\"result\":{\"resultStatus\":\"F\"},\"captureRequestId\":\"c1\",\"captureId\":\"d1\"}"))
                .isEqualTo("CAPTURE_RESULT|c1|d1|F");
        assertThat(key("{\"disputeNotificationType\":\"DISPUTE_CREATED\"}")).startsWith("UNTYPED|").hasSize(8 + 64);
        String longId = "x".repeat(300);
        assertThat(key("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultStatus\":\"S\"},\"paymentRequestId\":\"" + longId + "\"}"))
                .startsWith("PAYMENT_RESULT|").hasSize(15 + 64);
    }

    @Test
    void aNewStatusIsANewKeyAndAResendTheSameKey() {
        String paid = "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultStatus\":\"S\"},\"paymentRequestId\":\"p1\",\"paymentId\":\"a1\"}";
        String failed = paid.replace("\"S\"", "\"F\"");
        assertThat(key(paid)).isEqualTo(key(paid)).isNotEqualTo(key(failed));
    }

    @Test
    void notificationWithoutTheIdsItIsKeyedOnIsMalformed() {
        assertThatThrownBy(() -> key("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultStatus\":\"S\"}}"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("paymentRequestId");
        assertThatThrownBy(() -> key("{\"notifyType\":\"REFUND_RESULT\",\"refundId\":\"b1\"}"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("refundStatus");
    }

    @Test
    void destinationOptionsAreAppended() {
        assertThat(NotificationDestinations.withOptions("jms:queue:a", "deliveryMode=2", null)).isEqualTo("jms:queue:a?deliveryMode=2");
        assertThat(NotificationDestinations.withOptions("jms:queue:a?priority=9", "deliveryMode=2", "cf"))
                .isEqualTo("jms:queue:a?priority=9&deliveryMode=2&connectionFactory=#bean:cf");
        assertThat(NotificationDestinations.withOptions("direct:x", null, null)).isEqualTo("direct:x");
        NotificationDestinations d = new NotificationDestinations("p", "pp", "r", "c", "o");
        assertThat(d.forType("PAYMENT_RESULT")).isEqualTo("p");
        assertThat(d.forType("PAYMENT_PENDING")).isEqualTo("pp");
        assertThat(d.forType("REFUND_RESULT")).isEqualTo("r");
        assertThat(d.forType("CAPTURE_RESULT")).isEqualTo("c");
        assertThat(d.forType("DISPUTE_CREATED")).isEqualTo("o");
        assertThat(d.forType(null)).isEqualTo("o");
    }

    private static String key(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        AntomNotification notification = AntomNotificationVerifier.parse(body);
        return NotificationGate.deduplicationKey(notification, body);
    }
}
