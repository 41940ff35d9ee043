package io.camelantom.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camelantom.routes.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness works end to end on a tiny load: the simulator in its own JVM over HTTPS, antom:pay and the SDK, orders
 * through the real queues, signed notifications through the real HTTP endpoint, and the report. No speed is asserted
 * here; the figures come from the documented full run.
 */
class BenchmarkSmokeIT {

    @Test
    void aTinyRunProducesACompleteReport(@TempDir Path dir) throws Exception {
        BenchmarkMain.Settings settings = BenchmarkMain.Settings.parse(new String[] {
                "--out", dir.toString(), "--orders", "40", "--antom-latency-ms", "20", "--failed-percent", "10",
                "--notifications", "40", "--senders", "4", "--callers", "1,4", "--calls", "20", "--jmh", "false",
                "--openssl-seconds", "0", "--timeout-s", "300" });
        Report report = BenchmarkMain.run(settings);

        assertThat(report.orders.results()).isEqualTo(40);
        assertThat(report.orders.failed()).isEqualTo(4);
        assertThat(report.orders.paid()).isEqualTo(36);
        assertThat(report.notifications.acknowledged()).isEqualTo(40);
        assertThat(report.pay).hasSize(2).allSatisfy(level -> {
            assertThat(level.oursErrors()).isZero();
            assertThat(level.sdkErrors()).isZero();
        });
        assertThat(report.signatureProvider).startsWith("ACCP");
        assertThat(report.orders.usage().ledgerServerCpuSeconds()).as("H2 runs in the application JVM").isNaN();
        String markdown = Files.readString(report.markdownFile());
        assertThat(markdown).contains("## Order bridge", "## Notification bridge", "antom:pay next to Antom's Java SDK");
        assertThat(dir.resolve("report.html")).exists();
    }

    /**
     * The production parts: a broker the harness does not start ({@code --broker-url}; here an Artemis broker of the
     * test's, reached over TCP only) and a PostgreSQL ledger in its own process ({@code --ledger postgresql}).
     */
    @Test
    void aTinyRunOnABrokerOfTheUsersAndAPostgresqlLedgerProducesItsReport(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("users-broker")).tcpPort(Application.freePort())) {
            broker.start();
            BenchmarkMain.Settings settings = BenchmarkMain.Settings.parse(new String[] {
                    "--out", dir.resolve("out").toString(), "--orders", "20", "--antom-latency-ms", "20",
                    "--failed-percent", "10", "--notifications", "20", "--senders", "4", "--calls", "0", "--jmh", "false",
                    "--openssl-seconds", "0", "--timeout-s", "300", "--ledger", "postgresql", "--broker-url", broker.tcpUrl() });
            Report report = BenchmarkMain.run(settings);

            assertThat(report.orders.results()).isEqualTo(20);
            assertThat(report.orders.failed()).isEqualTo(2);
            assertThat(report.orders.paid()).isEqualTo(18);
            assertThat(report.notifications.acknowledged()).isEqualTo(20);
            assertThat(Files.readString(report.markdownFile()))
                    .contains("ledger=PostgreSQL", "broker=" + broker.tcpUrl());
            // the PostgreSQL server's CPU is measured (it works for every order), not "in app" as H2's is
            assertThat(report.orders.usage().ledgerServerCpuSeconds()).isPositive();
            // the orders went through the user's broker: its queues saw them
            assertThat(broker.messagesAdded("antom.orders")).isEqualTo(20);
            // and the ledger was PostgreSQL's: its data folder is in the run folder, no H2 ledger is
            try (var runs = Files.list(dir.resolve("out"))) {
                Path run = runs.filter(p -> p.getFileName().toString().startsWith("run-")).findFirst().orElseThrow();
                assertThat(run.resolve("postgres-data").resolve("PG_VERSION")).exists();
                assertThat(run.resolve("ledger")).doesNotExist();
            }
        }
    }

    @Test
    void anUnknownLedgerIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> BenchmarkMain.Settings.parse(new String[] { "--ledger", "oracle" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--ledger must be h2 or postgresql");
    }
}
