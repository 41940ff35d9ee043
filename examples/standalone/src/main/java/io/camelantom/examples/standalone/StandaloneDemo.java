package io.camelantom.examples.standalone;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelantom.examples.standalone.SampleOrders.SampleOrder;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.console.OperationsConsoleRouteTemplate;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The one-command demo: a camel-main application that runs everything embedded (Artemis broker, Antom simulator, H2
 * ledger), makes the prebuilt routes from their templates with the parameters in {@code application.properties},
 * feeds sample ERP orders and shows their results as the ERP receives them. With Antom credentials configured
 * (environment or {@code --config}) it pays against Antom instead of the simulator; nothing else changes.
 */
public final class StandaloneDemo {

    private final DemoOptions options;
    private final Map<String, String> environment;
    private final PrintStream out;
    /** The running application, for {@link #stop()}; null before it starts. */
    private volatile Main main;

    /** What a run ended with. */
    public record Report(ResultBoard.Counts counts, Duration elapsed, boolean complete, int chargeMismatches,
            List<String> unexpectedOutcomes, String summary) {
    }

    /** The simulator's view of money taken and given back, when the demo runs it. */
    interface AntomSimulatorView {
        int chargeCount(String paymentRequestId);

        /** Minor units refunded of the payment, 0 when Antom does not have it. */
        long refundedAmount(String paymentRequestId);
    }

    /** Called with the running CamelContext once the summary is printed, before Camel stops (tests look around). */
    private java.util.function.Consumer<CamelContext> afterSummary = context -> {
    };

    public StandaloneDemo(DemoOptions options, Map<String, String> environment, PrintStream out) {
        this.options = options;
        this.environment = environment;
        this.out = out;
    }

    StandaloneDemo afterSummary(java.util.function.Consumer<CamelContext> hook) {
        this.afterSummary = hook;
        return this;
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        long start = System.nanoTime();
        Report report = new StandaloneDemo(options, System.getenv(), System.out).run();
        System.out.printf("camel-antom standalone demo: stopped, %.1f s after it started%n",
                (System.nanoTime() - start) / 1e9);
        if (!report.complete()) {
            System.exit(1);
        }
    }

