package io.camelantom.routes;

import io.camelantom.component.AntomConstants;

/**
 * Headers of the messages the prebuilt routes publish. Where a header means the same as one the {@code antom:}
 * component sets, the component's name is reused, so a route can branch on one name whichever way the value arrived.
 * All names are valid JMS property names (letters and digits only).
 */
public final class AntomRouteHeaders {

    /** The ERP order id (order bridge, results). */
    public static final String ORDER_ID = "CamelAntomOrderId";
    /** Antom's paymentRequestId. */
    public static final String PAYMENT_REQUEST_ID = AntomConstants.PAYMENT_REQUEST_ID;
    /** Antom's paymentId. */
    public static final String PAYMENT_ID = AntomConstants.PAYMENT_ID;
    /** S, F or U of the Antom result. */
    public static final String RESULT_STATUS = AntomConstants.RESULT_STATUS;
    /** Antom's resultCode. */
    public static final String RESULT_CODE = AntomConstants.RESULT_CODE;
    /** Antom's resultMessage. */
    public static final String RESULT_MESSAGE = AntomConstants.RESULT_MESSAGE;
    /** The notification type: PAYMENT_RESULT, PAYMENT_PENDING, REFUND_RESULT, CAPTURE_RESULT. */
    public static final String NOTIFY_TYPE = AntomConstants.NOTIFY_TYPE;
    /** Antom's refundId (refund notifications). */
    public static final String REFUND_ID = AntomConstants.REFUND_ID;
    /** The merchant's refundRequestId (refund notifications). */
    public static final String REFUND_REQUEST_ID = "CamelAntomRefundRequestId";
    /** A refund notification's refundStatus: SUCCESS or FAIL. */
    public static final String REFUND_STATUS = AntomConstants.REFUND_STATUS;
    /** Antom's captureId (capture notifications). */
    public static final String CAPTURE_ID = AntomConstants.CAPTURE_ID;
    /** The merchant's captureRequestId (capture notifications). */
    public static final String CAPTURE_REQUEST_ID = "CamelAntomCaptureRequestId";
    /** The amount in minor units, as Antom sends it ("599" for USD 5.99). */
    public static final String AMOUNT_VALUE = "CamelAntomAmountValue";
    /** ISO 4217 currency of {@link #AMOUNT_VALUE}. */
    public static final String CURRENCY = "CamelAntomCurrency";
    /**
     * The order's final status as published in a result: PAID, FAILED, CANCELLED, or REFUND_REQUIRED (reconciliation:
     * paid after its closing time while Antom refused the cancel with CANCEL_WINDOW_EXCEED; the ledger says PAID).
     */
    public static final String PAYMENT_STATUS = "CamelAntomOrderPaymentStatus";
    /** The ERP's refund id (refund results). */
    public static final String ERP_REFUND_ID = "CamelAntomErpRefundId";
    /** A refund's final status as published in a refund result: REFUNDED or REFUND_FAILED. */
    public static final String ORDER_REFUND_STATUS = "CamelAntomOrderRefundStatus";
    /**
     * The command a message on one of the order bridge's command queues carries (cancel, refund, inquiry): set on the
     * copy a {@code commandMapper} receives.
     */
    public static final String COMMAND = "CamelAntomCommand";
    /** Why a message went to a dead-letter queue: a precise, human-readable reason. */
    public static final String DEAD_LETTER_REASON = "CamelAntomDeadLetterReason";
    /**
     * The queue a dead letter came from (set by the order bridge with {@link #DEAD_LETTER_REASON}): where the
     * operations console re-drives it to.
     */
    public static final String DEAD_LETTER_ORIGIN = "CamelAntomDeadLetterOrigin";
    /**
     * Epoch milliseconds when the order bridge first received a message naming a payment or refund its ledger did not
     * know (a payment notification, a cancel ahead of its order, a refund notification); set on the message while it is
     * kept and retried on its own queue (see {@code unknownPaymentGracePeriod}).
     */
    public static final String UNKNOWN_PAYMENT_SINCE = "CamelAntomUnknownPaymentSince";

    private AntomRouteHeaders() {
    }
}
