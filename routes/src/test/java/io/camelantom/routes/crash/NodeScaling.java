package io.camelantom.routes.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.camelantom.routes.crash.CrashHarness.LedgerKind;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.order.MixedOrders;

/**
 * Load harness for docs/scaling.md: the order bridge on 1, 2, ... application processes sharing one Artemis broker
 * process, one PostgreSQL server process and the simulator (as in {@link MultiNodeIT}), each configuration on a fresh
 * installation. It sends {@code orders} orders paid at once (all on the queue before the nodes start, so the nodes
 * are never starved) and measures, from outside the nodes: orders/s from the nodes' start to the last result, and CPU
 * seconds per order of the nodes together, of each node, of the broker and of the simulator (Linux /proc). Not a test:
 * run it by hand.
 * <pre>
 * mvn -B -q -pl routes -am test-compile
 * mvn -B -q -pl routes exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.camelantom.routes.crash.NodeScaling 1,2,3 1500 0"
 * </pre>
 * Arguments: node counts, orders per run, Antom latency in milliseconds (the simulator's latency fault; 0 measures
 * the CPU-bound case). Prints a Markdown table.
 */
public final class NodeScaling {

    private NodeScaling() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(args[0].split(",")).stream().map(Integer::parseInt).toList();
        int orders = Integer.parseInt(args[1]);
        long latency = Long.parseLong(args[2]);
        List<String> rows = new ArrayList<>();
        for (int nodes : counts) {
            rows.add(run(nodes, orders, latency));
        }
        System.out.println();
        System.out.println("| nodes | orders | Antom latency | orders/s | node CPU s/order (all nodes) | per node | broker CPU s/order | simulator CPU s/order | load average at end |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static String run(int nodes, int count, long latency) throws Exception {
        Path folder = Files.createTempDirectory("node-scaling");
        MixedOrders orders = paidAtOnce(count, "NS" + nodes);
        try (CrashHarness harness = CrashHarness.start("node-scaling-" + nodes, LedgerKind.POSTGRESQL, folder,
                "order.concurrentConsumers=8", "poolSize=24")) {
            if (latency > 0) {
                harness.setAntomLatency(Duration.ofMillis(latency));
            }
            harness.send(orders.bodies);
            double brokerBefore = harness.brokerCpuSeconds();
            double simulatorBefore = harness.simulatorCpuSeconds();
            long start = System.nanoTime();
            List<Thread> starting = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                int n = node;
                Thread t = new Thread(() -> {
                    try {
                        harness.startNode(n, "quartzInstance=node" + n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                starting.add(t);
            }
            for (Thread t : starting) {
                t.join();
            }
            double[] nodeStart = new double[nodes];
            for (int node = 0; node < nodes; node++) {
                nodeStart[node] = harness.nodes().get(node).cpuSeconds();
            }
            long started = System.nanoTime();
            if (!harness.awaitResults(orders.expected.keySet(), Duration.ofMinutes(10))) {
                throw new IllegalStateException("not every order got a result within 10 minutes");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] perNode = new double[nodes];
            double total = 0;
            for (int node = 0; node < nodes; node++) {
                perNode[node] = harness.nodes().get(node).cpuSeconds() - nodeStart[node];
                total += perNode[node];
            }
            double broker = harness.brokerCpuSeconds() - brokerBefore;
            double simulator = harness.simulatorCpuSeconds() - simulatorBefore;
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            harness.stopApp();
            String perNodeText = IntStream.range(0, nodes)
                    .mapToObj(i -> String.format("%.4f", perNode[i] / count * nodes)).collect(Collectors.joining(" / "));
            System.out.printf("%d node(s): %d orders in %.1f s after the nodes started (%.1f s with their start)%n",
                    nodes, count, seconds, (System.nanoTime() - start) / 1e9);
            return String.format("| %d | %d | %d ms | %.0f | %.4f | %s | %.4f | %.4f | %s |", nodes, count, latency,
                    count / seconds, total / count, perNodeText, broker / count, simulator / count, load);
        }
    }

    /** Orders that Antom pays at once (amounts ending 00), the order bridge's plainest path. */
    private static MixedOrders paidAtOnce(int count, String prefix) {
        MixedOrders mixed = new MixedOrders(prefix, count);
        MixedOrders paid = new MixedOrders(prefix, 0);
        for (int i = 0; i < count; i++) {
            String body = mixed.bodies.get(i).replaceAll("\"amount\":\"(\\d+)\\.\\d\\d\"", "\"amount\":\"$1.00\"");
            paid.bodies.add(body);
            paid.expected.put(prefix + "-" + i, PaymentStatus.PAID);
        }
        return paid;
    }
}
