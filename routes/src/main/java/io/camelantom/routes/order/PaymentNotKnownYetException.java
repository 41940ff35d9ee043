package io.camelantom.routes.order;

/**
 * A verified payment notification names a paymentRequestId the ledger does not hold (yet). Not bad input: it can race
 * the order's registration on another node, or follow a crash. The notification is kept and tried again for
 * {@code unknownPaymentGracePeriod}; only then does it go to the dead-letter queue.
 */
final class PaymentNotKnownYetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String paymentRequestId;

    PaymentNotKnownYetException(String paymentRequestId) {
        super("paymentRequestId: no payment " + paymentRequestId + " in the ledger");
        this.paymentRequestId = paymentRequestId;
    }

    String paymentRequestId() {
        return paymentRequestId;
    }
}
