package io.camelantom.routes.notification;

import io.camelantom.routes.testsupport.Await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.component.AntomConstants;
import io.camelantom.model.Amount;
import io.camelantom.model.AntomJson;
import io.camelantom.model.PayRequest;
import io.camelantom.model.RefundRequest;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.simulator.NotificationAttempt;
import io.camelantom.simulator.testing.InStorePayments;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelantom.routes.notification.BridgeFixture.CAPTURE_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.CLIENT_ID;
import static io.camelantom.routes.notification.BridgeFixture.OTHER_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.PATH;
import static io.camelantom.routes.notification.BridgeFixture.PAYMENT_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.REFUND_QUEUE;
import static io.camelantom.routes.notification.BridgeFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification bridge with real parts: the simulator sends signed notifications over HTTP to the route served by
 * Vert.x platform-http, which publishes to a persistent embedded Artemis broker and keeps its de-duplication keys in
 * an H2 file database. Types the simulator does not send are signed here with the simulator's own Antom key.
 */
class NotificationBridgeIT extends BridgeTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Before the application stops: no fault of one test reaches the next. */
    @AfterEach
    void clearFaults() {
        antom.faults().clear();
    }

    // ------------------------------------------------------------------ happy paths, one per notification type

    @Test
    void paidPaymentIsPublishedWithItsHeadersAndAcknowledged() throws Exception {
        String id = newId("paid");
        Exchange paid = pay(id, "1000", null);
        String paymentId = paid.getMessage().getHeader(AntomConstants.PAYMENT_ID, String.class);
        assertThat(paymentId).isNotBlank();

        TextMessage message = (TextMessage) broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message).isNotNull();
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(message.getStringProperty(AntomRouteHeaders.NOTIFY_TYPE)).isEqualTo("PAYMENT_RESULT");
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_ID)).isEqualTo(paymentId);
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_STATUS)).isEqualTo("S");
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_CODE)).isEqualTo("SUCCESS");
        assertThat(message.getStringProperty(AntomRouteHeaders.AMOUNT_VALUE)).isEqualTo("1000");
        assertThat(message.getStringProperty(AntomRouteHeaders.CURRENCY)).isEqualTo("USD");
        // no request header (signature, client-id...) travels to JMS
        assertThat(message.getStringProperty("signature")).isNull();
        JsonNode body = AntomJson.readTree(message.getText().getBytes(StandardCharsets.UTF_8));
        assertThat(body.path("paymentRequestId").asText()).isEqualTo(id);
        assertThat(body.path("result").path("resultStatus").asText()).isEqualTo("S");

        Await.until("the simulator's delivery acknowledged", WAIT, () -> !antom.notificationAttempts(id).isEmpty());
        NotificationAttempt attempt = antom.notificationAttempts(id).get(0);
        assertThat(attempt.acknowledged()).isTrue();
        assertThat(attempt.httpStatus()).isEqualTo(200);
        assertThat(attempt.responseBody()).isEqualTo(NotificationAnswers.ACKNOWLEDGEMENT);
        assertThat(broker.receive(PAYMENT_QUEUE, 300)).isNull();
    }

    @Test
    void failedPaymentIsPublished() throws Exception {
        String id = newId("failed");
        pay(id, "1051", null);
        Message message = broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_STATUS)).isEqualTo("F");
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_CODE)).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        Await.until("acknowledged", WAIT, () -> antom.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged));
    }

    @Test
    void paymentProcessingThenPaidIsPublishedOnceResolved() throws Exception {
        String id = newId("processing");
        Exchange answer = pay(id, "1061", null);
        assertThat(answer.getException()).hasMessageContaining("PAYMENT_IN_PROCESS");
        Message message = broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_STATUS)).isEqualTo("S");
        awaitAcknowledged(id);
    }

    /**
     * The simulator, like Antom, sends nothing on cancel; a payment that stays processing until its expiry time is
     * closed with F ORDER_IS_CLOSED, and that notification is published.
     */
    @Test
    void expiredPaymentIsPublishedAsClosed() throws Exception {
        String id = newId("expired");
        String expiry = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1).withNano(0).toString();
        pay(id, "1063", expiry);
        Message message = broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_STATUS)).isEqualTo("F");
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_CODE)).isEqualTo("ORDER_IS_CLOSED");
        awaitAcknowledged(id);
    }

    @Test
    void refundResultIsPublishedToTheRefundQueue() throws Exception {
        String id = newId("refunded");
        String paymentId = pay(id, "3000", null).getMessage().getHeader(AntomConstants.PAYMENT_ID, String.class);
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();

        String refundRequestId = newId("refund");
        RefundRequest refund = new RefundRequest();
        refund.setRefundRequestId(refundRequestId);
        refund.setPaymentId(paymentId);
        refund.setRefundAmount(new Amount("USD", "1000"));
        refund.setRefundNotifyUrl(app.notifyUrl());
        Exchange refunded = app.context().createProducerTemplate().request("antom:refund", e -> e.getMessage().setBody(refund));
        assertThat(refunded.getException()).isNull();

        Message message = broker.receive(REFUND_QUEUE, WAIT.toMillis());
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(AntomRouteHeaders.NOTIFY_TYPE)).isEqualTo("REFUND_RESULT");
        assertThat(message.getStringProperty(AntomRouteHeaders.REFUND_REQUEST_ID)).isEqualTo(refundRequestId);
        assertThat(message.getStringProperty(AntomRouteHeaders.REFUND_ID)).isNotBlank();
        assertThat(message.getStringProperty(AntomRouteHeaders.REFUND_STATUS)).isEqualTo("SUCCESS");
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_ID)).isEqualTo(paymentId);
        assertThat(message.getStringProperty(AntomRouteHeaders.AMOUNT_VALUE)).isEqualTo("1000");
        assertThat(message.getStringProperty(AntomRouteHeaders.CURRENCY)).isEqualTo("USD");
        assertThat(broker.count(PAYMENT_QUEUE)).isZero();
        Await.until("refund notification acknowledged", WAIT, () -> antom.notificationAttempts(id).stream()
                .anyMatch(a -> refundRequestId.equals(a.refundRequestId()) && a.acknowledged()));
    }

    @Test
    void paymentPendingIsPublishedToThePaymentQueue() throws Exception {
        byte[] body = SignedNotifications.paymentPending("pending-1", "202611220000001");
        HttpResponse<byte[]> response = app.post(body, signed.headers(CLIENT_ID, PATH, body));
        assertThat(response.statusCode()).isEqualTo(200);

        TextMessage message = (TextMessage) broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message.getText()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(message.getStringProperty(AntomRouteHeaders.NOTIFY_TYPE)).isEqualTo("PAYMENT_PENDING");
        assertThat(message.getStringProperty(AntomRouteHeaders.RESULT_STATUS)).isEqualTo("U");
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo("pending-1");
    }

    @Test
    void captureResultIsPublishedToTheCaptureQueue() throws Exception {
        byte[] body = SignedNotifications.captureResult("capture-1", "202611220000002", "302611220000009");
        HttpResponse<byte[]> response = app.post(body, signed.headers(CLIENT_ID, PATH, body));
        assertThat(response.statusCode()).isEqualTo(200);

        TextMessage message = (TextMessage) broker.receive(CAPTURE_QUEUE, WAIT.toMillis());
        assertThat(message.getText()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(message.getStringProperty(AntomRouteHeaders.NOTIFY_TYPE)).isEqualTo("CAPTURE_RESULT");
        assertThat(message.getStringProperty(AntomRouteHeaders.CAPTURE_REQUEST_ID)).isEqualTo("capture-1");
        assertThat(message.getStringProperty(AntomRouteHeaders.CAPTURE_ID)).isEqualTo("302611220000009");
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_ID)).isEqualTo("202611220000002");
        assertThat(message.getStringProperty(AntomRouteHeaders.AMOUNT_VALUE)).isEqualTo("1200");
        assertThat(message.getStringProperty(AntomRouteHeaders.CURRENCY)).isEqualTo("JPY");
    }

    @Test
    void verifiedNotificationOfAnotherTypeGoesToTheOtherQueueOnce() throws Exception {
        byte[] body = "{\"disputeNotificationType\":\"DISPUTE_CREATED\",\"disputeId\":\"d-1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        TextMessage message = (TextMessage) broker.receive(OTHER_QUEUE, WAIT.toMillis());
        assertThat(message.getText()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(broker.receive(OTHER_QUEUE, 300)).isNull();
    }

    @Test
    void acknowledgementIsExactlyAntomsBody() throws Exception {
        byte[] body = SignedNotifications.paymentResult("ack-1", "202611220000003", "S", "SUCCESS", "100");
        HttpResponse<byte[]> response = app.post(body, signed.headers(CLIENT_ID, PATH, body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("client-id")).hasValue(CLIENT_ID);
        // a duplicate gets the same acknowledgement
        HttpResponse<byte[]> again = app.post(body, signed.headers(CLIENT_ID, PATH, body));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(response.body());
        assertThat(broker.count(PAYMENT_QUEUE)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ resends, duplicates, outages, restarts

    @Test
    void brokerOutageIsAnsweredWithNonSuccessAndTheResendIsPublishedExactlyOnce() throws Exception {
        broker.stop();
        String id = newId("outage");
        pay(id, "1000", null);
        Await.until("a delivery refused while the broker is down", WAIT,
                () -> antom.notificationAttempts(id).stream().anyMatch(a -> !a.acknowledged() && a.httpStatus() == 503));
        NotificationAttempt refused = antom.notificationAttempts(id).get(0);
        assertThat(refused.responseBody()).contains("\"resultStatus\":\"U\"").doesNotContain("SUCCESS");

        broker.start();
        Await.until("a resend acknowledged", Duration.ofSeconds(20),
                () -> antom.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged));
        Message message = broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(broker.receive(PAYMENT_QUEUE, 500)).isNull();

        List<NotificationAttempt> attempts = antom.notificationAttempts(id);
        assertThat(attempts.get(0).acknowledged()).isFalse();
        assertThat(attempts.get(attempts.size() - 1).acknowledged()).isTrue();
        assertThat(attempts.stream().filter(NotificationAttempt::acknowledged)).hasSize(1);
    }

    @Test
    void duplicateDeliveriesArePublishedOnce() throws Exception {
        antom.faults().duplicateNotifications(true);
        String id = newId("duplicate");
        pay(id, "1000", null);
        Await.until("both deliveries answered", WAIT, () -> antom.notificationAttempts(id).size() >= 2);
        assertThat(antom.notificationAttempts(id)).allMatch(NotificationAttempt::acknowledged);
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();
        assertThat(broker.receive(PAYMENT_QUEUE, 500)).isNull();
    }

    @Test
    void droppedDeliveryIsResentAndPublishedOnce() throws Exception {
        antom.faults().dropNotifications(1);
        String id = newId("dropped");
        pay(id, "1000", null);
        Await.until("the resend acknowledged", WAIT,
                () -> antom.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged));
        assertThat(antom.notificationAttempts(id).get(0).acknowledged()).isFalse();
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();
        assertThat(broker.receive(PAYMENT_QUEUE, 300)).isNull();
    }

    @Test
    void concurrentDeliveriesOfOneNotificationArePublishedOnce() throws Exception {
        byte[] body = SignedNotifications.paymentResult("concurrent-1", "202611220000004", "S", "SUCCESS", "100");
        int deliveries = 6;
        List<Thread> threads = new java.util.ArrayList<>();
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < deliveries; i++) {
            Map<String, String> headers = signed.headers(CLIENT_ID, PATH, body);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    statuses.add(app.post(body, headers).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(WAIT.toMillis());
        }
        assertThat(statuses).hasSize(deliveries).containsOnly(200);
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();
        assertThat(broker.receive(PAYMENT_QUEUE, 500)).isNull();
    }

    @Test
    void notificationSeenBeforeARestartIsNotPublishedAgain() throws Exception {
        byte[] body = SignedNotifications.paymentResult("restart-1", "202611220000005", "S", "SUCCESS", "100");
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();

        // a new, empty broker: only the H2 store can recognise the notification now (not Artemis' duplicate ids)
        app.close();
        app = null;
        broker.close();
        broker = new EmbeddedBroker(brokerDir.resolve("after-restart")).start();
        app = BridgeFixture.start(databaseDir, broker, simulator);
        HttpResponse<byte[]> resent = app.post(body, signed.headers(CLIENT_ID, PATH, body));
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(text(resent)).isEqualTo(NotificationAnswers.ACKNOWLEDGEMENT);
        assertThat(broker.receive(PAYMENT_QUEUE, 500)).isNull();

        // a new outcome of the same payment is a new notification
        byte[] failed = SignedNotifications.paymentResult("restart-1", "202611220000005", "F", "ORDER_IS_CLOSED", "100");
        assertThat(app.post(failed, signed.headers(CLIENT_ID, PATH, failed)).statusCode()).isEqualTo(200);
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();
    }

    /**
     * The second layer alone: with a store that never remembers (as when two deliveries pass the check at the same
     * instant), Artemis drops the second copy because both carry the same _AMQ_DUPL_ID.
     */
    @Test
    void brokerDropsASecondCopyCarryingTheSameDuplicateId() throws Exception {
        app.close();
        app = BridgeFixture.start(databaseDir, broker, simulator,
                Map.of(NotificationBridgeRouteTemplate.IDEMPOTENT_REPOSITORY, "forgetful"),
                c -> c.getRegistry().bind("forgetful", new ForgetfulRepository()));
        byte[] body = SignedNotifications.paymentResult("artemis-dup-1", "202611220000006", "S", "SUCCESS", "100");
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        Message message = broker.receive(PAYMENT_QUEUE, WAIT.toMillis());
        assertThat(message.getStringProperty(NotificationBridgeRouteTemplate.ARTEMIS_DUPLICATE_ID))
                .isEqualTo("PAYMENT_RESULT|artemis-dup-1|202611220000006|S");
        assertThat(broker.receive(PAYMENT_QUEUE, 500)).isNull();
    }

    /**
     * The store fails to record the key after the send (its database went away): the notification is published once,
     * and Antom's next delivery, which the store cannot recognise either, is dropped by the broker.
     */
    @Test
    void storeFailingAfterTheSendStillPublishesOnce() throws Exception {
        app.close();
        app = BridgeFixture.start(databaseDir, broker, simulator,
                Map.of(NotificationBridgeRouteTemplate.IDEMPOTENT_REPOSITORY, "failing"),
                c -> c.getRegistry().bind("failing", new ForgetfulRepository() {
                    @Override
                    public boolean add(String key) {
                        throw new IllegalStateException("the de-duplication database is unreachable");
                    }
                }));
        byte[] body = SignedNotifications.paymentResult("store-down-1", "202611220000008", "S", "SUCCESS", "100");
        // the message was stored before the key failed: acknowledged (Camel logs the store's failure as a WARN)
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        assertThat(app.post(body, signed.headers(CLIENT_ID, PATH, body)).statusCode()).isEqualTo(200);
        assertThat(broker.receive(PAYMENT_QUEUE, WAIT.toMillis())).isNotNull();
        assertThat(broker.receive(PAYMENT_QUEUE, 500)).isNull();
    }

    /** An idempotent repository that never remembers a key. */
    static class ForgetfulRepository extends org.apache.camel.support.service.ServiceSupport
            implements org.apache.camel.spi.IdempotentRepository {
        @Override
        public boolean add(String key) {
            return true;
        }

        @Override
        public boolean contains(String key) {
            return false;
        }

        @Override
        public boolean remove(String key) {
            return true;
        }

        @Override
        public boolean confirm(String key) {
            return true;
        }

        @Override
        public void clear() {
        }
    }

    // ------------------------------------------------------------------ helpers

    private Exchange pay(String paymentRequestId, String minorUnits, String expiry) {
        PayRequest pay = InStorePayments.userPresented(paymentRequestId, minorUnits);
        pay.setPaymentNotifyUrl(app.notifyUrl());
        pay.setPaymentExpiryTime(expiry);
        // a U answer (61, 63) fails the exchange with AntomRetryableException: the notification follows later
        return app.context().createProducerTemplate().request("antom:pay", e -> e.getMessage().setBody(pay));
    }

    /** Lets the simulator record the acknowledgement before the application stops (no resends to a closed port). */
    private static void awaitAcknowledged(String paymentRequestId) throws InterruptedException {
        Await.until("the notification for " + paymentRequestId + " acknowledged", WAIT,
                () -> antom.notificationAttempts(paymentRequestId).stream().anyMatch(NotificationAttempt::acknowledged));
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
