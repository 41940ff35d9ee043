package io.camelantom.routes.notification;

import java.util.Objects;

import javax.sql.DataSource;

import io.camelantom.routes.ledger.PaymentLedger;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * The notification route's de-duplication store: Camel's {@link JdbcMessageIdRepository} (camel-sql) on the ledger's
 * database, in the table {@code <prefix>MESSAGE_PROCESSED} that the ledger schema creates. Keys survive restarts.
 * <p>
 * The repository's own table creation is switched off: it probes for the table and creates it inside one transaction,
 * which PostgreSQL refuses once the probe has failed (the transaction is aborted); the ledger schema, applied first by
 * {@link PaymentLedger#createSchemaIfMissing()}, creates the table on both databases instead.
 * <p>
 * Camel's {@code add} reads, then inserts: of two concurrent adds of one key, the second insert fails with a
 * duplicate-key exception. The repository returned here answers {@code false} then, as for any known key.
 * Keys are never expired.
 * <p>
 * With Camel's idempotent consumer, prefer {@code eager(false)}: the key is stored only after the message was
 * published, so a crash between the two republishes once instead of acknowledging a notification that was never
 * published (with {@code eager(true)} the key is stored first and survives such a crash).
 */
public final class NotificationDeduplication {

    private NotificationDeduplication() {
    }

    /**
     * A repository over the ledger's de-duplication table. Start it (or let Camel start it) before use.
     *
     * @param dataSource    the ledger's database, with the ledger schema applied
     * @param ledger        the ledger (for its table prefix)
     * @param processorName the key space, e.g. the route id; several routes may share the table
     */
    public static JdbcMessageIdRepository repository(DataSource dataSource, PaymentLedger ledger,
            String processorName) {
        Objects.requireNonNull(processorName, "processorName");
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, processorName) {
            @Override
            public boolean add(String key) {
                try {
                    return super.add(key);
                } catch (DuplicateKeyException raced) {
                    // another caller inserted the same key between our read and our insert
                    return false;
                }
            }
        };
        repository.setTableName(ledger.messageProcessedTable());
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
