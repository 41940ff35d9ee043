package io.camelantom.routes.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelantom.routes.crash.CrashHarness.LedgerKind;
import io.camelantom.routes.order.MixedOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's neighbours fail while it runs: the broker process is killed with SIGKILL mid-batch and started
 * again over its journal; Antom (the simulator, behind a proxy) is unreachable for 60 s mid-batch. Checked from the
 * outside as in {@link CrashSafetyIT}.
 */
class InfrastructureOutageIT {

    @TempDir
    Path folder;

    @Test
    void brokerKilledMidBatch() throws Exception {
        MixedOrders orders = new MixedOrders("BRK", 120);
        try (CrashHarness harness = CrashHarness.start("broker-killed", LedgerKind.H2, folder)) {
            harness.send(orders.bodies);
            harness.startApp(null);
            Thread.sleep(1500);
            harness.killBroker();
            Thread.sleep(3000);
            harness.startBroker();
            CrashSafetyIT.finish(harness, orders);
        }
    }

    @Test
    void antomUnreachableForSixtySeconds() throws Exception {
        MixedOrders orders = new MixedOrders("NET", 80);
        try (CrashHarness harness = CrashHarness.start("antom-unreachable-60s", LedgerKind.H2, folder,
                "reconciliation.orderNotExistGracePeriod=PT20S")) {
            List<List<String>> waves = CrashSafetyIT.waves(orders.bodies, 2);
            harness.startApp(null);
            harness.send(waves.get(0));
            Thread.sleep(700);
            harness.antomProxy().cut();
            harness.send(waves.get(1));
            Thread.sleep(Duration.ofSeconds(60).toMillis());
            harness.antomProxy().restore();
            // pay requests Antom never received are resent by reconciliation once Antom answers ORDER_NOT_EXIST
            // (issue 19): every order still ends as the trigger table says, before its expiry
            CrashSafetyIT.finish(harness, orders);
        }
    }
}
