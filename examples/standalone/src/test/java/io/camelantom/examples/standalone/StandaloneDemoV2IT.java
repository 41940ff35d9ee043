package io.camelantom.examples.standalone;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --api v2}: the demo's 20 sample orders paid through Antom v2 in-store, RSA_AES-encrypted. */
class StandaloneDemoV2IT {

    @TempDir
    Path dir;

    @Test
    void theTwentyOrdersThroughV2EndWithEveryPaidOrderChargedOnce() throws Exception {
        Path config = DemoRun.config(dir, new Properties());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        StandaloneDemo.Report report = new StandaloneDemo(
                DemoOptions.parse("--orders", "20", "--config", config.toString(), "--api", "v2"), Map.of(), out).run();
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);

        assertThat(report.complete()).isTrue();
        ResultBoard.Counts counts = report.counts();
        assertThat(counts.sent()).isEqualTo(20);
        assertThat(counts.pending()).isZero();
        assertThat(counts.paid() + counts.failed() + counts.cancelled()).isEqualTo(20);
        assertThat(counts.paid()).isPositive();
        assertThat(counts.deadLetters()).isZero();
        assertThat(counts.duplicates()).isZero();
        assertThat(report.unexpectedOutcomes()).isEmpty();
        assertThat(report.chargeMismatches()).isZero();
        assertThat(output).contains("Antom API v2 in-store, bodies RSA_AES-encrypted (the simulator refuses unencrypted v2 requests)")
                .contains("Summary: 20 orders")
                .contains("every PAID order charged once, every other order never: yes");
    }
}
