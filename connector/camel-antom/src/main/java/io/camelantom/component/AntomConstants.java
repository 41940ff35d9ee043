package io.camelantom.component;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code antom:} component. */
public final class AntomConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's operation.",
              javaType = "io.camelantom.component.AntomOperation")
    public static final String OPERATION = "CamelAntomOperation";
    @Metadata(label = "producer", description = "The Antom API path for the call operation, e.g. /ams/api/v1/payments/consult;"
                                                + " overrides the path option.",
              javaType = "String")
    public static final String PATH = "CamelAntomPath";

    @Metadata(description = "The result status Antom answered: S (success), F (failed) or U (unknown, not final).",
              javaType = "String")
    public static final String RESULT_STATUS = "CamelAntomResultStatus";
    @Metadata(description = "The result code Antom answered, e.g. SUCCESS, USER_BALANCE_NOT_ENOUGH, PAYMENT_IN_PROCESS.",
              javaType = "String")
    public static final String RESULT_CODE = "CamelAntomResultCode";
    @Metadata(description = "The result message Antom answered.", javaType = "String")
    public static final String RESULT_MESSAGE = "CamelAntomResultMessage";
    @Metadata(description = "Antom's id of the payment (paymentId).", javaType = "String")
    public static final String PAYMENT_ID = "CamelAntomPaymentId";
    @Metadata(description = "The merchant's id of the payment request (paymentRequestId), from the answer or the request.",
              javaType = "String")
    public static final String PAYMENT_REQUEST_ID = "CamelAntomPaymentRequestId";
    @Metadata(description = "The payment's own status from inquiryPayment: SUCCESS, FAIL, PROCESSING, CANCELLED or PENDING.",
              javaType = "String")
    public static final String PAYMENT_STATUS = "CamelAntomPaymentStatus";
    @Metadata(description = "Antom's id of the refund (refundId).", javaType = "String")
    public static final String REFUND_ID = "CamelAntomRefundId";
    @Metadata(description = "The refund's status from inquiryRefund: SUCCESS, FAIL or PROCESSING.", javaType = "String")
    public static final String REFUND_STATUS = "CamelAntomRefundStatus";
    @Metadata(description = "Antom's id of the capture (captureId).", javaType = "String")
    public static final String CAPTURE_ID = "CamelAntomCaptureId";
    @Metadata(description = "In-store Order Code payments: the code to show the buyer (orderCodeForm.codeDetails[].codeValue,"
                            + " the TEXT one when there are several).",
              javaType = "String")
    public static final String ORDER_CODE = "CamelAntomOrderCode";
    @Metadata(description = "Online payments: the page to send the buyer to (normalUrl, else redirectActionForm.redirectUrl).",
              javaType = "String")
    public static final String REDIRECT_URL = "CamelAntomRedirectUrl";
    @Metadata(description = "The raw JSON answer, exactly as Antom sent it (the body is the typed response).",
              javaType = "String")
    public static final String RAW_RESPONSE = "CamelAntomRawResponse";
    @Metadata(description = "The HTTP status of Antom's answer.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelAntomHttpStatus";

    /** Set by the signing processor on a verified notification: its notifyType (PAYMENT_RESULT...). */
    public static final String NOTIFY_TYPE = "CamelAntomNotifyType";
    /** Set by the signing processor on a verified notification: the raw JSON as received. */
    public static final String RAW_NOTIFICATION = "CamelAntomRawNotification";

    /**
     * Exchange property holding the bytes of a request whose outcome is unknown, so that a redelivery resends the
     * identical body. Removed once Antom gave a final answer.
     */
    public static final String PENDING_REQUEST = "CamelAntomPendingRequest";

    private AntomConstants() {
    }
}
