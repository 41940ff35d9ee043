package io.camelantom.routes.notification;

import java.util.Objects;

import javax.sql.DataSource;

import io.camelantom.routes.ledger.PaymentLedger;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The notification route's de-duplication store: Camel's {@link JdbcMessageIdRepository} (camel-sql) on the ledger's
 * database, in the table {@code <prefix>MESSAGE_PROCESSED} that the ledger schema creates. Keys survive restarts.
 * <p>
 * The repository's own table creation is switched off: it probes for the table and creates it inside one transaction,
 * which PostgreSQL refuses once the probe has failed (the transaction is aborted); the ledger schema, applied first by
 * {@link PaymentLedger#createSchemaIfMissing()}, creates the table on both databases instead.
 * <p>
 * Behaviour to know when using it with Camel's idempotent consumer: {@code add} reads then inserts; two concurrent
 * adds of the same key make one of them fail with a duplicate-key exception (not a {@code false}), which the route
 * must treat like a duplicate or a retryable error. Keys are never expired by Camel.
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
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, processorName);
        repository.setTableName(ledger.messageProcessedTable());
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
