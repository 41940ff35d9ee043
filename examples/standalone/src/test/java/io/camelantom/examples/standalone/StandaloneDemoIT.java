package io.camelantom.examples.standalone;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, in-process: everything embedded, the routes made from the Java DSL, twelve sample orders
 * (one of each scenario: the Order Code, the two that only reconciliation settles, the Order Code the ERP cancels and
 * the order it partly refunds included).
 */
class StandaloneDemoIT {

    @TempDir
    Path dir;

    @Test
    void everyOrderFedEndsWithExactlyOneResult() throws Exception {
        DemoRun run = DemoRun.run(DemoRun.config(dir, new Properties()), 12, Map.of());
        StandaloneDemo.Report report = run.report;

        assertThat(report.complete()).isTrue();
        ResultBoard.Counts counts = report.counts();
        assertThat(counts.sent()).isEqualTo(12);
        assertThat(counts.pending()).isZero();
        assertThat(counts.paid() + counts.failed() + counts.cancelled()).isEqualTo(12);
        // one of each scenario: paid x2, Order Code, 61, 61 with the notification lost, 72, the partly refunded one
        assertThat(counts.paid()).isEqualTo(7);
        // the Order Code the ERP cancels (and perhaps the never-completing one, if reconciliation cancels it first)
        assertThat(counts.cancelled()).isBetween(1, 2);
        assertThat(counts.refunded()).isEqualTo(1);
        // the notification-lost payment and the never-completing one are settled after a reconciliation check
        assertThat(counts.reconciled()).isEqualTo(2);
        assertThat(counts.deadLetters()).isZero();
        assertThat(counts.duplicates()).isZero();
        assertThat(report.unexpectedOutcomes()).isEmpty();
        // charges and refunds at the simulator as the results say (the partly refunded order: 12.50 of 50.00)
        assertThat(report.chargeMismatches()).isZero();

        assertThat(run.output)
                .contains("what runs where", "simulator at http://127.0.0.1:", "/antom/notifications",
                        "orders queue    antom.orders", "results queue   antom.results", "Java DSL")
                .containsPattern("Order Code for payment DEMO-\\d+-003: \\d{18}")
                .contains("customer walked away from the Order Code of DEMO-")
                .contains("Summary: 12 orders")
                .containsPattern("Order Code unpaid, cancelled by the ERP \\(63\\)\\s+1\\s+0\\s+0\\s+1\\s+-\\s+0")
                .containsPattern("paid, then partly refunded by the ERP\\s+1\\s+1\\s+0\\s+0\\s+12.50\\s+0")
                .containsPattern("total\\s+12\\s+7\\s+\\d+\\s+\\d+\\s+12.50\\s+0")
                .contains("every PAID order charged once, every other order never: yes")
                .contains("money returned (the simulator's refunds): as the refund results say: yes");
    }
}
