package io.camelantom.routes.ledger;

/**
 * The outcome of registering an order ({@link PaymentLedger#register}).
 *
 * @param outcome what happened
 * @param payment the row for the order: the new one, or the order's latest attempt that already existed
 */
public record Registration(Outcome outcome, PaymentRecord payment) {

    public enum Outcome {
        /** A new PENDING row was inserted: this caller goes on to call Antom. */
        CREATED,
        /** The order was already registered (a redelivery or a re-sent order) with the same amount and currency. */
        EXISTING,
        /**
         * The order id is already registered with a different amount or currency. Antom would refuse the reused
         * paymentRequestId ({@code REPEAT_REQ_INCONSISTENT}); the order is bad input.
         */
        CONFLICT
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }
}
