package io.camelantom.routes.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.camelantom.routes.ledger.LedgerException;
import io.camelantom.routes.ledger.LedgerSchema;
import io.camelantom.routes.ledger.PaymentLedger;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The notification route's de-duplication store, in the ledger's table {@code <prefix>MESSAGE_PROCESSED} (the layout of
 * Camel's {@code JdbcMessageIdRepository}: processor name, message id, time; stores written by earlier versions are
 * read as they are). Keys survive restarts and are never expired.
 * <p>
 * <b>Group commit.</b> Every {@link #add} returns only once its key is committed, but concurrent adds share one
 * transaction: the first caller to take the writer lock inserts every key queued at that moment; callers whose keys
 * went in with it return without a commit of their own. One commit per notification was the bridge's largest cost
 * under a notification storm (a file-database commit writes a chunk, whatever its size).
 * <p>
 * Of two adds of one key, one answers {@code true}: while a key waits for its commit it is known to {@link #contains}
 * and to a second {@link #add}; two nodes inserting one key at once are told apart by the primary key (the loser's
 * batch is repeated key by key, and the duplicate answers {@code false}).
 * <p>
 * With Camel's idempotent consumer, use {@code eager(false)}: the key is stored only after the message was published,
 * so a crash between the two republishes once instead of acknowledging a notification that was never published.
 */
public final class NotificationDeduplication extends ServiceSupport implements IdempotentRepository {

    /** SQLState of a unique-constraint violation (H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String table;
    private final String processorName;
    private final Clock clock;
    private final String selectSql;
    private final String deleteSql;
    private final String clearSql;
    private volatile String insertSql;

    private final Set<String> uncommitted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<PendingKey> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    private NotificationDeduplication(DataSource dataSource, String table, String processorName, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = table;
        this.processorName = Objects.requireNonNull(processorName, "processorName");
        this.clock = clock;
        this.selectSql = "SELECT 1 FROM " + table + " WHERE PROCESSORNAME = ? AND MESSAGEID = ?";
        this.deleteSql = "DELETE FROM " + table + " WHERE PROCESSORNAME = ? AND MESSAGEID = ?";
        this.clearSql = "DELETE FROM " + table + " WHERE PROCESSORNAME = ?";
    }

    /**
     * A store over the ledger's de-duplication table.
     *
     * @param dataSource    the ledger's database, with the ledger schema applied
     * @param ledger        the ledger (for its table prefix)
     * @param processorName the key space, e.g. the route id; several routes may share the table
     */
    public static NotificationDeduplication repository(DataSource dataSource, PaymentLedger ledger, String processorName) {
        return new NotificationDeduplication(dataSource, ledger.messageProcessedTable(), processorName, Clock.systemUTC());
    }

    @Override
    public boolean contains(String key) {
        if (uncommitted.contains(key)) {
            return true;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(selectSql)) {
            ps.setString(1, processorName);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot read the notification de-duplication store", e);
        }
    }

    /** Records a key; returns once it is committed. {@code false} when the key was known already. */
    @Override
    public boolean add(String key) {
        if (!uncommitted.add(key)) {
            return false; // another delivery of this notification is committing it now
        }
        PendingKey pending = new PendingKey(key);
        queue.add(pending);
        writer.lock();
        try {
            if (!pending.done) {
                commitQueued();
            }
        } finally {
            writer.unlock();
        }
        if (pending.failure != null) {
            throw new LedgerException("Cannot record a notification in the de-duplication store", pending.failure);
        }
        return pending.inserted;
    }

    @Override
    public boolean remove(String key) {
        return update(deleteSql, key) > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        update(clearSql, null);
    }

    /** Inserts every queued key in one transaction; called holding the writer lock. */
    private void commitQueued() {
        List<PendingKey> batch = new ArrayList<>();
        for (PendingKey next; (next = queue.poll()) != null;) {
            batch.add(next);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                insertAll(c, batch);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // another node inserted one of these keys meanwhile: key by key, that one answers false
                for (PendingKey one : batch) {
                    try {
                        insertAll(c, List.of(one));
                        c.commit();
                    } catch (SQLException raced) {
                        c.rollback();
                        if (!UNIQUE_VIOLATION.equals(raced.getSQLState())) {
                            throw raced;
                        }
                        one.inserted = false;
                    }
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            // every caller of this batch fails, not only the one that ran it
            batch.forEach(p -> p.failure = e);
        } finally {
            batch.forEach(p -> {
                uncommitted.remove(p.key);
                p.done = true;
            });
        }
    }

    private void insertAll(Connection c, List<PendingKey> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(c))) {
            Timestamp now = new Timestamp(clock.millis());
            for (PendingKey p : batch) {
                ps.setString(1, processorName);
                ps.setString(2, p.key);
                ps.setTimestamp(3, now);
                ps.setString(4, processorName);
                ps.setString(5, p.key);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).inserted = counts[i] != 0;
            }
        }
    }

    /** Insert unless present, in one statement both databases take: the update count tells whether it was new. */
    private String insertSql(Connection c) throws SQLException {
        String sql = insertSql;
        if (sql == null) {
            LedgerSchema.Dialect.of(c); // refuses a database the ledger has no schema for
            sql = "INSERT INTO " + table + " (PROCESSORNAME, MESSAGEID, CREATEDAT) SELECT ?, ?, ? WHERE NOT EXISTS"
                  + " (SELECT 1 FROM " + table + " WHERE PROCESSORNAME = ? AND MESSAGEID = ?)";
            insertSql = sql;
        }
        return sql;
    }

    private int update(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, processorName);
            if (key != null) {
                ps.setString(2, key);
            }
            int count = ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return count;
        } catch (SQLException e) {
            throw new LedgerException("Cannot update the notification de-duplication store", e);
        }
    }

    @Override
    protected void doStart() {
        // nothing to open: connections are taken from the data source per use
    }

    @Override
    protected void doStop() {
        // nothing held between calls
    }

    @Override
    public String toString() {
        return "NotificationDeduplication[" + table + ", " + processorName + "]";
    }

    /** One caller's key waiting for the group commit; written under the writer lock, read after it. */
    private static final class PendingKey {
        final String key;
        volatile boolean done;
        volatile boolean inserted;
        volatile Exception failure;

        PendingKey(String key) {
            this.key = key;
        }
    }
}
