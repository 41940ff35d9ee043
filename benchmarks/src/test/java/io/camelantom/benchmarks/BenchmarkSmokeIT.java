package io.camelantom.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
        String markdown = Files.readString(report.markdownFile());
        assertThat(markdown).contains("## Order bridge", "## Notification bridge", "antom:pay next to Antom's Java SDK");
        assertThat(dir.resolve("report.html")).exists();
    }
}
