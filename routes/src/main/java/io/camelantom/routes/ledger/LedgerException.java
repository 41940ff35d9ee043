package io.camelantom.routes.ledger;

/** A ledger operation failed (database unreachable, SQL error, unreadable row). */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
