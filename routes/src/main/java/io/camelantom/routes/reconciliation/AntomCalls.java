package io.camelantom.routes.reconciliation;

import java.util.Objects;

import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomConstants;
import io.camelantom.model.CancelRequest;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.InquiryRefundRequest;
import io.camelantom.model.PayRequest;
import io.camelantom.model.RefundRequest;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;

/**
 * The Antom calls reconciliation makes, through Camel endpoints ({@code antom:inquiryPayment}, {@code antom:cancel},
 * {@code antom:pay} by default; any endpoint that behaves like them, e.g. a {@code direct:} route in front of them). Each call is a
 * fresh exchange; the answer is reduced to what the rules need.
 */
public final class AntomCalls {

    /** How a call ended. */
    public enum Outcome {
        /** Antom answered S (for an inquiry: the payment's own state is in {@code paymentStatus}). */
        SUCCESS,
        /** Antom answered a verified F ({@code resultCode} says why). */
        FAILURE,
        /** The outcome is unknown: U, HTTP error, timeout, unverifiable answer ({@link AntomRetryableException}). */
        UNKNOWN,
        /** Anything else went wrong (a bad endpoint, a bug): logged, retried on a later run. */
        ERROR
    }

    /**
     * A call's answer reduced to what the rules need; {@code refundId}/{@code refundStatus} only for refund calls
     * ({@code refundStatus} SUCCESS, FAIL or PROCESSING from inquiryRefund); {@code unknown} only for
     * {@link Outcome#UNKNOWN}: why the outcome is unknown (U, HTTP status, timeout...), for a resend policy.
     */
    public record Answer(Outcome outcome, String paymentStatus, String paymentId, String resultCode,
            String resultMessage, String error, String refundId, String refundStatus, AntomRetryableException unknown) {

        Answer(Outcome outcome, String paymentStatus, String paymentId, String resultCode, String resultMessage,
                String error) {
            this(outcome, paymentStatus, paymentId, resultCode, resultMessage, error, null, null, null);
        }
    }

    private final ProducerTemplate producer;
    private final String inquiryUri;
    private final String cancelUri;
    private final String payUri;
    private final String refundUri;
    private final String inquiryRefundUri;

    /** The calls through these endpoints (each one like its {@code antom:} operation). */
    public AntomCalls(ProducerTemplate producer, String inquiryUri, String cancelUri, String payUri, String refundUri,
            String inquiryRefundUri) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.inquiryUri = Objects.requireNonNull(inquiryUri, "inquiryUri");
        this.cancelUri = Objects.requireNonNull(cancelUri, "cancelUri");
        this.payUri = Objects.requireNonNull(payUri, "payUri");
        this.refundUri = Objects.requireNonNull(refundUri, "refundUri");
        this.inquiryRefundUri = Objects.requireNonNull(inquiryRefundUri, "inquiryRefundUri");
    }

    /** A refund (SUCCESS: refunded; FAILURE: refused with Antom's code; UNKNOWN: U, e.g. REFUND_IN_PROCESS). */
    public Answer refund(RefundRequest request) {
        return call(refundUri, request);
    }

    /** inquiryRefund by refundRequestId; SUCCESS carries {@code refundStatus}. */
    public Answer inquireRefund(String refundRequestId) {
        InquiryRefundRequest request = new InquiryRefundRequest();
        request.setRefundRequestId(refundRequestId);
        return call(inquiryRefundUri, request);
    }

    /** Resends an original pay request (SUCCESS: paid; a U that waits for the buyer comes back as UNKNOWN). */
    public Answer pay(PayRequest request) {
        return call(payUri, request);
    }

    public Answer inquire(String paymentRequestId) {
        InquiryPaymentRequest request = new InquiryPaymentRequest();
        request.setPaymentRequestId(paymentRequestId);
        return call(inquiryUri, request);
    }

    public Answer cancel(String paymentRequestId) {
        CancelRequest request = new CancelRequest();
        request.setPaymentRequestId(paymentRequestId);
        return call(cancelUri, request);
    }

    private Answer call(String uri, Object request) {
        Exchange done = producer.send(uri, ExchangePattern.InOut, exchange -> exchange.getMessage().setBody(request));
        Exception e = done.getException();
        if (e != null) {
            AntomFailureException failure = find(e, AntomFailureException.class);
            if (failure != null) {
                return new Answer(Outcome.FAILURE, null, null, failure.getResultCode(), failure.getResultMessage(),
                        null);
            }
            AntomRetryableException unknown = find(e, AntomRetryableException.class);
            if (unknown != null) {
                return new Answer(Outcome.UNKNOWN, null, null, unknown.getResultCode(), null,
                        unknown.getKind() + ": " + unknown.getMessage(), null, null, unknown);
            }
            return new Answer(Outcome.ERROR, null, null, null, null, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        var message = done.getMessage();
        String resultStatus = message.getHeader(AntomConstants.RESULT_STATUS, String.class);
        String resultCode = message.getHeader(AntomConstants.RESULT_CODE, String.class);
        String resultMessage = message.getHeader(AntomConstants.RESULT_MESSAGE, String.class);
        if ("F".equals(resultStatus)) {
            // an endpoint with throwExceptionOnFailure=false
            return new Answer(Outcome.FAILURE, null, null, resultCode, resultMessage, null);
        }
        if (!"S".equals(resultStatus)) {
            return new Answer(Outcome.UNKNOWN, null, null, resultCode, resultMessage,
                    "answer with resultStatus " + resultStatus);
        }
        String paymentStatus = message.getHeader(AntomConstants.PAYMENT_STATUS, String.class);
        String paymentId = message.getHeader(AntomConstants.PAYMENT_ID, String.class);
        if (message.getBody() instanceof InquiryPaymentResponse inquiry) {
            // the payment's own result code (USER_BALANCE_NOT_ENOUGH...), not the inquiry's SUCCESS
            if (inquiry.getPaymentResultCode() != null) {
                resultCode = inquiry.getPaymentResultCode();
                resultMessage = inquiry.getPaymentResultMessage();
            }
            if (paymentStatus == null) {
                paymentStatus = inquiry.getPaymentStatus();
            }
            if (paymentId == null) {
                paymentId = inquiry.getPaymentId();
            }
        }
        return new Answer(Outcome.SUCCESS, paymentStatus, paymentId, resultCode, resultMessage, null,
                message.getHeader(AntomConstants.REFUND_ID, String.class),
                message.getHeader(AntomConstants.REFUND_STATUS, String.class), null);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
