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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.camelantom.routes.ledger.LedgerException;
import io.camelantom.routes.ledger.LedgerSchema;
import io.camelantom.routes.ledger.PaymentLedger;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification route's de-duplication store, in the ledger's table {@code <prefix>MESSAGE_PROCESSED} (the layout of
 * Camel's {@code JdbcMessageIdRepository}: processor name, message id, time; stores written by earlier versions are
 * read as they are). Keys survive restarts and are never expired.
 * <p>
 * <b>Written behind.</b> {@link #add} queues the key and returns; a writer thread inserts the queued keys in one
 * transaction every {@value #FLUSH_INTERVAL_MILLIS} ms. A commit per notification was the bridge's largest cost under a
 * notification storm (a file database writes a chunk per commit, whatever its size). Until its commit a key is known to
 * {@link #contains} and to a second {@link #add} from this store's memory. The store was never on the acknowledgement's
 * durability path: the message is in the broker before the key is recorded. A key lost in a crash (or while the
 * database is unreachable) lets Antom's next delivery of that notification through to the broker, whose duplicate
 * detection drops it (the bridge's second layer); with another broker it is published once more.
 * <p>
 * Two nodes inserting one key at once are told apart by the primary key: the loser's batch is repeated key by key.
 * <p>
 * <b>One lookup per notification.</b> The route asks {@link #contains} before the send and calls {@link #add} after
 * it. A key {@link #contains} has just looked up and not found is remembered for {@value #LOOKED_UP_MILLIS} ms, and
 * {@link #add} takes it without a second query. If another node recorded the key in between, {@code add} answers
 * {@code true} where a query would have said {@code false}; the key is still stored once (insert unless present), and
 * the route does not use the answer. A second query per notification was about a twelfth of the bridge's CPU.
 */
public final class NotificationDeduplication extends ServiceSupport implements IdempotentRepository {

    static final long FLUSH_INTERVAL_MILLIS = 50;
    /** The most keys one transaction inserts. */
    private static final int MAX_BATCH = 500;
    /** How long the writer waits after a failed insert before trying the same keys again. */
    private static final long RETRY_AFTER_FAILURE_MILLIS = 1000;
    /** How long a key {@link #contains} did not find is taken as absent by {@link #add}. */
    static final long LOOKED_UP_MILLIS = 10_000;
    /** Keys looked up and not yet added (a send that failed) are forgotten beyond this many. */
    private static final int MAX_LOOKED_UP = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeduplication.class);

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
    /** Keys {@link #contains} found absent, with when (nanoTime). */
    private final ConcurrentHashMap<String, Long> lookedUpAbsent = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    private ScheduledExecutorService flusher;
    private volatile long nextAttemptAt;
    private volatile boolean failing;

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
        if (stored(key)) {
            return true;
        }
        if (lookedUpAbsent.size() >= MAX_LOOKED_UP) {
            lookedUpAbsent.clear(); // sends that failed and never added their key; add() queries again
        }
        lookedUpAbsent.put(key, System.nanoTime());
        return false;
    }

    /** Whether {@link #contains} found the key absent within {@link #LOOKED_UP_MILLIS}; forgets it either way. */
    private boolean lookedUpAbsentJustNow(String key) {
        Long at = lookedUpAbsent.remove(key);
        return at != null && System.nanoTime() - at < TimeUnit.MILLISECONDS.toNanos(LOOKED_UP_MILLIS);
    }

    private boolean stored(String key) {
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

    /**
     * Records a key: {@code false} when the key is known (stored, or being stored by this store). Once started, the
     * key is written to the database within {@value #FLUSH_INTERVAL_MILLIS} ms (see the class comment), or when the
     * database answers again.
     */
    @Override
    public boolean add(String key) {
        if (!uncommitted.add(key)) {
            return false; // being recorded by another caller
        }
        boolean stored;
        try {
            stored = !lookedUpAbsentJustNow(key) && stored(key);
        } catch (LedgerException unreachable) {
            stored = false; // recorded once the database answers again
        }
        if (stored) {
            uncommitted.remove(key);
            return false;
        }
        queue.add(key);
        if (!isStarted()) {
            flush(); // no writer thread before start: written at once
        }
        return true;
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

    /** Inserts the queued keys, a batch per transaction, until the queue is empty or the database refuses. */
    void flush() {
        writer.lock();
        try {
            while (!queue.isEmpty() && System.currentTimeMillis() >= nextAttemptAt) {
                List<String> batch = new ArrayList<>();
                for (String next; batch.size() < MAX_BATCH && (next = queue.poll()) != null;) {
                    batch.add(next);
                }
                // one order on every node: two nodes' batches then wait for each other instead of deadlocking
                java.util.Collections.sort(batch);
                try {
                    insertBatch(batch);
                    batch.forEach(uncommitted::remove);
                    if (failing) {
                        failing = false;
                        LOG.info("{}: recording keys again", this);
                    }
                } catch (SQLException | RuntimeException e) {
                    // keep the keys (still known from memory) and try again later
                    queue.addAll(batch);
                    nextAttemptAt = System.currentTimeMillis() + RETRY_AFTER_FAILURE_MILLIS;
                    if (!failing) {
                        failing = true;
                        LOG.warn("{}: cannot record {} notification keys, retrying every {} ms: {}", this,
                                queue.size(), RETRY_AFTER_FAILURE_MILLIS, e.toString());
                    }
                }
            }
        } finally {
            writer.unlock();
        }
    }

    private void insertBatch(List<String> batch) throws SQLException {
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
                // another node inserted one of these keys meanwhile: key by key, skipping that one
                for (String one : batch) {
                    try {
                        insertAll(c, List.of(one));
                        c.commit();
                    } catch (SQLException raced) {
                        c.rollback();
                        if (!UNIQUE_VIOLATION.equals(raced.getSQLState())) {
                            throw raced;
                        }
                    }
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private void insertAll(Connection c, List<String> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(c))) {
            Timestamp now = new Timestamp(clock.millis());
            for (String key : batch) {
                ps.setString(1, processorName);
                ps.setString(2, key);
                ps.setTimestamp(3, now);
                ps.setString(4, processorName);
                ps.setString(5, key);
                ps.addBatch();
            }
            ps.executeBatch();
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
        nextAttemptAt = 0;
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "Camel " + this);
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        nextAttemptAt = 0;
        flush();
        if (!queue.isEmpty()) {
            LOG.warn("{} stopped with {} notification keys not recorded: a repeat of those notifications is passed to"
                     + " the broker, whose duplicate detection drops it", this, queue.size());
        }
    }

    @Override
    public String toString() {
        return "NotificationDeduplication[" + table + ", " + processorName + "]";
    }
}
