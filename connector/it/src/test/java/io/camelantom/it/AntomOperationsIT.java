package io.camelantom.it;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomConstants;
import io.camelantom.model.Amount;
import io.camelantom.model.AntomJson;
import io.camelantom.model.CancelResponse;
import io.camelantom.model.CaptureRequest;
import io.camelantom.model.CaptureResponse;
import io.camelantom.model.GenericResponse;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.InquiryRefundResponse;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PayResponse;
import io.camelantom.model.RefundResponse;
import io.camelantom.simulator.PaymentStatus;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation in its S, F and U (retryable) outcomes, against the simulator over real HTTP. */
class AntomOperationsIT extends SimulatorSupport {

    /** Nothing Antom sent is lost: the typed response serialises back to every field of the raw answer. */
    private static void assertNothingLost(Exchange exchange) {
        String raw = exchange.getMessage().getHeader(AntomConstants.RAW_RESPONSE, String.class);
        assertThat(raw).isNotBlank();
        assertThat(AntomJson.toMap(exchange.getMessage().getBody())).isEqualTo(AntomJson.toMap(raw));
    }

    private CaptureRequest capture(String paymentId, String captureRequestId, String value) {
        CaptureRequest capture = new CaptureRequest();
        capture.setPaymentId(paymentId);
        capture.setCaptureRequestId(captureRequestId);
        capture.setCaptureAmount(new Amount("USD", value));
        return capture;
    }

    /** Sends, and requires success with a typed body that kept every field of Antom's answer. */
    private Exchange sendAnswered(String uri, Object body) {
        Exchange exchange = send(uri, body);
        assertThat(exchange.getException()).isNull();
        assertNothingLost(exchange);
        return exchange;
    }

    // ---------------------------------------------------------------- pay

