package io.camelantom.routes.ledger;

import java.util.List;

/**
 * The rows of one selection: the readable ones, in the selection's order, and the unreadable ones, reported apart so
 * one bad row never stops a batch.
 */
public record LedgerBatch(List<PaymentRecord> payments, List<BadLedgerRow> badRows) {

    public LedgerBatch {
        payments = List.copyOf(payments);
        badRows = List.copyOf(badRows);
    }

    public boolean isEmpty() {
        return payments.isEmpty() && badRows.isEmpty();
    }
}
