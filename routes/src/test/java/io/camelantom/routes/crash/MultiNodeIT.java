package io.camelantom.routes.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.crash.CrashHarness.LedgerKind;
import io.camelantom.routes.order.MixedOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes: three application processes share one Artemis broker process, one PostgreSQL server process (the
 * ledger, the de-duplication store and Quartz's clustered JDBC JobStore) and the simulator. All three templates run on
 * every node; each order names one node as its {@code notifyUrl}. 1,000 mixed orders; one node is killed with SIGKILL
 * mid-batch and not started again: its orders are redelivered to the others, and the payments whose notifications
 * it would have received are settled by reconciliation running on the survivors.
 * <p>
 * Checked from outside as in {@link CrashSafetyIT} (results, charges, ledger, dead letters, nothing stuck), and from
 * the nodes' traces ({@link CrashApplication}, {@code trace=true}): every node paid orders; no reconciliation fire
 * time ran on two nodes; no payment was inquired by two nodes at the same time.
 */
class MultiNodeIT {

    private static final int NODES = 3;

    @TempDir
    Path folder;

    @Test
    void threeNodesShareTheWorkAndSurviveTheLossOfOne() throws Exception {
        MixedOrders orders = new MixedOrders("MN", 1000);
        try (CrashHarness harness = CrashHarness.start("three-nodes", LedgerKind.POSTGRESQL, folder, "trace=true",
                "order.concurrentConsumers=4")) {
            for (int node = 0; node < NODES; node++) {
                harness.startNode(node, "quartzInstance=node" + node);
            }
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < orders.bodies.size(); i++) {
                ObjectNode order = (ObjectNode) AntomJson.mapper().readTree(orders.bodies.get(i));
                order.put("notifyUrl", harness.notifyUrl(i % NODES));
                bodies.add(order.toString());
            }
            harness.send(bodies);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (harness.ordersWithResults() < 250 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            harness.killNode(NODES - 1);
            long killedAt = System.currentTimeMillis();

            harness.awaitResults(orders.expected.keySet(), Duration.ofSeconds(240));
            Map<Integer, ChildProcess> nodes = harness.nodes();
            // what each surviving node spent (printed for docs/scaling.md; speed is not asserted here)
            nodes.forEach((node, process) -> System.out.printf("node %d: %d pay requests, %.1f CPU s%s%n", node,
                    process.linesWith(CrashApplication.PAY).size(), process.cpuSeconds(),
                    process.isAlive() ? "" : " (killed)"));
            CrashSafetyIT.finish(harness, orders, Duration.ofSeconds(10));

            for (int node = 0; node < NODES; node++) {
                assertThat(nodes.get(node).linesWith(CrashApplication.PAY)).as("pay requests of node %d", node)
                        .isNotEmpty();
            }
            Map<String, Integer> fireTimes = new HashMap<>();
            nodes.forEach((node, process) -> process.linesWith(CrashApplication.RECONCILIATION_RUN).forEach(line -> {
                String fireTime = line.substring(line.lastIndexOf(' ') + 1);
                Integer other = fireTimes.put(fireTime, node);
                assertThat(other).as("reconciliation fire time %s ran on node %s and node %s", fireTime, other, node)
                        .isNull();
            }));
            assertThat(fireTimes).as("reconciliation runs").isNotEmpty();
            assertNoConcurrentInquiries(nodes, killedAt);
        }
    }

    /** One inquiry interval: which node, from, to (the kill time when the node died during it). */
    private record Inquiry(int node, long from, long to) {
    }

    private static void assertNoConcurrentInquiries(Map<Integer, ChildProcess> nodes, long killedAt) {
        Map<String, List<Inquiry>> byPayment = new HashMap<>();
        int total = 0;
        for (Map.Entry<Integer, ChildProcess> node : nodes.entrySet()) {
            Map<String, Long> open = new HashMap<>();
            for (String line : node.getValue().linesWith(CrashApplication.INQUIRY)) {
                String[] f = line.substring(line.indexOf(CrashApplication.INQUIRY)).split(" ");
                String kind = f[1];
                String id = f[2];
                long at = Long.parseLong(f[3]);
                if (kind.equals("start")) {
                    open.put(id, at);
                } else if (open.containsKey(id)) {
                    byPayment.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Inquiry(node.getKey(), open.remove(id), at));
                    total++;
                }
            }
            open.forEach((id, from) -> byPayment.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new Inquiry(node.getKey(), from, Math.max(from, killedAt))));
        }
        assertThat(total).as("inquiries made by reconciliation").isPositive();
        byPayment.forEach((id, inquiries) -> {
            for (Inquiry a : inquiries) {
                for (Inquiry b : inquiries) {
                    if (a.node() != b.node()) {
                        assertThat(a.to() < b.from() || b.to() < a.from())
                                .as("payment %s inquired by node %d (%s) and node %d (%s) at once", id, a.node(), a,
                                        b.node(), b)
                                .isTrue();
                    }
                }
            }
        });
    }
}
