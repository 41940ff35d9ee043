package io.camelantom.routes.ledger;

/**
 * A ledger row that cannot be read as a {@link PaymentRecord} (unknown status, a required column empty, ...). Callers
 * log it and skip it; it stays in the table for an operator.
 *
 * @param paymentRequestId the row's key (may itself be the problem, then null)
 * @param storedStatus     the status column as stored
 * @param reason           what is wrong
 */
public record BadLedgerRow(String paymentRequestId, String storedStatus, String reason) {
}