    /** Runs the demo to its summary (and on until Ctrl-C with {@code --keep-running}). */
    public Report run() throws Exception {
        DemoConfiguration config = DemoConfiguration.load(options.config(), environment);
        int orderCount = options.orders() != null ? options.orders() : config.getInt("demo.orders", 20);
        boolean keepRunning = options.keepRunning() || config.getBoolean("demo.keep-running", false);
        Path data = Path.of(config.get("demo.data-dir", "data")).toAbsolutePath().normalize();
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = null;
        if (keepRunning) {
            // Ctrl-C: camel-main stops Camel; this hook holds the JVM until the broker, ledger and simulator are closed
            hook = new Thread(() -> {
                try {
                    stopped.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "demo-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            return run(config, orderCount, keepRunning, data, parts);
        } finally {
            while (!parts.isEmpty()) {
                try {
                    parts.pop().close();
                } catch (Exception e) {
                    out.println("  (while stopping: " + e.getMessage() + ")");
                }
            }
            out.println("camel-antom standalone demo: broker, ledger and simulator closed");
            stopped.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it returns now that everything is closed
                }
            }
        }
    }

    private Report run(DemoConfiguration config, int orderCount, boolean keepRunning, Path data,
            Deque<AutoCloseable> parts) throws Exception {
        out.println("camel-antom standalone demo: starting (data in " + data + ")");
        // the broker
        String externalBroker = config.get("demo.broker.url", null);
        String brokerDescription;
        ActiveMQConnectionFactory connectionFactory;
        if (externalBroker == null) {
            int port = config.getInt("demo.broker.port", 61616);
            EmbeddedBroker broker = new EmbeddedBroker(data.resolve("broker")).tcpPort(port);
            try {
                broker.start();
            } catch (IllegalStateException e) {
                throw port > 0 ? new IllegalStateException(e.getMessage() + "; set demo.broker.port=0 to open none", e)
                        : e;
            }
            parts.push(broker);
            // consumerWindowSize=0: no order waits in a client buffer (routes/README.md, "Broker settings")
            connectionFactory = new ActiveMQConnectionFactory(broker.inVmUrl() + "?consumerWindowSize=0");
            brokerDescription = "Artemis embedded, persistent in " + data.resolve("broker")
                    + (broker.tcpUrl() != null ? ", other processes connect to " + broker.tcpUrl() : "");
        } else {
            connectionFactory = new ActiveMQConnectionFactory(externalBroker);
            if (!externalBroker.contains("consumerWindowSize")) {
                connectionFactory.setConsumerWindowSize(0);
            }
            brokerDescription = "Artemis at " + externalBroker;
        }
        parts.push(connectionFactory);

        // the ledger
        EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.open(data.resolve("ledger"));
        parts.push(database);
        PaymentLedger ledger = new PaymentLedger(database.dataSource(), PaymentLedger.DEFAULT_TABLE_PREFIX,
                Clock.systemUTC()).createSchemaIfMissing();

        // Antom: the simulator unless a client id is configured
        String antomDescription;
        EmbeddedAntom antom = null;
        AntomSimulatorView simulator = null;
        if (config.useSimulator()) {
            double timeScale = config.getDouble("demo.simulator.time-scale", 60);
            antom = EmbeddedAntom.start(data.resolve("simulator-keys"), config.getInt("demo.simulator.port", 0),
                    timeScale, config.getDuration("demo.simulator.processing-delay", Duration.ofSeconds(2)),
                    config.getDuration("demo.simulator.order-code-scan-delay", Duration.ofSeconds(3)), options.v2());
            parts.push(antom);
            io.camelantom.simulator.AntomSimulator sim = antom.simulator();
            simulator = new AntomSimulatorView() {
                @Override
                public int chargeCount(String paymentRequestId) {
                    return sim.chargeCount(paymentRequestId);
                }

                @Override
                public long refundedAmount(String paymentRequestId) {
                    return sim.payment(paymentRequestId).map(p -> p.refundedAmount()).orElse(0L);
                }
            };
            config.set("camel.component.antom.client-id", EmbeddedAntom.CLIENT_ID);
            config.set("camel.component.antom.gateway-url", antom.baseUrl());
            config.set("camel.component.antom.private-key-file", antom.merchantPrivateKeyFile().toString());
            config.set("camel.component.antom.antom-public-key-file", antom.antomPublicKeyFile().toString());
            antomDescription = "simulator at " + antom.baseUrl() + " (client id " + EmbeddedAntom.CLIENT_ID
                    + ", keys in " + data.resolve("simulator-keys") + ", time x" + timeScale + ")";
        } else {
            String gateway = config.get("camel.component.antom.gateway-url", null);
            antomDescription = "Antom, client id " + config.get(DemoConfiguration.CLIENT_ID, "") + ", "
                    + (gateway != null ? "gateway " + gateway
                            : "region " + config.get("camel.component.antom.region", "(default)"));
        }

        if (options.v2()) {
            antomDescription += "; " + ApiV2.configure(config, antom != null);
        }

        // where Antom sends notifications
        int httpPort = config.getInt("camel.server.port", 8080);
        String notificationPath = config.get("camel.antom.routes.notification-bridge.notification-path",
                "/antom/notifications");
        String notifyUrl = config.get("camel.antom.routes.order-bridge.payment-notify-url", null);
        if (notifyUrl == null) {
            notifyUrl = "http://127.0.0.1:" + httpPort + notificationPath;
            config.set("camel.antom.routes.order-bridge.payment-notify-url", notifyUrl);
        }
        String ordersQueue = config.get("camel.antom.routes.order-bridge.orders-queue", "antom.orders");
        String resultsQueue = config.get("camel.antom.routes.order-bridge.results-queue", "antom.results");
        String deadLetterQueue = config.get("camel.antom.routes.order-bridge.dead-letter-queue", "antom.orders.DLQ");
        String notificationsQueue = config.get("camel.antom.routes.order-bridge.notifications-queue",
                "antom.notifications.payment");
        String cancelsQueue = config.get("camel.antom.routes.order-bridge.cancels-queue", "antom.cancels");
        String refundsQueue = config.get("camel.antom.routes.order-bridge.refunds-queue", "antom.refunds");
        String refundResultsQueue = config.get("camel.antom.routes.order-bridge.refund-results-queue",
                "antom.refund.results");
        boolean reconciliation = config.getBoolean("camel.antom.routes.reconciliation.enabled", false);
        String dsl = config.get("demo.routes-dsl", "java");
        String console = operationsConsole(config, httpPort);

        ResultBoard board = new ResultBoard(out);
        Main main = new Main();
        this.main = main;
        main.bind(OrderBridgeRouteTemplate.DEFAULT_DATA_SOURCE, database.dataSource());
        main.bind("artemisConnectionFactory", connectionFactory);
        config.overrides().forEach(main::addOverrideProperty);
        // the templates first: routes are made from them in every DSL
        main.configure().addRoutesBuilder(new NotificationBridgeRouteTemplate());
        main.configure().addRoutesBuilder(new OrderBridgeRouteTemplate());
        main.configure().addRoutesBuilder(new ReconciliationRouteTemplate());
        main.configure().addRoutesBuilder(new OperationsConsoleRouteTemplate());
        String routesFrom;
        switch (dsl) {
            case "java" -> {
                main.configure().addRoutesBuilder(new AntomRoutesFromProperties());
                routesFrom = "Java DSL (" + AntomRoutesFromProperties.class.getSimpleName() + ")";
            }
            case "yaml", "xml" -> {
                main.configure().withRoutesIncludePattern("classpath:dsl/antom-routes." + dsl);
                routesFrom = dsl.toUpperCase() + " DSL (classpath:dsl/antom-routes." + dsl + ")";
            }
            default -> throw new IllegalArgumentException("demo.routes-dsl: one of java, yaml, xml, not '" + dsl + "'");
        }
        // the demo's ERP side reads only the results of the orders it feeds (none with --orders 0)
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
        main.configure().addRoutesBuilder(new DemoRoutes(board, ledger, resultsQueue, deadLetterQueue, refundsQueue,
                refundResultsQueue, orderCount > 0 ? runId : null));

        String lostNotifyUrl = notifyUrl + "-nobody-listens-here";
        Duration closingTime = config.getDuration("demo.closing-time", Duration.ofSeconds(8));
        Duration timeout = config.getDuration("demo.timeout", Duration.ofMinutes(3));
        List<String> banner = List.of(
                "",
                "camel-antom standalone demo: what runs where",
                "  Antom           " + antomDescription,
                "  broker          " + brokerDescription,
                "  ledger          H2 " + database.url(),
                "  notifications   " + notifyUrl + "  (antom-notification-bridge -> queue " + notificationsQueue + ")",
                "  orders queue    " + ordersQueue + "  (antom-order-bridge -> antom:pay)",
                "  results queue   " + resultsQueue + "  (dead letters: " + deadLetterQueue + ")",
                "  ERP commands    cancels " + cancelsQueue + ", refunds " + refundsQueue + " -> refund results "
                        + refundResultsQueue,
                "  reconciliation  " + (reconciliation ? "antom-reconciliation, cron "
                        + config.get("camel.antom.routes.reconciliation.cron", "(template default)") : "off"),
                "  routes          made from templates in " + routesFrom,
                "  console         " + console,
                "");

        AntomSimulatorView chargeCounts = simulator;
        AtomicReference<Report> report = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport m) {
                started.countDown();
                Thread feeder = new Thread(() -> {
                    try {
                        report.set(feedAndWatch(main.getCamelContext(), board, banner, runId, orderCount,
                                reconciliation, lostNotifyUrl, closingTime, ordersQueue, cancelsQueue, ledger, timeout,
                                chargeCounts));
                        afterSummary.accept(main.getCamelContext());
                        if (keepRunning && orderCount > 0) {
                            // the demo's ERP side steps back: results are left on the queue for the real ERP
                            main.getCamelContext().getRouteController().stopRoute("demo-erp-results");
                            main.getCamelContext().getRouteController().stopRoute("demo-erp-refund-results");
                            main.getCamelContext().getRouteController().stopRoute("demo-erp-dead-letters");
                            board.println("Still running (--keep-running): put orders on " + ordersQueue
                                    + ", read results from " + resultsQueue + ". Ctrl-C stops.");
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    } finally {
                        if (!keepRunning || failure.get() != null) {
                            main.completed();
                        }
                    }
                }, "demo-orders");
                feeder.setDaemon(true);
                feeder.start();
            }
        });
        main.run();
        if (failure.get() != null) {
            throw new IllegalStateException("The demo failed: " + failure.get().getMessage(), failure.get());
        }
        if (report.get() == null) {
            throw new IllegalStateException("The demo stopped before its summary"
                    + (started.getCount() > 0 ? " (Camel did not start; see the log above)" : ""));
        }
        return report.get();
    }

    /**
     * The operations console's line of the banner. Enabled without a password or token, the demo makes a random
     * password for this run and prints it (the console binds where camel.server.host says: 127.0.0.1 by default).
     */
    private static String operationsConsole(DemoConfiguration config, int httpPort) {
        String prefix = "camel.antom.routes.operations-console.";
        if (!config.getBoolean(prefix + "enabled", false)) {
            return "off (" + prefix + "enabled = true turns it on)";
        }
        String user = config.get(prefix + "username", "operator");
        String password = config.get(prefix + "password", null);
        if (password == null && config.get(prefix + "token", null) == null) {
            byte[] random = new byte[12];
            new java.security.SecureRandom().nextBytes(random);
            password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            config.set(prefix + "password", password);
        }
        String path = config.get(prefix + "console-path", OperationsConsoleRouteTemplate.DEFAULT_PATH);
        String host = config.get("camel.server.host", "127.0.0.1");
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + httpPort + path + "/  (operator "
                + user + ", password " + (password == null ? "(token only)" : password) + ")";
    }

    /** Stops a run started with {@code --keep-running}, as Ctrl-C would (tests; no-op before the start). */
    void stop() {
        Main running = main;
        if (running != null) {
            running.completed();
        }
    }

    /** The running application's CamelContext (tests); null before the start. */
    CamelContext camelContext() {
        Main running = main;
        return running == null ? null : running.getCamelContext();
    }

    private Report feedAndWatch(CamelContext context, ResultBoard board, List<String> banner, String runId,
            int orderCount, boolean reconciliation, String lostNotifyUrl, Duration closingTime, String ordersQueue,
            String cancelsQueue, PaymentLedger ledger, Duration timeout, AntomSimulatorView simulator)
            throws InterruptedException {
        banner.forEach(board::println);
        List<SampleOrder> orders = SampleOrders.make(orderCount, runId, reconciliation, lostNotifyUrl, closingTime);
        long start = System.nanoTime();
        board.println("Feeding " + orderCount + " sample ERP orders to " + ordersQueue + " ...");
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            for (SampleOrder order : orders) {
                board.sent(order.orderId(), order.scenario());
                producer.sendBodyAndHeader("jms:queue:" + ordersQueue, order.json(), DemoRoutes.RUN_PROPERTY, runId);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // the ERP cancels the Order Codes left unpaid once Antom has them (PROCESSING: the code is shown)
        List<String> toCancel = new java.util.ArrayList<>(orders.stream()
                .filter(o -> o.scenario() == SampleOrders.Scenario.CANCELLED_BY_ERP).map(SampleOrder::orderId).toList());
        ResultBoard.Counts last = null;
        long lastPrint = 0;
        while (true) {
            toCancel.removeIf(orderId -> {
                boolean shown = ledger.find(orderId).map(r -> r.status() == PaymentStatus.PROCESSING).orElse(false);
                if (shown) {
                    board.println("  ERP: customer walked away from the Order Code of " + orderId + ": cancel sent to "
                            + cancelsQueue);
                    try (ProducerTemplate producer = context.createProducerTemplate()) {
                        producer.sendBodyAndHeader("jms:queue:" + cancelsQueue, SampleOrders.cancel(orderId),
                                DemoRoutes.RUN_PROPERTY, runId);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return shown;
            });
            ResultBoard.Counts now = board.counts();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            boolean done = now.pending() == 0;
            boolean timedOut = elapsed.compareTo(timeout) > 0;
            if (!now.equals(last) && (System.nanoTime() - lastPrint > 1_000_000_000L || done || timedOut)) {
                board.println(ResultBoard.progressLine(now, elapsed));
                last = now;
                lastPrint = System.nanoTime();
            }
            if (done || timedOut) {
                String summary = board.summary(elapsed);
                int chargeMismatches = simulator == null ? 0
                        : board.chargeMismatches(simulator::chargeCount, simulator::refundedAmount);
                List<String> unexpected = simulator == null ? List.of() : board.unexpectedOutcomes();
                if (!unexpected.isEmpty()) {
                    summary += "  not what the simulator's trigger table says: " + unexpected + System.lineSeparator();
                }
                if (simulator != null) {
                    summary += String.format("  money taken (the simulator's charge counts): every PAID order charged once, "
                            + "every other order never: %s%n", chargeMismatches == 0 ? "yes"
                                    : "NO, " + chargeMismatches + " orders differ");
                    summary += String.format("  money returned (the simulator's refunds): as the refund results say: %s%n",
                            chargeMismatches == 0 ? "yes" : "NO (see above)");
                }
                board.println(summary);
                if (timedOut && !done) {
                    board.println("  Not every order has a result after " + timeout.toSeconds() + " s (demo.timeout).");
                }
                return new Report(now, elapsed, done, chargeMismatches, unexpected, summary);
            }
            Thread.sleep(100);
        }
    }
}
