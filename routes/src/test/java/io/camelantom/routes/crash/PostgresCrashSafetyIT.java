package io.camelantom.routes.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelantom.routes.crash.CrashHarness.LedgerKind;
import io.camelantom.routes.order.MixedOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash tests with the production ledger: a PostgreSQL server in its own OS process. The application is killed
 * with SIGKILL at random moments and at named points; then the database server itself is killed with SIGKILL
 * mid-batch and started again over its data, while the application runs on.
 */
class PostgresCrashSafetyIT {


    @TempDir
    Path folder;

    @Test
    void applicationKilledWithThePostgresLedger() throws Exception {
        MixedOrders orders = new MixedOrders("PGR", 120);
        List<String> crashes = java.util.Arrays.asList(null, "answered:4", null, "settled:6", null);
        try (CrashHarness harness = CrashHarness.start("postgresql-app-kills", LedgerKind.POSTGRESQL, folder)) {
            List<List<String>> waves = CrashSafetyIT.waves(orders.bodies, crashes.size() + 1);
            for (int i = 0; i < crashes.size(); i++) {
                harness.send(waves.get(i));
                harness.startApp(crashes.get(i));
                if (crashes.get(i) == null) {
                    harness.killAppWithin(Duration.ofMillis(300), Duration.ofMillis(2500));
                } else {
                    harness.killAppAtCrashPoint(Duration.ofSeconds(60));
                }
            }
            harness.send(waves.get(crashes.size()));
            harness.startApp(null);
            CrashSafetyIT.finish(harness, orders);
        }
    }

    /** Issue 18's cancels and refunds under kills (CrashSafetyIT's scenario) with the PostgreSQL ledger. */
    @Test
    void cancelsAndRefundsSurviveKillsWithThePostgresLedger() throws Exception {
        CrashSafetyIT.cancelsAndRefundsSurviveKills(LedgerKind.POSTGRESQL, "postgresql-cancels-refunds", folder);
    }

    @Test
    void postgresServerKilledMidBatch() throws Exception {
        MixedOrders orders = new MixedOrders("PGK", 120);
        try (CrashHarness harness = CrashHarness.start("postgresql-server-killed", LedgerKind.POSTGRESQL, folder)) {
            List<List<String>> waves = CrashSafetyIT.waves(orders.bodies, 2);
            harness.startApp(null);
            harness.send(waves.get(0));
            Thread.sleep(800);
            harness.killPostgres();
            harness.send(waves.get(1));
            // the application keeps running; its consumers wait the database out
            Thread.sleep(8000);
            harness.startPostgres();
            CrashSafetyIT.finish(harness, orders);
        }
    }
}
