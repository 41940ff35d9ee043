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

    /**
     * Whether the database could not be reached, as opposed to refusing the statement: a connection that failed or
     * broke (SQLSTATE class 08), a server shutting down or starting (57P), out of resources (53), or a driver's
     * transient / recoverable exception. Callers wait such an outage out instead of giving up on the message.
     */
    public boolean databaseUnavailable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }
}
