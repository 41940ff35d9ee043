package io.camelantom.routes.crash;

import static io.camelantom.routes.testsupport.TestApplications.freePort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.PaymentRequestIds;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.simulator.AntomSimulatorMain;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One crash-test installation, each part in its own OS process: an Artemis broker ({@link CrashBroker}), the Antom
 * simulator ({@link AntomSimulatorMain}, time scale 60) behind a {@link CuttableProxy}, for PostgreSQL scenarios a
 * PostgreSQL server ({@link PostgresServer}), and the application ({@link CrashApplication}) that the test kills and
 * starts again. The test JVM plays the ERP: it puts orders on the orders queue and reads every result from the results
 * queue over TCP, and at the end checks from the outside: the results, the simulator's charge counts, the ledger's
 * tables and the dead-letter queues.
 */
final class CrashHarness implements AutoCloseable {

    enum LedgerKind { H2, POSTGRESQL }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String scenario;
    private final Path folder;
    private final Path logs;
    private final LedgerKind ledgerKind;
    private final int brokerPort = freePort();
    private final int simulatorPort = freePort();
    private final int proxyPort = freePort();
    private final Map<Integer, Integer> httpPorts = new ConcurrentHashMap<>();
    private final Map<Integer, ChildProcess> nodes = new TreeMap<>();
    private final int postgresPort = freePort();
    private final List<String> appArguments = new ArrayList<>();
    private int brokerMaxDeliveryAttempts;
    private final Map<String, List<String>> results = new ConcurrentHashMap<>();
    /** ERP refund id → the statuses of its refund results, in arrival order. */
    private final Map<String, List<String>> refundResults = new ConcurrentHashMap<>();
    private final List<String> resultLog = new CopyOnWriteArrayList<>();
    private Thread refundReader;
    private ChildProcess broker;
    private ChildProcess simulator;
    private ChildProcess app;
    private CuttableProxy proxy;
    private PostgresServer postgres;
    private Thread erp;
    private volatile boolean closing;
    private int processes;
    private int kills;

    private CrashHarness(String scenario, LedgerKind ledgerKind, Path folder) {
        this.scenario = scenario;
        this.ledgerKind = ledgerKind;
        this.folder = folder;
        this.logs = Path.of("target", "crash-logs", scenario);
    }

    /** Starts broker, simulator (with its proxy) and, for PostgreSQL, the database server; and the ERP's reader. */
    static CrashHarness start(String scenario, LedgerKind ledger, Path folder, String... appArguments)
            throws Exception {
        return start(scenario, ledger, folder, EmbeddedBroker.DEFAULT_MAX_DELIVERY_ATTEMPTS, appArguments);
    }

