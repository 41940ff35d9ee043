package io.camelantom.routes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits the ledger's single-statement writes of concurrent callers in one database transaction (group commit).
 * <p>
 * Why: every commit of the embedded H2 database writes a chunk to its file ({@code WRITE_DELAY=0}), and on
 * PostgreSQL every commit waits for its WAL flush; with hundreds of payments in flight most of the ledger's cost was
 * these commits, one per statement. Here a caller queues its statement and takes the writer lock; whoever holds the
 * lock runs every statement queued by then on one connection and commits once, and a caller whose statement was run
 * by an earlier holder just returns its result. No thread of its own, so nothing to start or stop.
 * <p>
 * What a caller sees is unchanged: {@link #execute} returns only once its statement is committed, with that
 * statement's update count, or throws that statement's own {@link SQLException}. Statements of one batch run in queue
 * order, so two compare-and-sets on one row in one batch still have one winner. When a statement fails, the batch is
 * rolled back and each member is run again alone, in its own transaction (a failed statement aborts the whole
 * transaction on PostgreSQL, and a unique violation is an answer the caller handles). When the commit itself fails,
 * every member gets that failure: as with a failed auto-commit, the caller cannot tell whether its write is in.
 */
final class GroupCommit {

    /** Most statements in one transaction: bounds how long one commit holds its row locks. */
    static final int MAX_BATCH = 256;

    /** Opens a connection of the ledger's pool with auto-commit on. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * A read run right after a statement that changed one row (and its history row), on the same connection in the
     * same transaction: it sees that change and no later one.
     */
    @FunctionalInterface
    interface ReadBack {
        void read(Connection c) throws SQLException;
    }

    /** One queued statement (with the history row it writes when it changed a row) and, once run, its outcome. */
    private static final class Write {
        final String sql;
        final PaymentLedger.Binder binder;
        final PaymentLedger.EventInsert event;
        final ReadBack readBack;
        int count;
        SQLException failure;
        RuntimeException bindFailure;
        volatile boolean done;

        Write(String sql, PaymentLedger.Binder binder, PaymentLedger.EventInsert event, ReadBack readBack) {
            this.sql = sql;
            this.binder = binder;
            this.event = event;
            this.readBack = readBack;
        }

        /** Whether it needs a transaction of its own when run alone (more than one statement). */
        boolean severalStatements() {
            return event != null || readBack != null;
        }

        /**
         * Runs the statement, then, if it changed exactly one row, its history row and its read-back: in the caller's
         * transaction.
         */
        void run(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                count = ps.executeUpdate();
            }
            if (event != null && count == 1) {
                try (PreparedStatement es = c.prepareStatement(event.sql())) {
                    event.binder().bind(es);
                    es.executeUpdate();
                }
            }
            if (readBack != null && count == 1) {
                readBack.read(c);
            }
        }
    }

    private final ConnectionSource connections;
    private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    GroupCommit(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Runs one statement, committed with whatever other callers queued meanwhile; its update count. */
    int execute(String sql, PaymentLedger.Binder binder) throws SQLException {
        return execute(sql, binder, null);
    }

    /**
     * {@link #execute(String, PaymentLedger.Binder)} that also appends {@code event} to the payment's history when the
     * statement changed a row, in the same transaction (the history never misses or invents a change).
     */
    int execute(String sql, PaymentLedger.Binder binder, PaymentLedger.EventInsert event) throws SQLException {
        return execute(sql, binder, event, null);
    }

    /**
     * {@link #execute(String, PaymentLedger.Binder, PaymentLedger.EventInsert)} that also runs {@code readBack} (may be
     * null) in the same transaction when the statement changed a row. When the batch is undone and run again, it runs
     * again too; what it read last counts.
     */
    int execute(String sql, PaymentLedger.Binder binder, PaymentLedger.EventInsert event, ReadBack readBack)
            throws SQLException {
        Write write = new Write(sql, binder, event, readBack);
        queue.add(write);
        writer.lock();
        try {
            // an earlier holder may have run (and committed) this write already
            while (!write.done) {
                runBatch();
            }
        } finally {
            writer.unlock();
        }
        if (write.bindFailure != null) {
            throw write.bindFailure;
        }
        if (write.failure != null) {
            throw write.failure;
        }
        return write.count;
    }

    /** Callers waiting for the writer lock (an estimate; for tests that build a batch). */
    int waitingCallers() {
        return writer.getQueueLength();
    }

    private void runBatch() {
        List<Write> batch = new ArrayList<>();
        for (Write w; batch.size() < MAX_BATCH && (w = queue.poll()) != null;) {
            batch.add(w);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            runAlone(batch.get(0));
        } else {
            runTogether(batch);
        }
        batch.forEach(w -> w.done = true);
    }

    private void runTogether(List<Write> batch) {
        boolean statementFailed;
        try (Connection c = connections.open()) {
            statementFailed = !runInOneTransaction(c, batch);
        } catch (SQLException e) {
            // no connection (the database unreachable), or it broke: every member fails as it would have alone
            batch.forEach(w -> w.failure = w.failure == null ? e : w.failure);
            return;
        }
        if (statementFailed) {
            // undone: every member gets its own transaction and its own outcome
            batch.forEach(this::runAlone);
        }
    }

    /** {@code false} when a statement failed (the transaction is rolled back); a failed commit is every member's. */
    private static boolean runInOneTransaction(Connection c, List<Write> batch) throws SQLException {
        c.setAutoCommit(false);
        try {
            try {
                for (Write w : batch) {
                    w.run(c);
                }
            } catch (SQLException | RuntimeException e) {
                rollBackQuietly(c);
                return false;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                // whether anything is in is unknown, as after a failed auto-commit: every member is told
                batch.forEach(w -> w.failure = e);
                rollBackQuietly(c);
            }
            return true;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void runAlone(Write w) {
        w.count = 0;
        w.failure = null;
        try (Connection c = connections.open()) {
            if (!w.severalStatements()) {
                w.run(c); // auto-commit
                return;
            }
            c.setAutoCommit(false);
            try {
                w.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                w.count = 0;
                rollBackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            w.failure = e;
        } catch (RuntimeException e) {
            w.bindFailure = e;
        }
    }

    private static void rollBackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: its transaction is gone with it
        }
    }
}
