package io.camelantom.routes.order;

/**
 * A message that can never be processed as sent: an order with malformed JSON, a missing field, an amount the
 * currency cannot represent, an unknown currency, an order id already registered with other money; a notification
 * for a payment the ledger does not know. Not retried: the message goes to the dead-letter queue with
 * {@link #getMessage()} as the reason. Messages name the field and never quote personal data.
 */
public class RejectedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedMessageException(String reason) {
        super(reason);
    }

    public RejectedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
