package io.camelantom.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.camelantom.routes.notification.NotificationDeduplication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the embedded default: H2 in file mode, one database folder per test. */
class H2PaymentLedgerIT extends AbstractPaymentLedgerContract {

    @TempDir
    Path folder;

    private EmbeddedLedgerDatabase database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    DataSource dataSource() {
        if (database == null) {
            database = EmbeddedLedgerDatabase.open(folder);
        }
        return database.dataSource();
    }

    @Override
    String tablePrefix() {
        return PaymentLedger.DEFAULT_TABLE_PREFIX;
    }

    @Test
    void theOutboxRepairLooksUpExactlyTheOwedRowsThroughItsIndex() throws Exception {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN " + ledger.resultsOwedSql())) {
            ps.setObject(1, java.time.OffsetDateTime.now());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                // both conditions of the index, not only the null (which all payments in flight share)
                assertThat(rs.getString(1)).containsPattern(
                        "PAYMENT_OWED_IX: STATUS IN\\('PAID', 'FAILED', 'CANCELLED'\\)\\s+AND RESULT_PUBLISHED_AT IS NULL");
            }
        }
    }

    @Test
    void theLedgerAndTheDeduplicationStoreSurviveARestartOfTheDatabase() throws Exception {
        ledger.register(order("SO-RESTART"));
        ledger.transition("SO-RESTART", PaymentStatus.PENDING, PaymentStatus.PAID, null);
        NotificationDeduplication repo = NotificationDeduplication.repository(dataSource(), ledger, "antom-notify");
        repo.start();
        assertThat(repo.add("PAYMENT_RESULT:P9:S")).isTrue();
        repo.stop();
        database.close();
        assertThat(Files.exists(folder.resolve("ledger.mv.db"))).isTrue();

        database = EmbeddedLedgerDatabase.open(folder);
        PaymentLedger reopened = new PaymentLedger(database.dataSource(), tablePrefix(), clock)
                .createSchemaIfMissing();
        assertThat(reopened.find("SO-RESTART").orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(reopened.findResultsOwed(java.time.Duration.ZERO, 10).payments()).hasSize(1);
        NotificationDeduplication again = NotificationDeduplication.repository(database.dataSource(), reopened,
                "antom-notify");
        again.start();
        assertThat(again.contains("PAYMENT_RESULT:P9:S")).isTrue();
        assertThat(again.add("PAYMENT_RESULT:P9:S")).isFalse();
        again.stop();
    }

    @Test
    void deduplicationKeysAddedWhileTheDatabaseIsUnreachableAreWrittenWhenItIsBack() throws Exception {
        Unreachable database = new Unreachable(dataSource());
        NotificationDeduplication repo = NotificationDeduplication.repository(database.dataSource, ledger, "antom-notify");
        repo.start();
        database.down = true;
        assertThat(repo.add("PAYMENT_RESULT:OUTAGE:S")).isTrue();
        assertThat(repo.contains("PAYMENT_RESULT:OUTAGE:S")).as("known from memory while not written").isTrue();
        assertThatThrownBy(() -> repo.contains("PAYMENT_RESULT:OTHER:S")).isInstanceOf(LedgerException.class);
        Thread.sleep(100); // several writer rounds fail meanwhile
        assertThat(stored("PAYMENT_RESULT:OUTAGE:S")).isFalse();

        database.down = false;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!stored("PAYMENT_RESULT:OUTAGE:S") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stored("PAYMENT_RESULT:OUTAGE:S")).isTrue();
        repo.stop();
    }

    private boolean stored(String key) {
        return NotificationDeduplication.repository(dataSource(), ledger, "antom-notify").contains(key);
    }

    /** The real database behind a switch that refuses connections, as an unreachable server does. */
    private static final class Unreachable {
        final DataSource dataSource;
        volatile boolean down;

        Unreachable(DataSource real) {
            this.dataSource = (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                        if (down && method.getName().equals("getConnection")) {
                            throw new java.sql.SQLTransientConnectionException("database unreachable (test switch)", "08001");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Test
    void twoInstancesOverOneFolderShareTheDatabaseAndClosingOneKeepsTheOther() {
        ledger.register(order("SO-SHARE"));
        EmbeddedLedgerDatabase second = EmbeddedLedgerDatabase.open(folder);
        PaymentLedger viaSecond = new PaymentLedger(second.dataSource(), tablePrefix(), clock);
        assertThat(viaSecond.find("SO-SHARE")).isPresent();
        second.close();
        assertThat(ledger.find("SO-SHARE")).isPresent();
        assertThat(ledger.transition("SO-SHARE", PaymentStatus.PENDING, PaymentStatus.PROCESSING, null)).isTrue();
    }

    @Test
    void autoServerModeOpensTheSameFiles() {
        ledger.register(order("SO-AUTO"));
        database.close();
        database = EmbeddedLedgerDatabase.open(folder, true, "sa", "", 4);
        assertThat(database.url()).contains(";AUTO_SERVER=TRUE").doesNotContain("DB_CLOSE_ON_EXIT");
        assertThat(new PaymentLedger(database.dataSource(), tablePrefix(), clock).find("SO-AUTO")).isPresent();
    }

    @Test
    void twoLedgersWithDifferentPrefixesShareOneDatabase() {
        PaymentLedger other = new PaymentLedger(dataSource(), "SHOP2_", clock).createSchemaIfMissing();
        other.register(order("SO-SHARED"));
        assertThat(ledger.find("SO-SHARED")).isEmpty();
        assertThat(other.find("SO-SHARED")).isPresent();
    }
}
