package io.camelantom.routes.ledger;

import java.time.Instant;

/**
 * One line of a payment's history in {@code <prefix>PAYMENT_EVENT}: append-only, written by the ledger in the same
 * transaction as the change it describes (the operations console's timeline reads it). The detail names statuses,
 * Antom's codes and identifiers, and the operator's name and reason; never personal data beyond what the payment row
 * holds.
 *
 * @param id               ascending per database (the order of events)
 * @param paymentRequestId the payment
 * @param at               when (the ledger's clock)
 * @param kind             one of the constants below
 * @param detail           what happened, for people
 */
public record PaymentEvent(long id, String paymentRequestId, Instant at, String kind, String detail) {

    public static final int MAX_KIND_LENGTH = 32;
    public static final int MAX_DETAIL_LENGTH = 1024;

    /** The order was registered: a new attempt. */
    public static final String REGISTERED = "REGISTERED";
    /** A call to Antom (pay, inquiry, cancel) was counted, just before it was made. */
    public static final String ANTOM_CALL = "ANTOM_CALL";
    /** A status change after Antom's answer to the order bridge. */
    public static final String STATUS = "STATUS";
    /** A status change brought by Antom's notification. */
    public static final String NOTIFICATION = "NOTIFICATION";
    /** A status change found by a reconciliation inquiry or cancel. */
    public static final String RECONCILIATION = "RECONCILIATION";
    /** Reconciliation took the payment for a check. */
    public static final String RECONCILIATION_CHECK = "RECONCILIATION_CHECK";
    /** The final result message was published. */
    public static final String RESULT_PUBLISHED = "RESULT_PUBLISHED";
    /** The outbox repair took an owed result to publish it again. */
    public static final String RESULT_REPUBLISHING = "RESULT_REPUBLISHING";
    /** A refund of the payment changed status. */
    public static final String REFUND = "REFUND";
    /** An operator's override of the status (operator and reason in the detail). */
    public static final String OPERATOR_OVERRIDE = "OPERATOR_OVERRIDE";
    /** An operator asked for a check now (the operations console). */
    public static final String OPERATOR_INQUIRY = "OPERATOR_INQUIRY";
}
