package io.camelantom.routes.ledger;

/**
 * What {@link RefundLedger#register} did.
 *
 * @param outcome what happened
 * @param refund  the refund's row (the new one, or the existing one); null when {@link Outcome#REFUSED}
 * @param reason  why it was refused or conflicts, a sentence naming the field; null otherwise
 */
public record RefundRegistration(Outcome outcome, RefundRecord refund, String reason) {

    public enum Outcome {
        /** Inserted as PENDING: the amount fits in what was paid and not yet refunded. */
        CREATED,
        /** This refund id is registered already, with the same payment and money. */
        EXISTING,
        /** This refund id is registered already with another payment or other money. */
        CONFLICT,
        /** Not registered: the payment is not PAID, the currency differs, or the amount exceeds what is left. */
        REFUSED
    }
}
