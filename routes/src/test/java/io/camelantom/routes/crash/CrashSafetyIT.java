package io.camelantom.routes.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelantom.routes.crash.CrashHarness.LedgerKind;
import io.camelantom.routes.crash.CrashHarness.Verdict;
import io.camelantom.routes.order.MixedOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -9} at any moment loses nothing: the application ({@link CrashApplication}) runs in its own OS process
 * against a broker process and a simulator process, and is killed with SIGKILL at random moments and at named points
 * of a payment's life, then started again. Checked from the outside ({@link CrashHarness#verdict}): every order has
 * its final result, always the same status, as the simulator's trigger table says; nothing charged twice and every
 * PAID result charged once; every charge in the ledger; nothing dead-lettered; nothing left open.
 */
class CrashSafetyIT {


    @TempDir
    Path folder;

    @Test
    void randomKillsWithTheH2Ledger() throws Exception {
        MixedOrders orders = new MixedOrders("H2R", 168);
        try (CrashHarness harness = CrashHarness.start("h2-random-kills", LedgerKind.H2, folder)) {
            List<List<String>> waves = waves(orders.bodies, 7);
            for (List<String> wave : waves.subList(0, 6)) {
                harness.send(wave);
                harness.startApp(null);
                harness.killAppWithin(Duration.ofMillis(300), Duration.ofMillis(2500));
            }
            harness.send(waves.get(6));
            harness.startApp(null);
            finish(harness, orders);
        }
    }

    @Test
    void killsAtNamedPointsWithTheH2Ledger() throws Exception {
        MixedOrders orders = new MixedOrders("H2N", 128);
        List<String> points = List.of("registered:3", "answered:5", "settled:4", "published:2", "registered:11",
                "answered:17", "settled:9", "published:5");
        try (CrashHarness harness = CrashHarness.start("h2-named-points", LedgerKind.H2, folder)) {
            List<List<String>> waves = waves(orders.bodies, points.size());
            for (int i = 0; i < points.size(); i++) {
                harness.send(waves.get(i));
                harness.startApp(points.get(i));
                harness.killAppAtCrashPoint(Duration.ofSeconds(60));
            }
            harness.startApp(null);
            finish(harness, orders);
        }
    }

    static void finish(CrashHarness harness, MixedOrders orders) throws Exception {
        finish(harness, orders, Duration.ofSeconds(150));
    }

    static void finish(CrashHarness harness, MixedOrders orders, Duration timeout) throws Exception {
        boolean complete = harness.awaitResults(orders.expected.keySet(), timeout);
        harness.stopApp();
        Verdict verdict = harness.verdict(orders.expected).record();
        assertThat(verdict.problems()).as("problems seen from outside (complete: %s)", complete).isEmpty();
        assertThat(verdict.lost()).isZero();
        assertThat(verdict.chargedTwice()).isZero();
        assertThat(verdict.deadLettered()).isZero();
        assertThat(verdict.chargesNotInLedger()).isZero();
        assertThat(verdict.stuck()).isZero();
    }

    static List<List<String>> waves(List<String> bodies, int count) {
        int size = (bodies.size() + count - 1) / count;
        List<List<String>> waves = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.size(); i += size) {
            waves.add(bodies.subList(i, Math.min(bodies.size(), i + size)));
        }
        return waves;
    }
}
