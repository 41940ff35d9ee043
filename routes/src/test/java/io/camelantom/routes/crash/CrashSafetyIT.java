package io.camelantom.routes.crash;

import static io.camelantom.routes.testsupport.ErpOrders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.routes.ledger.PaymentStatus;

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

    /**
     * The broker's own delivery limit reached by deliveries a crash cut off: with {@code max-delivery-attempts} 1,
     * every order message in delivery when the application is killed goes to the broker's dead-letter address, and no
     * bridge sees it again. Their payments stay PENDING; one of them (stopped right after its registration) was never
     * sent to Antom, so no notification will settle it. Reconciliation takes each over once unwritten for {@code pendingTimeout} (30 s
     * here), inquires it (resends a pay request Antom never got) and publishes its one result. Checked from outside:
     * every order has its result, charged once, nothing stuck; the only problems the verdict sees are the broker's
     * dead letters of those order messages.
     */
    @Test
    void ordersTheBrokerDeadLettersAfterACrashStillGetTheirResult() throws Exception {
        Map<String, PaymentStatus> expected = new java.util.TreeMap<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String orderId = "H2D-" + i;
            bodies.add(order(orderId, (10 + i) + ".00"));
            expected.put(orderId, PaymentStatus.PAID);
        }
        try (CrashHarness harness = CrashHarness.start("h2-broker-dead-letters", LedgerKind.H2, folder, 1)) {
            harness.send(bodies);
            harness.startApp("registered:1");
            harness.killAppAtCrashPoint(Duration.ofSeconds(60));
            harness.startApp(null);
            boolean complete = harness.awaitResults(expected.keySet(), Duration.ofSeconds(150));
            harness.stopApp();
            Verdict verdict = harness.verdict(expected).record();
            List<String> deadLetters = verdict.problems().stream()
                    .filter(p -> p.startsWith("dead letter: DLA::DLQ." + CrashApplication.ORDERS_QUEUE + ": ")).toList();
            assertThat(deadLetters).as("the broker dead-lettered the message stopped at 'registered'").isNotEmpty();
            assertThat(verdict.problems()).as("problems besides the broker's dead letters (complete: %s)", complete)
                    .containsExactlyElementsOf(deadLetters);
            assertThat(verdict.lost()).isZero();
            assertThat(verdict.chargedTwice()).isZero();
            assertThat(verdict.chargesNotInLedger()).isZero();
            assertThat(verdict.stuck()).isZero();
        }
    }

    /**
     * Issue 18: refunds (one immediate, one that Antom answers U and settles by notification, per paid order) and
     * cancels (of paid and of open payments) while the application is killed at random moments; the refund commands
     * are sent twice. Checked from outside: one refund per refund id at Antom (its admin API), the refunded amounts,
     * every refund REFUNDED in the refund ledger and in the refund results, every cancelled payment CANCELLED at
     * Antom, in the ledger and in the results; nothing dead-lettered, nothing left open.
     */
    @Test
    void cancelsAndRefundsSurviveKills() throws Exception {
        cancelsAndRefundsSurviveKills(LedgerKind.H2, "h2-cancels-refunds", folder);
    }

    /** The scenario above with either ledger (PostgresCrashSafetyIT runs it against a PostgreSQL server process). */
    static void cancelsAndRefundsSurviveKills(LedgerKind ledgerKind, String scenario, Path folder) throws Exception {
        int paidOrders = 16;
        int openOrders = 6;
        List<String> orders = new ArrayList<>();
        List<String> refunds = new ArrayList<>();
        List<String> refundIds = new ArrayList<>();
        List<String> cancels = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        List<String> refunded = new ArrayList<>();
        for (int i = 0; i < paidOrders; i++) {
            String orderId = "CRF-" + i;
            orders.add(order(orderId, "20.00"));
            if (i < 12) {
                refunded.add(orderId);
                for (String[] r : new String[][] {{"a", "5.00"}, {"b", "3.61"}}) {   // 61: U, then REFUND_RESULT
                    String refundId = "RF-" + orderId + "-" + r[0];
                    refundIds.add(refundId);
                    refunds.add("{\"refundId\":\"" + refundId + "\",\"orderId\":\"" + orderId + "\",\"amount\":\""
                            + r[1] + "\",\"currency\":\"USD\"}");
                }
            } else {
                cancelled.add(orderId);
                cancels.add("{\"orderId\":\"" + orderId + "\"}");
            }
        }
        for (int i = 0; i < openOrders; i++) {
            String orderId = "CCO-" + i;
            orders.add(order(orderId, "10.63"));   // U, never resolves: cancelled by the ERP
            cancelled.add(orderId);
            cancels.add("{\"orderId\":\"" + orderId + "\"}");
        }
        try (CrashHarness harness = CrashHarness.start(scenario, ledgerKind, folder)) {
            harness.send(orders);
            harness.startApp(null);
            List<String> paid = new ArrayList<>();
            for (int i = 0; i < paidOrders; i++) {
                paid.add("CRF-" + i);
            }
            assertThat(harness.awaitResults(paid, Duration.ofSeconds(60))).as("orders paid").isTrue();
            Thread.sleep(1000);   // the open orders reach Antom

            List<String> commands = new ArrayList<>(refunds);
            for (int kill = 0; kill < 3; kill++) {
                harness.send(CrashApplication.REFUNDS_QUEUE, refunds.subList(kill * 8, Math.min(refunds.size(),
                        kill * 8 + 8)));
                harness.send(CrashApplication.CANCELS_QUEUE, cancels.subList(kill * 4, Math.min(cancels.size(),
                        kill * 4 + 4)));
                harness.killAppWithin(Duration.ofMillis(200), Duration.ofMillis(1500));
                harness.startApp(null);
            }
            harness.send(CrashApplication.REFUNDS_QUEUE, commands);   // every refund command once more
            harness.killAppWithin(Duration.ofMillis(100), Duration.ofMillis(800));
            harness.startApp(null);

            assertThat(harness.awaitResults(harness.refundResults(), refundIds, Duration.ofSeconds(120)))
                    .as("refund results").isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline && !cancelled.stream().allMatch(o -> harness.results()
                    .getOrDefault(o, List.of()).contains("CANCELLED"))) {
                Thread.sleep(200);
            }
            harness.stopApp();

            List<String> problems = new ArrayList<>();
            Map<String, JsonNode> atAntom = harness.simulatorPayments();
            for (String orderId : refunded) {
                JsonNode payment = atAntom.get(orderId);
                Map<String, Integer> perId = new HashMap<>();
                long amount = 0;
                for (JsonNode r : payment.path("refunds")) {
                    perId.merge(r.path("refundRequestId").asText(), 1, Integer::sum);
                    if ("SUCCESS".equals(r.path("status").asText())) {
                        amount += r.path("amountValue").asLong();
                    }
                }
                if (perId.size() != 2 || perId.values().stream().anyMatch(n -> n != 1)) {
                    problems.add(orderId + ": refunds at Antom " + perId);
                }
                if (amount != 861) {
                    problems.add(orderId + ": refunded " + amount + " at Antom, expected 861");
                }
                if (payment.path("chargeCount").asInt() != 1) {
                    problems.add(orderId + ": charged " + payment.path("chargeCount").asInt() + " times");
                }
            }
            for (String refundId : refundIds) {
                List<String> got = harness.refundResults().getOrDefault(refundId, List.of());
                if (got.isEmpty() || !Set.copyOf(got).equals(Set.of("REFUNDED"))) {
                    problems.add(refundId + ": refund results " + got);
                }
            }
            harness.refundLedgerStatuses().forEach((id, status) -> {
                if (!"REFUNDED".equals(status)) {
                    problems.add(id + ": " + status + " in the refund ledger");
                }
            });
            Map<String, String> ledger = harness.paymentLedgerStatuses();
            for (String orderId : cancelled) {
                JsonNode payment = atAntom.get(orderId);
                if (!"CANCELLED".equals(payment.path("status").asText())) {
                    problems.add(orderId + ": " + payment.path("status").asText() + " at Antom");
                }
                if (!"CANCELLED".equals(ledger.get(orderId))) {
                    problems.add(orderId + ": " + ledger.get(orderId) + " in the ledger");
                }
                List<String> got = harness.results().getOrDefault(orderId, List.of());
                List<String> expected = orderId.startsWith("CRF-") ? List.of("PAID", "CANCELLED")
                        : List.of("CANCELLED");
                if (!Set.copyOf(got).equals(Set.copyOf(expected))) {
                    problems.add(orderId + ": results " + got + ", expected " + expected);
                }
            }
            ledger.forEach((id, status) -> {
                if (!PaymentStatus.parse(status).map(PaymentStatus::isFinal).orElse(false)) {
                    problems.add(id + ": still " + status + " in the ledger");
                }
            });
            harness.deadLetters().forEach(d -> problems.add("dead letter: " + d));
            System.out.println("cancelsAndRefundsSurviveKills (" + scenario + "): " + harness.kills() + " kills, " + refundIds.size()
                    + " refunds, " + cancelled.size() + " cancels, problems " + problems);
            assertThat(problems).isEmpty();
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
