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
import io.camelantom.model.RefundRequest;
import io.camelantom.model.RefundResponse;
import io.camelantom.simulator.PaymentStatus;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation in its S, F and U (retryable) outcomes, against the simulator over real HTTP. */
class AntomOperationsIT extends SimulatorSupport {

    private static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        assertThat(exchange.getException()).isInstanceOf(type);
        return type.cast(exchange.getException());
    }

    /** Nothing Antom sent is lost: the typed response serialises back to every field of the raw answer. */
    private static void assertNothingLost(Exchange exchange) {
        String raw = exchange.getMessage().getHeader(AntomConstants.RAW_RESPONSE, String.class);
        assertThat(raw).isNotBlank();
        assertThat(AntomJson.toMap(exchange.getMessage().getBody())).isEqualTo(AntomJson.toMap(raw));
    }

    private RefundRequest refund(String paymentId, String refundRequestId, String value) {
        RefundRequest refund = new RefundRequest();
        refund.setPaymentId(paymentId);
        refund.setRefundRequestId(refundRequestId);
        refund.setRefundAmount(new Amount("USD", value));
        refund.setRefundReason("customer returned the goods");
        return refund;
    }

    private CaptureRequest capture(String paymentId, String captureRequestId, String value) {
        CaptureRequest capture = new CaptureRequest();
        capture.setPaymentId(paymentId);
        capture.setCaptureRequestId(captureRequestId);
        capture.setCaptureAmount(new Amount("USD", value));
        return capture;
    }

    // ---------------------------------------------------------------- pay

    @Test
    void paySuccess() {
        String id = newId("pay-s");
        Exchange e = send("antom:pay", inStorePay(id, "599"));
        assertThat(e.getException()).isNull();
        PayResponse response = e.getMessage().getBody(PayResponse.class);
        assertThat(response.getResult().isSuccess()).isTrue();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_CODE)).isEqualTo("SUCCESS");
        assertThat(e.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertThat(e.getMessage().getHeader(AntomConstants.PAYMENT_ID)).isEqualTo(response.getPaymentId()).isNotNull();
        assertNothingLost(e);
        assertThat(sim.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void payFailureRaisesTheTypedException() {
        String id = newId("pay-f");
        AntomFailureException f = failure(send("antom:pay", inStorePay(id, "5151")), AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(f.getOperation()).isEqualTo("pay");
        assertThat(f.getRawResponse()).contains("USER_BALANCE_NOT_ENOUGH");

        AntomFailureException risk = failure(send("antom:pay", inStorePay(newId("pay-f"), "152")), AntomFailureException.class);
        assertThat(risk.getResultCode()).isEqualTo("RISK_REJECT");
        AntomFailureException limit = failure(send("antom:pay", inStorePay(newId("pay-f"), "153")), AntomFailureException.class);
        assertThat(limit.getResultCode()).isEqualTo("PAYMENT_AMOUNT_EXCEED_LIMIT");
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
        Exchange s = send("antom:inquiryPayment", Map.of("paymentRequestId", id));
        assertThat(s.getException()).isNull();
        assertThat(s.getMessage().getBody(InquiryPaymentResponse.class).getPaymentStatus()).isEqualTo("SUCCESS");
        assertThat(s.getMessage().getHeader(AntomConstants.PAYMENT_STATUS)).isEqualTo("SUCCESS");
        assertThat(s.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo(id);
        assertNothingLost(s);

        AntomFailureException f = failure(send("antom:inquiryPayment", Map.of("paymentRequestId", newId("nobody"))),
                AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("ORDER_NOT_EXIST");

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
        Exchange s = send("antom:cancel", Map.of("paymentRequestId", id));
        assertThat(s.getException()).isNull();
        assertThat(s.getMessage().getBody(CancelResponse.class).getResult().isSuccess()).isTrue();
        assertNothingLost(s);
        assertThat(sim.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);

        AntomFailureException f = failure(send("antom:cancel", Map.of("paymentRequestId", newId("nobody"))),
                AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("ORDER_NOT_EXIST");

        sim.faults().failNextRequests(1, 500);
        AntomRetryableException u = failure(send("antom:cancel", Map.of("paymentRequestId", id)), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.HTTP_ERROR);
    }

    // ---------------------------------------------------------------- refund and inquiryRefund

    @Test
    void refundSuccessFailureAndUnknown() {
        String paymentId = paid(newId("refund-pay"), "1000");
        String refundId = newId("refund");
        Exchange s = send("antom:refund", refund(paymentId, refundId, "300"));
        assertThat(s.getException()).isNull();
        RefundResponse refunded = s.getMessage().getBody(RefundResponse.class);
        assertThat(refunded.getRefundId()).isNotNull();
        assertThat(s.getMessage().getHeader(AntomConstants.REFUND_ID)).isEqualTo(refunded.getRefundId());
        assertNothingLost(s);

        AntomFailureException f = failure(send("antom:refund", refund(paymentId, newId("refund"), "900")), AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("REFUND_AMOUNT_EXCEED");

        AntomRetryableException u = failure(send("antom:refund", refund(paymentId, newId("refund"), "181")), AntomRetryableException.class);
        assertThat(u.getResultCode()).isEqualTo("REQUEST_TRAFFIC_EXCEED_LIMIT");
    }

    @Test
    void inquiryRefundSuccessFailureAndUnknown() {
        String paymentId = paid(newId("irefund-pay"), "1000");
        String refundRequestId = newId("irefund");
        send("antom:refund", refund(paymentId, refundRequestId, "100"));
        Exchange s = send("antom:inquiryRefund", "{\"refundRequestId\":\"" + refundRequestId + "\"}");
        assertThat(s.getException()).isNull();
        assertThat(s.getMessage().getBody(InquiryRefundResponse.class).getRefundStatus()).isEqualTo("SUCCESS");
        assertThat(s.getMessage().getHeader(AntomConstants.REFUND_STATUS)).isEqualTo("SUCCESS");
        assertNothingLost(s);

        AntomFailureException f = failure(send("antom:inquiryRefund", Map.of("refundRequestId", newId("nobody"))),
                AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("REFUND_NOT_EXIST");

        sim.faults().failNextRequests(1, 502);
        AntomRetryableException u = failure(send("antom:inquiryRefund", Map.of("refundRequestId", refundRequestId)),
                AntomRetryableException.class);
        assertThat(u.getHttpStatus()).isEqualTo(502);
    }

    // ---------------------------------------------------------------- capture

    @Test
    void captureSuccessFailureAndUnknown() {
        String paymentId = paid(newId("capture-pay"), "1000");
        Exchange s = send("antom:capture", capture(paymentId, newId("capture"), "400"));
        assertThat(s.getException()).isNull();
        CaptureResponse captured = s.getMessage().getBody(CaptureResponse.class);
        assertThat(captured.getCaptureId()).isNotNull();
        assertThat(s.getMessage().getHeader(AntomConstants.CAPTURE_ID)).isEqualTo(captured.getCaptureId());
        assertNothingLost(s);

        AntomFailureException f = failure(send("antom:capture", capture(paymentId, newId("capture"), "900")), AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT");

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
        Exchange e = send("antom:call?path=/ams/api/v1/payments/inquiryPayment", Map.of("paymentRequestId", id));
        assertThat(e.getException()).isNull();
        GenericResponse response = e.getMessage().getBody(GenericResponse.class);
        assertThat(response.getResult().isSuccess()).isTrue();
        assertThat(response.getAdditionalProperty("paymentStatus")).isEqualTo("SUCCESS");
        assertThat(response.getAdditionalProperty("paymentRequestId")).isEqualTo(id);
        assertNothingLost(e);
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
