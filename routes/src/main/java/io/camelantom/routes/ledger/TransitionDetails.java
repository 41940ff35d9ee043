package io.camelantom.routes.ledger;

/**
 * What a transition records besides the new status. Null fields keep the stored value.
 *
 * @param paymentId     Antom's paymentId, if the answer carried one
 * @param resultCode    Antom's resultCode (or a local code such as a transport error's name)
 * @param resultMessage Antom's resultMessage (cut to {@value #MAX_MESSAGE_LENGTH} characters)
 * @param source        what brought the change ({@link PaymentEvent#NOTIFICATION}, ...), the kind of the event the
 *                      ledger records with it; null: {@link PaymentEvent#STATUS}
 */
public record TransitionDetails(String paymentId, String resultCode, String resultMessage, String source) {

    /** Details without a named source. */
    public TransitionDetails(String paymentId, String resultCode, String resultMessage) {
        this(paymentId, resultCode, resultMessage, null);
    }

    public static final int MAX_MESSAGE_LENGTH = 512;
    public static final int MAX_CODE_LENGTH = 64;

    /** Nothing besides the status. */
    public static TransitionDetails none() {
        return new TransitionDetails(null, null, null);
    }

    /** An answer's code and message. */
    public static TransitionDetails result(String resultCode, String resultMessage) {
        return new TransitionDetails(null, resultCode, resultMessage);
    }

    /** The same details with Antom's paymentId. */
    public TransitionDetails withPaymentId(String id) {
        return new TransitionDetails(id, resultCode, resultMessage, source);
    }

    /** The same details, recorded in the payment's history as brought by {@code eventKind}. */
    public TransitionDetails withSource(String eventKind) {
        return new TransitionDetails(paymentId, resultCode, resultMessage, eventKind);
    }
}
