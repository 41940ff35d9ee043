package io.camelantom.examples.standalone;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, in-process: everything embedded, the routes made from the Java DSL, ten sample orders
 * (one of each scenario, the Order Code and the two that only reconciliation settles included).
 */
class StandaloneDemoIT {

    @TempDir
    Path dir;

    @Test
    void everyOrderFedEndsWithExactlyOneResult() throws Exception {
        DemoRun run = DemoRun.run(DemoRun.config(dir, new Properties()), 10, Map.of());
        StandaloneDemo.Report report = run.report;

        assertThat(report.complete()).isTrue();
        ResultBoard.Counts counts = report.counts();
        assertThat(counts.sent()).isEqualTo(10);
        assertThat(counts.pending()).isZero();
        assertThat(counts.paid() + counts.failed() + counts.cancelled()).isEqualTo(10);
        // one of each scenario: paid x2, Order Code, 61, 61 with the notification lost, 72 are paid
        assertThat(counts.paid()).isEqualTo(6);
        // the notification-lost payment and the never-completing one are settled after a reconciliation check
        assertThat(counts.reconciled()).isEqualTo(2);
        assertThat(counts.deadLetters()).isZero();
        assertThat(counts.duplicates()).isZero();
        assertThat(report.unexpectedOutcomes()).isEmpty();
        assertThat(report.chargeMismatches()).isZero();

        assertThat(run.output)
                .contains("what runs where", "simulator at http://127.0.0.1:", "/antom/notifications",
                        "orders queue    antom.orders", "results queue   antom.results", "Java DSL")
                .containsPattern("Order Code for payment DEMO-\\d+-003: \\d{18}")
                .contains("Summary: 10 orders")
                .containsPattern("total\\s+10\\s+6\\s+\\d+\\s+\\d+\\s+0")
                .contains("every PAID order charged once, every other order never: yes");
    }
}
