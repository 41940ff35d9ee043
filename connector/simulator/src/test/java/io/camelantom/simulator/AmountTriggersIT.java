package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

class AmountTriggersIT extends SimulatorTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Override
    AntomSimulator.Builder configure(AntomSimulator.Builder builder) {
        // processing delay 60 s / 600 = 0.1 s
        return builder.clock(clock);
    }

    private String status(String id) {
        return client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id)).json().path("paymentStatus").asText();
    }

    @ParameterizedTest
    @CsvSource({"1000, S, SUCCESS, SUCCESS, 1", "5, S, SUCCESS, SUCCESS, 1", "0, S, SUCCESS, SUCCESS, 1",
        "1051, F, USER_BALANCE_NOT_ENOUGH, FAIL, 0", "52, F, RISK_REJECT, FAIL, 0",
        "99953, F, PAYMENT_AMOUNT_EXCEED_LIMIT, FAIL, 0", "154, F, USER_STATUS_ABNORMAL, FAIL, 0"})
    void synchronousOutcomes(String value, String resultStatus, String resultCode, String paymentStatus, int charges) {
        String id = newId("sync");
        AntomTestClient.Response pay = client.callVerified("pay", AntomTestClient.payRequest(id, value));
        assertThat(pay.resultStatus()).isEqualTo(resultStatus);
        assertThat(pay.resultCode()).isEqualTo(resultCode);
        AntomTestClient.Response inquiry = client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id));
        assertThat(inquiry.resultCode()).isEqualTo("SUCCESS");
        assertThat(inquiry.json().path("paymentStatus").asText()).isEqualTo(paymentStatus);
        assertThat(inquiry.json().path("paymentResultCode").asText()).isEqualTo(resultCode);
        assertThat(simulator.chargeCount(id)).isEqualTo(charges);
        assertThat(simulator.payment(id).orElseThrow().status().name()).isEqualTo(paymentStatus);
    }

    @Test
    void processingThenSuccess61() {
        String id = newId("u61");
        AntomTestClient.Response pay = client.callVerified("pay", AntomTestClient.payRequest(id, "1061"));
        assertThat(pay.resultStatus()).isEqualTo("U");
        assertThat(pay.resultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        assertThat(simulator.chargeCount(id)).isZero();
        Poll.until("61 resolves to SUCCESS", Duration.ofSeconds(5), () -> status(id).equals("SUCCESS"));
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        // the retry now gets the final outcome, not a second charge
        assertThat(client.callVerified("pay", AntomTestClient.payRequest(id, "1061")).resultCode()).isEqualTo("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void processingThenFail62() {
        String id = newId("u62");
        assertThat(client.callVerified("pay", AntomTestClient.payRequest(id, "62")).resultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        Poll.until("62 resolves to FAIL", Duration.ofSeconds(5), () -> status(id).equals("FAIL"));
        AntomTestClient.Response inquiry = client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id));
        assertThat(inquiry.json().path("paymentResultCode").asText()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void processingForever63UntilCancelled() {
        String id = newId("u63");
        assertThat(client.callVerified("pay", AntomTestClient.payRequest(id, "63")).resultStatus()).isEqualTo("U");
        Poll.sleep(300); // three processing delays
        assertThat(status(id)).isEqualTo("PROCESSING");
        AntomTestClient.Response cancel = client.callVerified("cancel", AntomTestClient.byRequestId(id));
        assertThat(cancel.resultCode()).isEqualTo("SUCCESS");
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void processingForever63UntilExpired() {
        String id = newId("u63exp");
        ObjectNode request = AntomTestClient.payRequest(id, "63");
        request.put("paymentExpiryTime", "2026-03-01T18:05:00+08:00"); // 10:05Z
        client.callVerified("pay", request);
        clock.advance(Duration.ofMinutes(4));
        assertThat(status(id)).isEqualTo("PROCESSING");
        clock.advance(Duration.ofMinutes(2));
        AntomTestClient.Response inquiry = client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id));
        assertThat(inquiry.json().path("paymentStatus").asText()).isEqualTo("FAIL");
        assertThat(inquiry.json().path("paymentResultCode").asText()).isEqualTo("ORDER_IS_CLOSED");
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void slow71IsChargedAtOnceAndAnsweredLate() {
        String id = newId("slow");
        assertThatThrownBy(() -> client.call("pay", AntomTestClient.payRequest(id, "71").toString(), Duration.ofMillis(200)))
                .hasRootCauseInstanceOf(HttpTimeoutException.class);
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SUCCESS");
        // a retry is answered promptly with the same outcome and no second charge
        AntomTestClient.Response retry = client.callVerified("pay", AntomTestClient.payRequest(id, "71"));
        assertThat(retry.resultCode()).isEqualTo("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void slow71AnswersAfterTheDelay() {
        long start = System.nanoTime();
        AntomTestClient.Response response = client.callVerified("pay", AntomTestClient.payRequest(newId("slow"), "171"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        assertThat(response.resultCode()).isEqualTo("SUCCESS");
    }

    /**
     * The triggers whose first answer leaves the outcome unknown: 72 and 81 process nothing, 73 and 91 charge at once.
     * Either way the resend succeeds and the payment is charged exactly once.
     */
    @ParameterizedTest(name = "{0}: first answer HTTP {1} {2}, charged at once: {3}")
    @CsvSource({"72, 500, UNKNOWN_EXCEPTION, false", "73, 500, UNKNOWN_EXCEPTION, true",
        "81, 200, REQUEST_TRAFFIC_EXCEED_LIMIT, false", "91, 200, UNKNOWN_EXCEPTION, true"})
    void unknownFirstAnswerThenTheResendSucceedsChargedOnce(String value, int httpStatus, String resultCode, boolean charged) {
        String id = newId("u" + value);
        AntomTestClient.Response first = client.call("pay", AntomTestClient.payRequest(id, value));
        assertThat(first.status()).isEqualTo(httpStatus);
        // an HTTP error is not signed; a U result is
        assertThat(first.signed()).isEqualTo(httpStatus == 200);
        assertThat(first.resultStatus()).isEqualTo("U");
        assertThat(first.resultCode()).isEqualTo(resultCode);
        assertThat(simulator.payment(id).isPresent()).isEqualTo(charged);
        assertThat(simulator.chargeCount(id)).isEqualTo(charged ? 1 : 0);
        assertThat(client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id)).resultCode())
                .isEqualTo(charged ? "SUCCESS" : "ORDER_NOT_EXIST");

        AntomTestClient.Response retry = client.callVerified("pay", AntomTestClient.payRequest(id, value));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.resultCode()).isEqualTo("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void sameIdSameFieldsIsIdempotentAndDifferentAmountIsInconsistent() {
        String id = newId("idem");
        AntomTestClient.Response first = client.callVerified("pay", AntomTestClient.payRequest(id, "1000"));
        for (int i = 0; i < 3; i++) {
            AntomTestClient.Response again = client.callVerified("pay", AntomTestClient.payRequest(id, "1000"));
            assertThat(again.resultCode()).isEqualTo("SUCCESS");
            assertThat(again.json().path("paymentId").asText()).isEqualTo(first.json().path("paymentId").asText());
        }
        assertThat(simulator.chargeCount(id)).isEqualTo(1);

        AntomTestClient.Response otherAmount = client.callVerified("pay", AntomTestClient.payRequest(id, "1001"));
        assertThat(otherAmount.resultStatus()).isEqualTo("F");
        assertThat(otherAmount.resultCode()).isEqualTo("REPEAT_REQ_INCONSISTENT");

        ObjectNode otherCurrency = AntomTestClient.payRequest(id, "1000");
        ((ObjectNode) otherCurrency.get("paymentAmount")).put("currency", "EUR");
        assertThat(client.callVerified("pay", otherCurrency).resultCode()).isEqualTo("REPEAT_REQ_INCONSISTENT");

        ObjectNode otherBuyerCode = AntomTestClient.payRequest(id, "1000");
        ((ObjectNode) otherBuyerCode.get("paymentMethod")).put("paymentMethodId", "289999999999999999");
        assertThat(client.callVerified("pay", otherBuyerCode).resultCode()).isEqualTo("REPEAT_REQ_INCONSISTENT");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        assertThat(simulator.payments()).hasSize(1);
    }

    @Test
    void failedPaymentRepeatsItsFailure() {
        String id = newId("fail");
        client.callVerified("pay", AntomTestClient.payRequest(id, "51"));
        AntomTestClient.Response again = client.callVerified("pay", AntomTestClient.payRequest(id, "51"));
        assertThat(again.resultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void concurrentRetriesChargeOnce() throws Exception {
        String id = newId("race");
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.List<String> codes = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> codes.add(client.callVerified("pay", AntomTestClient.payRequest(id, "1000")).resultCode()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(codes).hasSize(8).containsOnly("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void inquiryByPaymentIdWinsOverPaymentRequestId() {
        String a = newId("a");
        String b = newId("b");
        client.callVerified("pay", AntomTestClient.payRequest(a, "1000"));
        String paymentIdB = client.callVerified("pay", AntomTestClient.payRequest(b, "1051")).json().path("paymentId").asText();
        ObjectNode both = AntomTestClient.byRequestId(a);
        both.put("paymentId", paymentIdB);
        AntomTestClient.Response inquiry = client.callVerified("inquiryPayment", both);
        assertThat(inquiry.json().path("paymentRequestId").asText()).isEqualTo(b);
        assertThat(inquiry.json().path("paymentStatus").asText()).isEqualTo("FAIL");

        ObjectNode unknown = AntomTestClient.MAPPER.createObjectNode().put("paymentId", "nope");
        assertThat(client.callVerified("inquiryPayment", unknown).resultCode()).isEqualTo("ORDER_NOT_EXIST");
    }
}