    /** The same with the broker's delivery limit ({@code max-delivery-attempts}) given. */
    static CrashHarness start(String scenario, LedgerKind ledger, Path folder, int brokerMaxDeliveryAttempts,
            String... appArguments) throws Exception {
        CrashHarness harness = new CrashHarness(scenario, ledger, folder);
        harness.brokerMaxDeliveryAttempts = brokerMaxDeliveryAttempts;
        harness.appArguments.addAll(List.of(appArguments));
        try {
            harness.startBroker();
            harness.simulator = ChildProcess.start("simulator", AntomSimulatorMain.class,
                    List.of("--port", String.valueOf(harness.simulatorPort), "--keys-dir",
                            folder.resolve("simulator-keys").toString(), "--time-scale", "60"),
                    harness.logs);
            harness.simulator.awaitLine("Antom simulator running", ChildProcess.START_TIMEOUT);
            harness.proxy = new CuttableProxy(harness.proxyPort, harness.simulatorPort).restore();
            if (ledger == LedgerKind.POSTGRESQL) {
                harness.postgres = new PostgresServer(folder.resolve("postgres"), harness.postgresPort).start();
            }
            harness.erp = new Thread(() -> harness.readResults(CrashApplication.RESULTS_QUEUE, "orderId",
                    harness.results), "erp-results-" + scenario);
            harness.erp.setDaemon(true);
            harness.erp.start();
            harness.refundReader = new Thread(() -> harness.readResults(CrashApplication.REFUND_RESULTS_QUEUE,
                    "refundId", harness.refundResults), "erp-refund-results-" + scenario);
            harness.refundReader.setDaemon(true);
            harness.refundReader.start();
        } catch (Exception | Error e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    // ---- the parts

    void startBroker() throws Exception {
        broker = ChildProcess.start("broker-" + (++processes), CrashBroker.class,
                List.of(folder.resolve("broker").toString(), String.valueOf(brokerPort),
                        String.valueOf(brokerMaxDeliveryAttempts)), logs);
        broker.awaitLine(CrashBroker.READY, ChildProcess.START_TIMEOUT);
    }

    void killBroker() throws InterruptedException {
        broker.kill();
        kills++;
    }

    void killPostgres() throws Exception {
        postgres.kill();
        kills++;
    }

    void startPostgres() throws IOException {
        postgres.start();
    }

    /** Adds {@code latency} to every Antom answer (the simulator's latency fault, through its admin API). */
    void setAntomLatency(Duration latency) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + simulatorPort + "/admin/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMillis\":" + latency.toMillis() + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("simulator faults: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    double brokerCpuSeconds() {
        return broker.cpuSeconds();
    }

    double simulatorCpuSeconds() {
        return simulator.cpuSeconds();
    }

    CuttableProxy antomProxy() {
        return proxy;
    }

    /** Starts the application (optionally stopping at a named crash point) and waits until its routes run. */
    ChildProcess startApp(String crashAt) throws Exception {
        app = crashAt == null ? startNode(0) : startNode(0, "crashAt=" + crashAt);
        return app;
    }

    /**
     * Starts application node {@code node} (its own notification port; broker, ledger and Antom shared) with extra
     * {@code key=value} arguments, and waits until its routes run.
     */
    ChildProcess startNode(int node, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "broker=tcp://127.0.0.1:" + brokerPort,
                "gateway=http://127.0.0.1:" + proxyPort,
                "keys=" + folder.resolve("simulator-keys"),
                "httpPort=" + httpPort(node),
                "ledger=" + (ledgerKind == LedgerKind.H2 ? "h2:" + folder.resolve("ledger") : "postgresql:" + postgres.jdbcUrl())));
        args.addAll(appArguments);
        args.addAll(List.of(extra));
        String crash = List.of(extra).stream().filter(a -> a.startsWith("crashAt=")).findFirst()
                .map(a -> "-" + a.substring("crashAt=".length()).replace(':', '-')).orElse("");
        ChildProcess process = ChildProcess.start((node == 0 ? "app-" : "node" + node + "-") + (++processes) + crash,
                CrashApplication.class, args, logs);
        nodes.put(node, process);
        process.awaitLine(CrashApplication.STARTED, ChildProcess.START_TIMEOUT);
        return process;
    }

    /** The port node {@code node} receives Antom's notifications on. */
    int httpPort(int node) {
        return httpPorts.computeIfAbsent(node, n -> freePort());
    }

    /** The notification URL of node {@code node}. */
    String notifyUrl(int node) {
        return "http://127.0.0.1:" + httpPort(node) + CrashApplication.NOTIFICATION_PATH;
    }

    /** SIGKILL to node {@code node}. */
    void killNode(int node) throws InterruptedException {
        nodes.get(node).kill();
        kills++;
    }

    /** The nodes' processes, by node number (the last process started for each). */
    Map<Integer, ChildProcess> nodes() {
        return nodes;
    }

    /** SIGKILL to the application. */
    void killApp() throws InterruptedException {
        app.kill();
        kills++;
    }

    /** Waits for the application to reach its named crash point, then kills it. */
    void killAppAtCrashPoint(Duration timeout) throws InterruptedException {
        app.awaitLine(CrashApplication.CRASH_POINT, timeout);
        killApp();
    }

