package io.camelantom.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.signing.AntomKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole benchmark: JMH micro-benchmarks next to {@code openssl speed rsa2048}, {@code antom:pay} next to Antom's
 * official SDK, N orders through the order bridge and N signed notifications through the notification bridge, against
 * the simulator in its own JVM over HTTPS. Writes {@code report.md} and {@code report.html} (a chart) to {@code --out}.
 * See {@code benchmarks/README.md} for the command and the options.
 */
public final class BenchmarkMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkMain.class);

    /** Options, with the values of the documented full run as defaults. */
    static final class Settings {
        Path out = Path.of("target/benchmark-report");
        int orders = 5000;
        int warmupOrders = 0;
        long antomLatencyMillis = 200;
        int failedPercent = 10;
        String consumers = "4";
        Map<String, String> bridge = new LinkedHashMap<>();
        int notifications = 5000;
        int senders = 16;
        int[] callers = { 1, 16, 64 };
        int callsPerLevel = 3000;
        boolean jmh = true;
        int jmhSeconds = 3;
        int opensslSeconds = 5;
        long timeoutSeconds = 900;
        int maxConnections = 200;
        String payEndpoint = "antom:pay";
        String ledger = LedgerDatabase.H2;
        /** A running broker of the user's; null: the embedded one. */
        String brokerUrl;

        static Settings parse(String[] args) {
            Settings s = new Settings();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--out" -> s.out = Path.of(value);
                    case "--orders" -> s.orders = Integer.parseInt(value);
                    case "--warmup-orders" -> s.warmupOrders = Integer.parseInt(value);
                    case "--antom-latency-ms" -> s.antomLatencyMillis = Long.parseLong(value);
                    case "--failed-percent" -> s.failedPercent = Integer.parseInt(value);
                    case "--consumers" -> s.consumers = value;
                    case "--bridge" -> {
                        // an order-bridge template parameter, name=value
                        String[] kv = value.split("=", 2);
                        s.bridge.put(kv[0], kv[1]);
                    }
                    case "--notifications" -> s.notifications = Integer.parseInt(value);
                    case "--senders" -> s.senders = Integer.parseInt(value);
                    case "--callers" -> s.callers = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--calls" -> s.callsPerLevel = Integer.parseInt(value);
                    case "--jmh" -> s.jmh = Boolean.parseBoolean(value);
                    case "--jmh-seconds" -> s.jmhSeconds = Integer.parseInt(value);
                    case "--openssl-seconds" -> s.opensslSeconds = Integer.parseInt(value);
                    case "--timeout-s" -> s.timeoutSeconds = Long.parseLong(value);
                    case "--max-connections" -> s.maxConnections = Integer.parseInt(value);
                    case "--pay-endpoint" -> s.payEndpoint = value;
                    case "--ledger" -> s.ledger = value;
                    case "--broker-url" -> s.brokerUrl = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see benchmarks/README.md)");
                }
                i++;
            }
            LedgerDatabase.describe(s.ledger); // refuses an unknown --ledger before anything starts
            return s;
        }

        String describe() {
            return "orders=" + orders + ", warmupOrders=" + warmupOrders + ", antomLatencyMs=" + antomLatencyMillis + ", failedPercent=" + failedPercent
                   + ", concurrentConsumers=" + consumers + ", bridge=" + bridge + ", notifications=" + notifications
                   + ", senders=" + senders + ", callers=" + Arrays.toString(callers) + ", callsPerLevel=" + callsPerLevel
                   + ", maxConnections=" + maxConnections + ", payEndpoint=" + payEndpoint
                   + ", ledger=" + LedgerDatabase.describe(ledger)
                   + ", broker=" + (brokerUrl == null ? "embedded (persistent, in the application JVM)" : brokerUrl);
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(Settings.parse(args));
        System.out.println(Files.readString(report.markdownFile()));
        System.exit(0);
    }

    static Report run(Settings settings) throws Exception {
        Path out = settings.out.toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, "run-");
        String runId = "B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Report report = new Report(out, settings.describe());
        report.load("start", Report.loadAverage());

        if (settings.opensslSeconds > 0) {
            LOG.info("openssl speed rsa2048 ({} s)", settings.opensslSeconds);
            report.openssl = OpensslSpeed.run(settings.opensslSeconds);
        }
        if (settings.jmh) {
            LOG.info("JMH benchmarks");
            report.jmh = JmhRun.run("io\\.camelantom\\.benchmarks\\.jmh\\..*", settings.jmhSeconds);
            report.load("after JMH", Report.loadAverage());
        }

        try (SimulatorProcess simulator = SimulatorProcess.start(work, "-Xmx512m")) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(OrderBridgeRouteTemplate.CONCURRENT_CONSUMERS, settings.consumers);
            parameters.putAll(settings.bridge);
            try (Application app = Application.start(work, simulator, parameters, settings.maxConnections,
                    settings.brokerUrl, settings.ledger)) {
                report.signatureProvider = app.context.getEndpoint("antom:pay", io.camelantom.component.AntomEndpoint.class)
                        .getConfiguration().signatureProvider().name();
                ResourceMeter meter = new ResourceMeter(simulator, app.ledger);
                if (settings.callsPerLevel > 0) {
                    simulator.latency(0);
                    LOG.info("antom:pay next to the SDK at {} callers, {} calls each", Arrays.toString(settings.callers),
                            settings.callsPerLevel);
                    report.pay = PayComparison.run(app.context, simulator, meter, runId, settings.callers,
                            settings.callsPerLevel, settings.payEndpoint);
                    report.load("after antom:pay vs SDK", Report.loadAverage());
                }
                List<String[]> paid = new ArrayList<>();
                if (settings.orders > 0) {
                    simulator.latency(settings.antomLatencyMillis);
                    if (settings.warmupOrders > 0) {
                        // the same path run first and not measured: both JVMs' JIT, pools and caches as in a
                        // process that has been running, not a cold start
                        LOG.info("{} warm-up orders (not measured)", settings.warmupOrders);
                        OrderLoad.run(app, new ResourceMeter(simulator, app.ledger), runId + "W", settings.warmupOrders,
                                settings.failedPercent, settings.timeoutSeconds);
                        report.load("after warm-up orders", Report.loadAverage());
                    }
                    LOG.info("{} orders, Antom answering in {} ms", settings.orders, settings.antomLatencyMillis);
                    report.orders = OrderLoad.run(app, meter, runId, settings.orders, settings.failedPercent,
                            settings.timeoutSeconds);
                    paid = report.orders.paidPayments();
                    report.load("after orders", Report.loadAverage());
                }
                if (settings.notifications > 0) {
                    LOG.info("{} notifications, {} senders", settings.notifications, settings.senders);
                    report.notifications = NotificationLoad.run(app, meter,
                            AntomKeys.privateKey(simulator.antomPrivateKey(), null), paid, runId, settings.notifications,
                            settings.senders);
                    report.load("after notifications", Report.loadAverage());
                }
            }
        }
        report.finishedAt = Instant.now();
        report.write();
        return report;
    }
}
