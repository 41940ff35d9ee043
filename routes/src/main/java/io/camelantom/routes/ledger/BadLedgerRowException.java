package io.camelantom.routes.ledger;

/** Thrown by single-row look-ups when the row exists but cannot be read; carries the {@link BadLedgerRow}. */
public class BadLedgerRowException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final transient BadLedgerRow row;

    public BadLedgerRowException(BadLedgerRow row) {
        super("Unreadable ledger row " + row.paymentRequestId() + ": " + row.reason());
        this.row = row;
    }

    public BadLedgerRow row() {
        return row;
    }
}
