package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class NotificationDeliveryIT extends NotifiedSimulatorTestSupport {

    @Override
    AntomSimulator.Builder configure(AntomSimulator.Builder builder) {
        // Antom's schedule compressed 6000 times: 0, 20 ms, 100 ms, 100 ms, 600 ms, 1.2 s, 3.6 s, 9 s
        return builder.timeScale(6000);
    }

    private String paidWithNotification(String value) {
        String id = newId("n");
        var request = AntomTestClient.payRequest(id, value);
        request.put("paymentNotifyUrl", merchant.url());
        client.callVerified("pay", request);
        return id;
    }

    @Test
    void resentUntilAcknowledged() {
        merchant.failNext(3);
        String id = paidWithNotification("1000");
        List<NotificationAttempt> attempts = Poll.until("four attempts, the last acknowledged", Duration.ofSeconds(10),
                () -> simulator.notificationAttempts(id), l -> l.stream().anyMatch(NotificationAttempt::acknowledged));
        assertThat(attempts).extracting(NotificationAttempt::attemptNumber).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(NotificationAttempt::httpStatus).containsExactly(500, 500, 500, 200);
        assertThat(attempts).extracting(NotificationAttempt::acknowledged).containsExactly(false, false, false, true);
        assertThat(attempts.get(0).url()).isEqualTo(merchant.url());
        assertThat(attempts.get(0).notifyType()).isEqualTo("PAYMENT_RESULT");
        // the schedule is kept: 2 min / 6000 = 20 ms, then 10 min / 6000 = 100 ms
        assertThat(Duration.between(attempts.get(1).sentAt(), attempts.get(2).sentAt())).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(merchant.received(id)).hasSize(4).allMatch(NotificationReceiver.Received::signatureValid);
        // the same body each time
        assertThat(merchant.received(id)).extracting(NotificationReceiver.Received::body).containsOnly(merchant.received(id).get(0).body());
        Poll.sleep(300);
        assertThat(simulator.notificationAttempts(id)).hasSize(4);
    }

    @Test
    void anAnswerOtherThanTheAcknowledgementIsNotAcknowledged() {
        merchant.answer("OK");
        String id = paidWithNotification("1000");
        Poll.until("a few attempts", Duration.ofSeconds(5), () -> simulator.notificationAttempts(id).size() >= 3);
        assertThat(simulator.notificationAttempts(id)).noneMatch(NotificationAttempt::acknowledged);
        // the acknowledgement is compared as JSON: formatting and key order are free
        merchant.answer("{ \"result\": {\"resultStatus\":\"S\", \"resultMessage\":\"success\", \"resultCode\":\"SUCCESS\"} }");
        Poll.until("acknowledged", Duration.ofSeconds(5),
                () -> simulator.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged));
    }

    @Test
    void unreachableMerchantIsRetriedOnTheWholeSchedule() {
        merchant.close();
        restartSimulator(builder -> builder
                .notificationSchedule(List.of(Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(20))));
        String id = paidWithNotification("1000");
        List<NotificationAttempt> attempts = Poll.until("three failed attempts", Duration.ofSeconds(10),
                () -> simulator.notificationAttempts(id), l -> l.size() == 3);
        assertThat(attempts).allMatch(a -> a.httpStatus() == -1 && !a.acknowledged());
        assertThat(attempts.get(0).responseBody()).startsWith("I/O error");
        Poll.sleep(200);
        assertThat(simulator.notificationAttempts(id)).hasSize(3);
    }

    @Test
    void droppedAttemptsCountAndTheScheduleGoesOn() {
        simulator.faults().dropNotifications(2);
        String id = paidWithNotification("1000");
        List<NotificationAttempt> attempts = Poll.until("acknowledged", Duration.ofSeconds(10),
                () -> simulator.notificationAttempts(id), l -> l.stream().anyMatch(NotificationAttempt::acknowledged));
        assertThat(attempts).extracting(NotificationAttempt::httpStatus).containsExactly(-1, -1, 200);
        assertThat(attempts.get(0).responseBody()).contains("dropped");
        assertThat(merchant.received(id)).hasSize(1);
    }

    @Test
    void duplicatedDeliveries() {
        simulator.faults().duplicateNotifications(true);
        String id = paidWithNotification("1000");
        Poll.until("two deliveries", Duration.ofSeconds(5), () -> simulator.notificationAttempts(id).size() == 2);
        assertThat(simulator.notificationAttempts(id)).extracting(NotificationAttempt::attemptNumber).containsExactly(1, 1);
        assertThat(merchant.received(id).get(0).body()).isEqualTo(merchant.received(id).get(1).body());
    }

    @Test
    void delayedDeliveries() {
        simulator.faults().delayNotifications(Duration.ofMillis(400));
        long start = System.nanoTime();
        String id = paidWithNotification("1000");
        Poll.until("the delayed delivery", Duration.ofSeconds(5), () -> !merchant.received(id).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void failedPaymentIsNotifiedAndNoNotifyUrlMeansNoNotification() {
        String failed = paidWithNotification("51");
        NotificationReceiver.Received n = Poll.until("notification", Duration.ofSeconds(5), () -> merchant.received(failed),
                l -> !l.isEmpty()).get(0);
        assertThat(n.body().path("result").path("resultCode").asText()).isEqualTo("USER_BALANCE_NOT_ENOUGH");

        String silent = newId("silent");
        client.callVerified("pay", AntomTestClient.payRequest(silent, "1000"));
        Poll.sleep(200);
        assertThat(simulator.notificationAttempts(silent)).isEmpty();
    }

    @Test
    void resetStopsPendingResendsAndForgetsAttempts() {
        merchant.failNext(100);
        String id = paidWithNotification("1000");
        Poll.until("first attempt", Duration.ofSeconds(5), () -> !simulator.notificationAttempts(id).isEmpty());
        simulator.reset();
        assertThat(simulator.notificationAttempts()).isEmpty();
        assertThat(simulator.payments()).isEmpty();
        int received = merchant.received(id).size();
        Poll.sleep(400);
        assertThat(merchant.received(id)).hasSize(received);
    }
}