    @Test
    void paySuccess() {
        String id = newId("pay-s");
        Exchange e = sendAnswered("antom:pay", inStorePay(id, "599"));
        PayResponse response = e.getMessage().getBody(PayResponse.class);
        assertThat(response.getResult().isSuccess()).isTrue();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_CODE)).isEqualTo("SUCCESS");
        assertThat(e.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(e.getMessage().getHeader(AntomConstants.PAYMENT_ID)).isEqualTo(response.getPaymentId()).isNotNull();
        assertThat(sim.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void payFailureRaisesTheTypedException() {
        String id = newId("pay-f");
        AntomFailureException f = sendFailing("antom:pay", inStorePay(id, "5151"), "USER_BALANCE_NOT_ENOUGH");
        assertThat(f.getOperation()).isEqualTo("pay");
        assertThat(f.getRawResponse()).contains("USER_BALANCE_NOT_ENOUGH");

        sendFailing("antom:pay", inStorePay(newId("pay-f"), "152"), "RISK_REJECT");
        sendFailing("antom:pay", inStorePay(newId("pay-f"), "153"), "PAYMENT_AMOUNT_EXCEED_LIMIT");
    }

    @Test
    void payFailureAsAReplyWhenThrowExceptionOnFailureIsOff() {
        Exchange e = send("antom:pay?throwExceptionOnFailure=false", inStorePay(newId("pay-f"), "5151"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("F");
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_CODE)).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(e.getMessage().getBody(PayResponse.class).getResult().isFailed()).isTrue();
    }

    @Test
    void payUnknownIsRetryableNeverAFailure() {
        String id = newId("pay-u");
        AntomRetryableException u = failure(send("antom:pay", inStorePay(id, "6163")), AntomRetryableException.class);
        assertThat(u).isNotInstanceOf(AntomFailureException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.RESULT_UNKNOWN);
        assertThat(u.getResultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        assertThat(sim.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.PROCESSING);
        // the pending bytes stay on the exchange for a resend
        Exchange e = send("antom:pay", inStorePay(newId("pay-u"), "6163"));
        assertThat(e.getProperty(AntomConstants.PENDING_REQUEST)).isNotNull();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("U");
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_CODE)).isEqualTo("PAYMENT_IN_PROCESS");
    }

    // ---------------------------------------------------------------- inquiryPayment

    @Test
    void inquiryPaymentSuccessFailureAndUnknown() {
        String id = newId("inq");
        paid(id, "700");
        Exchange s = sendAnswered("antom:inquiryPayment", Map.of("paymentRequestId", id));
        assertThat(s.getMessage().getBody(InquiryPaymentResponse.class).getPaymentStatus()).isEqualTo("SUCCESS");
        assertThat(s.getMessage().getHeader(AntomConstants.PAYMENT_STATUS)).isEqualTo("SUCCESS");
        assertThat(s.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo(id);

        sendFailing("antom:inquiryPayment", Map.of("paymentRequestId", newId("nobody")), "ORDER_NOT_EXIST");

        sim.faults().failNextRequests(1, 503);
        AntomRetryableException u = failure(send("antom:inquiryPayment", Map.of("paymentRequestId", id)),
                AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.HTTP_ERROR);
        assertThat(u.getHttpStatus()).isEqualTo(503);
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancelSuccessFailureAndUnknown() {
        String id = newId("cancel");
        send("antom:pay", inStorePay(id, "6163"));
        Exchange s = sendAnswered("antom:cancel", Map.of("paymentRequestId", id));
        assertThat(s.getMessage().getBody(CancelResponse.class).getResult().isSuccess()).isTrue();
        assertThat(sim.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);

        sendFailing("antom:cancel", Map.of("paymentRequestId", newId("nobody")), "ORDER_NOT_EXIST");

        sim.faults().failNextRequests(1, 500);
        AntomRetryableException u = failure(send("antom:cancel", Map.of("paymentRequestId", id)), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.HTTP_ERROR);
    }

    // ---------------------------------------------------------------- refund and inquiryRefund

    @Test
    void refundSuccessFailureAndUnknown() {
        String paymentId = paid(newId("refund-pay"), "1000");
        String refundId = newId("refund");
        Exchange s = sendAnswered("antom:refund", refund(paymentId, refundId, "300"));
        RefundResponse refunded = s.getMessage().getBody(RefundResponse.class);
        assertThat(refunded.getRefundId()).isNotNull();
        assertThat(s.getMessage().getHeader(AntomConstants.REFUND_ID)).isEqualTo(refunded.getRefundId());

        sendFailing("antom:refund", refund(paymentId, newId("refund"), "900"), "REFUND_AMOUNT_EXCEED");

        AntomRetryableException u = failure(send("antom:refund", refund(paymentId, newId("refund"), "181")), AntomRetryableException.class);
        assertThat(u.getResultCode()).isEqualTo("REQUEST_TRAFFIC_EXCEED_LIMIT");
    }

    @Test
    void inquiryRefundSuccessFailureAndUnknown() {
        String paymentId = paid(newId("irefund-pay"), "1000");
        String refundRequestId = newId("irefund");
        send("antom:refund", refund(paymentId, refundRequestId, "100"));
        Exchange s = sendAnswered("antom:inquiryRefund", "{\"refundRequestId\":\"" + refundRequestId + "\"}");
        assertThat(s.getMessage().getBody(InquiryRefundResponse.class).getRefundStatus()).isEqualTo("SUCCESS");
        assertThat(s.getMessage().getHeader(AntomConstants.REFUND_STATUS)).isEqualTo("SUCCESS");

        sendFailing("antom:inquiryRefund", Map.of("refundRequestId", newId("nobody")), "REFUND_NOT_EXIST");

        sim.faults().failNextRequests(1, 502);
        AntomRetryableException u = failure(send("antom:inquiryRefund", Map.of("refundRequestId", refundRequestId)),
                AntomRetryableException.class);
        assertThat(u.getHttpStatus()).isEqualTo(502);
    }

    // ---------------------------------------------------------------- capture

    @Test
    void captureSuccessFailureAndUnknown() {
        String paymentId = paid(newId("capture-pay"), "1000");
        Exchange s = sendAnswered("antom:capture", capture(paymentId, newId("capture"), "400"));
        CaptureResponse captured = s.getMessage().getBody(CaptureResponse.class);
        assertThat(captured.getCaptureId()).isNotNull();
        assertThat(s.getMessage().getHeader(AntomConstants.CAPTURE_ID)).isEqualTo(captured.getCaptureId());

        sendFailing("antom:capture", capture(paymentId, newId("capture"), "900"), "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT");

        AntomRetryableException u = failure(send("antom:capture", capture(paymentId, newId("capture"), "181")),
                AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.RESULT_UNKNOWN);
    }

    // ---------------------------------------------------------------- bodies, call, header override

    @Test
    void mapStringAndPojoBodiesAllPay() {
        PayRequest pojo = inStorePay(newId("pojo"), "801");
        assertThat(send("antom:pay", pojo).getException()).isNull();

        @SuppressWarnings("unchecked")
        Map<String, Object> map = new LinkedHashMap<>(AntomJson.toMap(inStorePay(newId("map"), "802")));
        map.put("merchantFutureField", Map.of("kept", "yes"));
        Exchange fromMap = send("antom:pay", map);
        assertThat(fromMap.getException()).isNull();
        assertThat(fromMap.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");

        String json = new String(AntomJson.canonicalBytes(inStorePay(newId("string"), "803")));
        Exchange fromString = send("antom:pay", json);
        assertThat(fromString.getException()).isNull();
        assertThat(fromString.getMessage().getBody()).isInstanceOf(PayResponse.class);
        assertThat(sim.payments()).extracting(p -> p.paymentRequestId())
                .contains(pojo.getPaymentRequestId(), (String) map.get("paymentRequestId"));
    }

    @Test
    void callOperationReachesAnyPathAndKeepsEveryField() {
        String id = newId("call");
        paid(id, "900");
        Exchange e = sendAnswered("antom:call?path=/ams/api/v1/payments/inquiryPayment", Map.of("paymentRequestId", id));
        GenericResponse response = e.getMessage().getBody(GenericResponse.class);
        assertThat(response.getResult().isSuccess()).isTrue();
        assertThat(response.getAdditionalProperty("paymentStatus")).isEqualTo("SUCCESS");
        assertThat(response.getAdditionalProperty("paymentRequestId")).isEqualTo(id);
    }

    @Test
    void operationHeaderOverridesTheEndpoint() {
        String id = newId("override");
        paid(id, "910");
        Exchange e = send("antom:pay", Map.of("paymentRequestId", id), Map.of(AntomConstants.OPERATION, "inquiryPayment"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody()).isInstanceOf(InquiryPaymentResponse.class);
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }
}
