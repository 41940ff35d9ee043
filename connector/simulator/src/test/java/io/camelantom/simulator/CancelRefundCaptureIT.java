package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class CancelRefundCaptureIT extends NotifiedSimulatorTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Override
    AntomSimulator.Builder configure(AntomSimulator.Builder builder) {
        // a processing delay of 1 s real time: the inquiry right after a U refund must still see it PROCESSING on a
        // loaded machine (100 ms was not always enough)
        return builder.clock(clock).cancelWindow(Duration.ofHours(2)).processingDelay(Duration.ofSeconds(600));
    }

    private String paymentId(String id, String value) {
        AntomTestClient.Response pay = client.callVerified("pay", AntomTestClient.payRequest(id, value));
        assertThat(pay.resultCode()).isEqualTo("SUCCESS");
        return pay.json().path("paymentId").asText();
    }

    private AntomTestClient.Response refund(String refundRequestId, String paymentId, String currency, String value) {
        return client.callVerified("refund", AntomTestClient.refundRequest(refundRequestId, paymentId, currency, value));
    }

    // ------------------------------------------------------------ cancel

    @Test
    void cancellingAPaidPaymentInsideTheWindowReversesIt() {
        String id = newId("cancel");
        String paymentId = paymentId(id, "1000");
        clock.advance(Duration.ofMinutes(90));
        ObjectNode byPaymentId = AntomTestClient.MAPPER.createObjectNode().put("paymentId", paymentId);
        AntomTestClient.Response cancel = client.callVerified("cancel", byPaymentId);
        assertThat(cancel.resultCode()).isEqualTo("SUCCESS");
        assertThat(cancel.json().path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(cancel.json().path("paymentRequestId").asText()).isEqualTo(id);
        assertThat(cancel.json().path("cancelTime").asText()).isEqualTo("2026-03-01T19:30:00+08:00");

        SimulatedPayment payment = simulator.payment(id).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.reversed()).isTrue();
        assertThat(payment.chargeCount()).isEqualTo(1); // taken once, then given back
        AntomTestClient.Response inquiry = client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id));
        assertThat(inquiry.json().path("paymentStatus").asText()).isEqualTo("CANCELLED");

        // cancel is idempotent, even after the window
        clock.advance(Duration.ofHours(5));
        AntomTestClient.Response again = client.callVerified("cancel", AntomTestClient.byRequestId(id));
        assertThat(again.resultCode()).isEqualTo("SUCCESS");
        assertThat(again.json().path("cancelTime").asText()).isEqualTo("2026-03-01T19:30:00+08:00");
        // and the payment cannot be paid again under the same id
        assertThat(client.callVerified("pay", AntomTestClient.payRequest(id, "1000")).resultCode()).isEqualTo("ORDER_IS_CLOSED");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void cancellingOutsideTheWindowIsRefused() {
        String id = newId("late");
        paymentId(id, "1000");
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        AntomTestClient.Response cancel = client.callVerified("cancel", AntomTestClient.byRequestId(id));
        assertThat(cancel.resultStatus()).isEqualTo("F");
        assertThat(cancel.resultCode()).isEqualTo("CANCEL_WINDOW_EXCEED");
        assertThat(simulator.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void cancellingAProcessingPaymentClosesItWithoutCharge() {
        String id = newId("closing");
        client.callVerified("pay", AntomTestClient.orderCodeRequest(id, "1000", merchant.url()));
        assertThat(client.callVerified("cancel", AntomTestClient.byRequestId(id)).resultCode()).isEqualTo("SUCCESS");
        SimulatedPayment payment = simulator.payment(id).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(payment.reversed()).isFalse();
        assertThat(payment.chargeCount()).isZero();
        // the customer can no longer pay
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> simulator.scanOrderCode(id)).isInstanceOf(IllegalStateException.class);
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void cancellingAnUnknownPaymentIsOrderNotExist() {
        assertThat(client.callVerified("cancel", AntomTestClient.byRequestId("never-seen")).resultCode()).isEqualTo("ORDER_NOT_EXIST");
    }

    @Test
    void orderCodeExpiresWithoutAScanAndIsNotified() {
        String id = newId("ocexpiry");
        ObjectNode request = AntomTestClient.orderCodeRequest(id, "1000", merchant.url());
        request.put("paymentExpiryTime", "2026-03-01T18:10:00+08:00");
        AntomTestClient.Response pay = client.callVerified("pay", request);
        assertThat(pay.json().path("orderCodeForm").path("expireTime").asText()).isEqualTo("2026-03-01T18:10:00+08:00");
        clock.advance(Duration.ofMinutes(11));
        // the periodic expiry check notices it without anyone asking
        NotificationReceiver.Received n = Poll.until("the expiry notification", Duration.ofSeconds(5), () -> merchant.received(id),
                l -> !l.isEmpty()).get(0);
        assertThat(n.body().path("result").path("resultCode").asText()).isEqualTo("ORDER_IS_CLOSED");
        assertThat(simulator.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAIL);
    }

    // ------------------------------------------------------------ refund

    @Test
    void partialRefundsUpToThePaidAmount() {
        String id = newId("refund");
        String paymentId = paymentId(id, "1000");
        AntomTestClient.Response first = refund("r1-" + id, paymentId, "USD", "400");
        assertThat(first.resultCode()).isEqualTo("SUCCESS");
        assertThat(first.json().path("refundId").asText()).isNotBlank();
        assertThat(first.json().path("refundTime").asText()).isNotBlank();
        assertThat(refund("r2-" + id, paymentId, "USD", "600").resultCode()).isEqualTo("SUCCESS");
        AntomTestClient.Response tooMuch = refund("r3-" + id, paymentId, "USD", "1");
        assertThat(tooMuch.resultStatus()).isEqualTo("F");
        assertThat(tooMuch.resultCode()).isEqualTo("REFUND_AMOUNT_EXCEED");

        SimulatedPayment payment = simulator.payment(id).orElseThrow();
        assertThat(payment.refunds()).hasSize(3);
        assertThat(payment.refundedAmount()).isEqualTo(1000);
        // a refunded payment cannot be cancelled
        assertThat(client.callVerified("cancel", AntomTestClient.byRequestId(id)).resultCode()).isEqualTo("ORDER_STATUS_INVALID");
    }

    @Test
    void refundIsIdempotentByRefundRequestId() {
        String id = newId("refundidem");
        String paymentId = paymentId(id, "1000");
        AntomTestClient.Response first = refund("r-" + id, paymentId, "USD", "700");
        AntomTestClient.Response again = refund("r-" + id, paymentId, "USD", "700");
        assertThat(again.resultCode()).isEqualTo("SUCCESS");
        assertThat(again.json().path("refundId").asText()).isEqualTo(first.json().path("refundId").asText());
        assertThat(simulator.payment(id).orElseThrow().refundedAmount()).isEqualTo(700);
        assertThat(refund("r-" + id, paymentId, "USD", "300").resultCode()).isEqualTo("REPEAT_REQ_INCONSISTENT");
    }

    @Test
    void refundChecksCurrencyPaymentAndStatus() {
        String id = newId("refundchecks");
        String paymentId = paymentId(id, "1000");
        AntomTestClient.Response currency = refund("rc-" + id, paymentId, "EUR", "100");
        assertThat(currency.resultCode()).isEqualTo("PARAM_ILLEGAL");
        assertThat(currency.resultMessage()).contains("refundAmount.currency");
        assertThat(refund("ru-" + id, "unknown", "USD", "100").resultCode()).isEqualTo("ORDER_NOT_EXIST");
        ObjectNode missing = AntomTestClient.refundRequest("rm-" + id, paymentId, "USD", "100");
        missing.remove("refundAmount");
        assertThat(client.callVerified("refund", missing).resultMessage()).contains("refundAmount");

        String failedId = newId("failedpay");
        String failedPaymentId = client.callVerified("pay", AntomTestClient.payRequest(failedId, "51")).json().path("paymentId").asText();
        assertThat(refund("rf-" + id, failedPaymentId, "USD", "51").resultCode()).isEqualTo("ORDER_STATUS_INVALID");
    }

    @Test
    void refundTriggersAndRefundNotifications() {
        String id = newId("refundtrig");
        String paymentId = paymentId(id, "10000");
        ObjectNode failing = AntomTestClient.refundRequest("rf-" + id, paymentId, "USD", "151");
        failing.put("refundNotifyUrl", merchant.url());
        AntomTestClient.Response failed = client.callVerified("refund", failing);
        assertThat(failed.resultStatus()).isEqualTo("F");
        assertThat(failed.resultCode()).isEqualTo("MERCHANT_BALANCE_NOT_ENOUGH");

        ObjectNode slow = AntomTestClient.refundRequest("rs-" + id, paymentId, "USD", "161");
        slow.put("refundNotifyUrl", merchant.url());
        AntomTestClient.Response processing = client.callVerified("refund", slow);
        assertThat(processing.resultStatus()).isEqualTo("U");
        assertThat(processing.resultCode()).isEqualTo("REFUND_IN_PROCESS");
        ObjectNode inquiry = AntomTestClient.MAPPER.createObjectNode().put("refundRequestId", "rs-" + id);
        assertThat(client.callVerified("inquiryRefund", inquiry).json().path("refundStatus").asText()).isEqualTo("PROCESSING");
        Poll.until("refund success", Duration.ofSeconds(5),
                () -> client.callVerified("inquiryRefund", inquiry).json().path("refundStatus").asText().equals("SUCCESS"));

        Poll.until("two REFUND_RESULT notifications", Duration.ofSeconds(5), () -> merchant.received().size() == 2);
        assertThat(merchant.received()).allMatch(NotificationReceiver.Received::signatureValid)
                .allMatch(r -> r.body().path("notifyType").asText().equals("REFUND_RESULT"));
        assertThat(merchant.received()).extracting(r -> r.body().path("refundStatus").asText()).containsExactlyInAnyOrder("FAIL", "SUCCESS");
        assertThat(simulator.notificationAttempts(id)).extracting(NotificationAttempt::refundRequestId)
                .containsExactlyInAnyOrder("rf-" + id, "rs-" + id);

        AntomTestClient.Response traffic = refund("rt-" + id, paymentId, "USD", "81");
        assertThat(traffic.resultCode()).isEqualTo("REQUEST_TRAFFIC_EXCEED_LIMIT");
        assertThat(refund("rt-" + id, paymentId, "USD", "81").resultCode()).isEqualTo("SUCCESS");
    }

    @Test
    void inquiryRefundByIdAndUnknown() {
        String id = newId("ir");
        String paymentId = paymentId(id, "1000");
        String refundId = refund("r-" + id, paymentId, "USD", "100")
                .json().path("refundId").asText();
        AntomTestClient.Response byId = client.callVerified("inquiryRefund", AntomTestClient.MAPPER.createObjectNode().put("refundId", refundId));
        assertThat(byId.json().path("refundStatus").asText()).isEqualTo("SUCCESS");
        assertThat(byId.json().path("refundRequestId").asText()).isEqualTo("r-" + id);
        assertThat(byId.json().path("refundAmount").path("value").asText()).isEqualTo("100");
        assertThat(client.callVerified("inquiryRefund", AntomTestClient.MAPPER.createObjectNode().put("refundRequestId", "nope"))
                .resultCode()).isEqualTo("REFUND_NOT_EXIST");
    }

    // ------------------------------------------------------------ capture

    @Test
    void captureUpToThePaidAmountIdempotently() {
        String id = newId("capture");
        String paymentId = paymentId(id, "1000");
        ObjectNode capture = AntomTestClient.MAPPER.createObjectNode();
        capture.put("captureRequestId", "c1-" + id);
        capture.put("paymentId", paymentId);
        capture.set("captureAmount", AntomTestClient.amount("USD", "600"));
        AntomTestClient.Response first = client.callVerified("capture", capture);
        assertThat(first.resultCode()).isEqualTo("SUCCESS");
        assertThat(first.json().path("captureId").asText()).isNotBlank();
        assertThat(client.callVerified("capture", capture).json().path("captureId").asText()).isEqualTo(first.json().path("captureId").asText());
        assertThat(simulator.payment(id).orElseThrow().capturedAmountValue()).isEqualTo("600");

        capture.set("captureAmount", AntomTestClient.amount("USD", "500"));
        assertThat(client.callVerified("capture", capture).resultCode()).isEqualTo("REPEAT_REQ_INCONSISTENT");
        capture.put("captureRequestId", "c2-" + id);
        assertThat(client.callVerified("capture", capture).resultCode()).isEqualTo("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT");
        capture.set("captureAmount", AntomTestClient.amount("USD", "400"));
        capture.put("captureRequestId", "c3-" + id);
        assertThat(client.callVerified("capture", capture).resultCode()).isEqualTo("SUCCESS");
        assertThat(simulator.payment(id).orElseThrow().capturedAmountValue()).isEqualTo("1000");
        assertThat(simulator.payment(id).orElseThrow().captures()).hasSize(2);
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }
}