    /** Kills the application after a random time between {@code min} and {@code max}. */
    void killAppWithin(Duration min, Duration max) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(min.toMillis(), max.toMillis() + 1));
        killApp();
    }

    int kills() {
        return kills;
    }

    // ---- the ERP

    ActiveMQConnectionFactory brokerConnections() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
    }

    /** Puts orders on the orders queue as persistent text messages. */
    void send(Collection<String> orders) {
        send(CrashApplication.ORDERS_QUEUE, orders);
    }

    /** Puts messages (orders, commands) on a queue as persistent text messages. */
    void send(String queueName, Collection<String> bodies) {
        try (ActiveMQConnectionFactory factory = brokerConnections();
                JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            JMSProducer producer = context.createProducer();
            var queue = context.createQueue(queueName);
            bodies.forEach(body -> producer.send(queue, body));
        }
    }

    /** The results read so far: key (order id or ERP refund id) → statuses in arrival order. */
    Map<String, List<String>> results() {
        return results;
    }

    Map<String, List<String>> refundResults() {
        return refundResults;
    }

    private void readResults(String queueName, String key, Map<String, List<String>> into) {
        while (!closing) {
            try (ActiveMQConnectionFactory factory = brokerConnections();
                    JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                    JMSConsumer consumer = context.createConsumer(context.createQueue(queueName))) {
                while (!closing) {
                    Message message = consumer.receive(500);
                    if (message instanceof TextMessage text) {
                        JsonNode result = AntomJson.mapper().readTree(text.getText());
                        into.computeIfAbsent(result.path(key).asText(), k -> new CopyOnWriteArrayList<>())
                                .add(result.path("status").asText());
                        resultLog.add(result.path(key).asText() + " " + result.path("status").asText());
                    }
                }
            } catch (Exception e) {
                // broker down or restarting: connect again
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** How many orders have a result so far. */
    int ordersWithResults() {
        return results.size();
    }

    /** Waits until every order has a result, or the time is up. */
    boolean awaitResults(Collection<String> orderIds, Duration timeout) throws InterruptedException {
        return awaitResults(results, orderIds, timeout);
    }

    /** Waits until every key (order id, ERP refund id) has a result in {@code which}, or the time is up. */
    boolean awaitResults(Map<String, List<String>> which, Collection<String> keys, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (which.keySet().containsAll(keys)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    // ---- the checks, from outside the application

    /** What the outside sees; the application must be stopped first (the H2 ledger is opened from here). */
    Verdict verdict(Map<String, PaymentStatus> expected) throws Exception {
        Map<String, String> ledger = ledgerStatuses();
        Map<String, JsonNode> charges = simulatorPayments();
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int chargedTwice = 0;
        int repeats = 0;
        for (Map.Entry<String, PaymentStatus> order : expected.entrySet()) {
            String orderId = order.getKey();
            String paymentRequestId = PaymentRequestIds.forAttempt(orderId, 1);
            List<String> got = results.getOrDefault(orderId, List.of());
            if (got.isEmpty()) {
                lost++;
                problems.add(orderId + ": no result (ledger " + ledger.get(paymentRequestId) + ")");
                continue;
            }
            repeats += got.size() - 1;
            if (Set.copyOf(got).size() > 1) {
                problems.add(orderId + ": results disagree " + got);
            }
            if (!got.get(0).equals(order.getValue().name())) {
                problems.add(orderId + ": " + got.get(0) + ", expected " + order.getValue());
            }
            JsonNode payment = charges.get(paymentRequestId);
            int chargeCount = payment == null ? 0 : payment.path("chargeCount").asInt();
            if (chargeCount > 1) {
                chargedTwice++;
            }
            int expectedCharges = "PAID".equals(got.get(0)) ? 1 : 0;
            if (chargeCount != expectedCharges) {
                problems.add(orderId + ": result " + got.get(0) + " but charged " + chargeCount + " time(s)");
            }
        }
        int chargesNotInLedger = 0;
        for (Map.Entry<String, JsonNode> payment : charges.entrySet()) {
            if (payment.getValue().path("chargeCount").asInt() > 0 && !"PAID".equals(ledger.get(payment.getKey()))) {
                chargesNotInLedger++;
                problems.add(payment.getKey() + ": charged at Antom, ledger has " + ledger.get(payment.getKey()));
            }
        }
        int stuck = 0;
        for (Map.Entry<String, String> row : ledger.entrySet()) {
            if (!PaymentStatus.parse(row.getValue()).map(PaymentStatus::isFinal).orElse(false)) {
                stuck++;
                problems.add(row.getKey() + ": still " + row.getValue() + " in the ledger");
            }
        }
        List<String> deadLetters = deadLetters();
        deadLetters.forEach(d -> problems.add("dead letter: " + d));
        return new Verdict(scenario, ledgerKind, kills, expected.size(), lost, chargedTwice, repeats,
                deadLetters.size(), chargesNotInLedger, stuck, problems);
    }

    /**
     * Every message in the bridge's dead-letter queue and in the broker's own dead-letter and expiry queues. Those are
     * made per address under the addresses {@code DLA} and {@code ExpiryQueue} ({@code DLQ.<address>},
     * {@code EXP.<address>}), so they are browsed by their fully qualified names ({@code DLA::DLQ.<address>}): a
     * plain queue name would look for an address of that name and find nothing.
     */
    List<String> deadLetters() throws JMSException {
        List<String> found = new ArrayList<>(browse(CrashApplication.DEAD_LETTER_QUEUE));
        for (String address : List.of(CrashApplication.ORDERS_QUEUE, CrashApplication.NOTIFICATIONS_QUEUE,
                CrashApplication.RESULTS_QUEUE, CrashApplication.DEAD_LETTER_QUEUE, CrashApplication.CANCELS_QUEUE,
                CrashApplication.REFUNDS_QUEUE, CrashApplication.REFUND_RESULTS_QUEUE)) {
            found.addAll(browse("DLA::DLQ." + address));
            found.addAll(browse("ExpiryQueue::EXP." + address));
        }
        return found;
    }

    /** paymentRequestId → status in the ledger. */
    private Map<String, String> ledgerStatuses() throws Exception {
        Map<String, String> statuses = new TreeMap<>();
        if (ledgerKind == LedgerKind.H2) {
            try (EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.open(folder.resolve("ledger"))) {
                readLedger(database.dataSource(), statuses);
            }
        } else {
            readLedger(postgres.dataSource(), statuses);
        }
        return statuses;
    }

    /** refundRequestId → status in the refund ledger (the application stopped first). */
    Map<String, String> refundLedgerStatuses() throws Exception {
        Map<String, String> statuses = new TreeMap<>();
        if (ledgerKind == LedgerKind.H2) {
            try (EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.open(folder.resolve("ledger"))) {
                readLedger(database.dataSource(), statuses, "SELECT REFUND_REQUEST_ID, STATUS FROM ANTOM_REFUND");
            }
        } else {
            readLedger(postgres.dataSource(), statuses, "SELECT REFUND_REQUEST_ID, STATUS FROM ANTOM_REFUND");
        }
        return statuses;
    }

    /** paymentRequestId → status in the payment ledger (the application stopped first). */
    Map<String, String> paymentLedgerStatuses() throws Exception {
        return ledgerStatuses();
    }

    private static void readLedger(DataSource dataSource, Map<String, String> statuses) throws Exception {
        readLedger(dataSource, statuses, "SELECT PAYMENT_REQUEST_ID, STATUS FROM ANTOM_PAYMENT");
    }

    private static void readLedger(DataSource dataSource, Map<String, String> statuses, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** paymentRequestId → the simulator's payment (status, chargeCount), from its admin API. */
    Map<String, JsonNode> simulatorPayments() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + simulatorPort + "/admin/payments")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> payments = new HashMap<>();
        JsonNode body = AntomJson.mapper().readTree(response.body());
        JsonNode array = body.isArray() ? body : body.path("payments");
        array.forEach(p -> payments.put(p.path("paymentRequestId").asText(), p));
        return payments;
    }

    /** The messages waiting on a queue, each as "queue: order/reason". */
    List<String> browse(String queue) throws JMSException {
        List<String> found = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = brokerConnections(); JMSContext context = factory.createContext()) {
            QueueBrowser browser;
            try {
                browser = context.createBrowser(context.createQueue(queue));
            } catch (jakarta.jms.InvalidDestinationRuntimeException e) {
                // Artemis creates a dead-letter queue with its first message: none yet
                return found;
            }
            Enumeration<?> messages;
            try {
                messages = browser.getEnumeration();
            } catch (jakarta.jms.InvalidDestinationException e) {
                return found;
            }
            while (messages.hasMoreElements()) {
                Message m = (Message) messages.nextElement();
                String reason = m.getStringProperty(AntomRouteHeaders.DEAD_LETTER_REASON);
                String body = m instanceof TextMessage t ? t.getText() : String.valueOf(m);
                found.add(queue + ": " + (reason == null ? "" : reason + " | ") + body);
            }
            browser.close();
        }
        return found;
    }

    /** Every application node stops (SIGTERM) so the ledger can be read from here. */
    void stopApp() throws InterruptedException {
        for (ChildProcess node : nodes.values()) {
            if (node.isAlive()) {
                node.stop();
            }
        }
    }

    @Override
    public void close() throws Exception {
        closing = true;
        if (erp != null) {
            erp.join(5000);
        }
        if (refundReader != null) {
            refundReader.join(5000);
        }
        for (ChildProcess node : nodes.values()) {
            node.close();
        }
        for (ChildProcess p : new ChildProcess[] {simulator, broker}) {
            if (p != null) {
                p.close();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One scenario's outcome, as a row of {@code docs/reliability.md}. */
    record Verdict(String scenario, LedgerKind ledger, int kills, int orders, int lost, int chargedTwice,
            int repeatedResults, int deadLettered, int chargesNotInLedger, int stuck, List<String> problems) {

        /** Appends the row to {@code target/reliability/rows.md} (the source of docs/reliability.md's table). */
        Verdict record() throws IOException {
            Path file = Path.of("target", "reliability", "rows.md");
            Files.createDirectories(file.getParent());
            String row = String.format("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d |%n", scenario,
                    ledger == LedgerKind.H2 ? "H2" : "PostgreSQL", kills, orders, lost, chargedTwice,
                    repeatedResults, deadLettered, chargesNotInLedger, stuck);
            Files.writeString(file, row, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return this;
        }
    }
}
