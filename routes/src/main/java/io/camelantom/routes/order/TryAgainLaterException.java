package io.camelantom.routes.order;

/**
 * A valid message that cannot be processed yet: a {@code PAYMENT_RESULT} notification for a paymentRequestId the ledger
 * does not hold, a cancel that overtook its order (still on the orders queue, or registered with its pay call still in
 * flight), a {@code REFUND_RESULT} for a refundRequestId the ledger does not hold. Not bad input and not an error to
 * redeliver at once: the message is kept on its own queue and tried again every {@code unknownPaymentRetryDelay} for
 * {@code unknownPaymentGracePeriod} ({@link FailureHandling#keepForLater}); only then does it go to the dead-letter
 * queue, with this exception's message as the start of its reason.
 */
final class TryAgainLaterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param why why not now, as a dead-letter reason starts: "field: no ... in the ledger" */
    TryAgainLaterException(String why) {
        super(why);
    }
}
