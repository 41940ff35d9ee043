package io.camelantom.routes.ledger;

import java.nio.file.Path;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded default database of the ledger and the de-duplication store: an H2 file database in a folder, behind a
 * HikariCP pool. For demos, tests and single-node installations; production uses PostgreSQL through the merchant's own
 * pooled {@link DataSource}.
 * <p>
 * URL: {@code jdbc:h2:file:<folder>/ledger;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE},
 * or {@code ...;AUTO_SERVER=TRUE} instead of the last setting when asked for.
 * <ul>
 * <li>{@code WRITE_DELAY=0}: every commit is written to the database file before the commit returns. H2's default
 * (500 ms) writes commits lazily, so a killed process lost rows it had committed, while the JMS transaction that
 * depended on them had already committed (issue 12). The ledger commits little per payment, so the cost is small;
 * the process-kill tests ({@code routes/src/test/java/io/camelantom/routes/crash}) prove the setting. It protects
 * against a killed process; against a power loss the operating system's own write-back decides, which is one reason
 * production uses PostgreSQL.</li>
 * <li>H2 2.x's MVStore gives row-level locking and multi-version reads, so any number of connections and Camel
 * contexts in one JVM share the database safely.</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 does not close the database from its own JVM shutdown hook, which could run
 * before Camel has finished its in-flight exchanges; {@link #close()} closes it (after Camel has stopped).</li>
 * <li>Several instances over the same folder in one JVM share one open database (H2 keeps one per URL).</li>
 * <li>{@code LOCK_TIMEOUT=10000}: a statement waits up to 10 s for a row another connection is changing.</li>
 * <li>{@code QUERY_CACHE_SIZE=64}: each connection keeps the ledger's few dozen statements parsed. With H2's default
 * (8) they pushed each other out, and parsing SQL was a seventh of the notification bridge's CPU under load.</li>
 * <li>The pool is HikariCP, not H2's own {@code JdbcConnectionPool}: H2's pool rolls a connection back when it is
 * handed out and again when it is returned, and with {@code WRITE_DELAY=0} every rollback, even of nothing, writes a
 * chunk of the database file whenever any connection has unsaved changes. That was most of the ledger's cost under
 * load (issue 11). HikariCP rolls back only a connection returned with an open transaction.</li>
 * <li>{@code AUTO_SERVER=TRUE} (off by default) lets a second JVM on the same host open the same files: the first
 * opener serves the others over a local TCP port. It is off by default because it opens a port and because the
 * other processes lose their open transactions when the first one stops; several nodes on several hosts need
 * PostgreSQL. H2 does not allow it together with {@code DB_CLOSE_ON_EXIT=FALSE}, so in this mode H2's shutdown hook
 * may close the database before Camel has finished stopping.</li>
 * </ul>
 */
public final class EmbeddedLedgerDatabase implements AutoCloseable {

    private final String url;
    private final HikariDataSource pool;

    private EmbeddedLedgerDatabase(String url, String user, String password, int maxConnections) {
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxConnections);
        // opened on first use, as before: a database that cannot be opened yet fails the call, not the constructor
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /** A database {@code ledger} in {@code folder} (created when missing), user {@code sa}, 16 connections at most. */
    public static EmbeddedLedgerDatabase open(Path folder) {
        return open(folder, false, "sa", "", 16);
    }

    /**
     * @param folder         where the database files live
     * @param autoServer     {@code AUTO_SERVER=TRUE}: several JVMs on this host may share the files
     * @param user           database user (created with the database)
     * @param password       its password
     * @param maxConnections pool size
     */
    public static EmbeddedLedgerDatabase open(Path folder, boolean autoServer, String user, String password,
            int maxConnections) {
        Objects.requireNonNull(folder, "folder");
        // H2 refuses AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE: the serving JVM needs its shutdown hook
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("ledger")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=64" + (autoServer ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE");
        return new EmbeddedLedgerDatabase(url, user, password, maxConnections);
    }

    /** The pooled data source to give to {@link PaymentLedger} and the de-duplication store. */
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL (no credentials in it). */
    public String url() {
        return url;
    }

    /**
     * Closes this pool's connections; H2 then closes the database (written to disk, files released) once no
     * connection is left, also from another {@code EmbeddedLedgerDatabase} over the same folder in this JVM, which
     * keeps working. Call it after Camel has stopped.
     */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "EmbeddedLedgerDatabase[" + url + "]";
    }
}
