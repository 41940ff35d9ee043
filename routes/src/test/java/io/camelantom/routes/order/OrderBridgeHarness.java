package io.camelantom.routes.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.testsupport.Await;
import io.camelantom.routes.notification.BridgeFixture;
import io.camelantom.routes.reconciliation.Reconciliation;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import io.camelantom.routes.testsupport.ErpOrders;
import io.camelantom.routes.testsupport.TestApplications;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;

/**
 * The real parts of an order bridge test: a persistent embedded Artemis, an H2 file ledger, the simulator over HTTP,
 * the notification bridge (issue 4's template, in its own CamelContext), and the application: a CamelContext running the {@code antom-order-bridge} template. Everything
 * lives under the test's folder and on port 0.
 */
final class OrderBridgeHarness implements AutoCloseable {

    static final String CLIENT_ID = "ORDER_BRIDGE_IT";
    static final String ORDERS = "antom.orders";
    static final String RESULTS = "antom.results";
    static final String DLQ = "antom.orders.DLQ";
    static final String NOTIFICATIONS = "antom.notifications.payment";
    static final String CANCELS = "antom.cancels";
    static final String REFUNDS = "antom.refunds";
    static final String INQUIRIES = "antom.inquiries";
    static final String REFUND_RESULTS = "antom.refund.results";
    static final String REFUND_NOTIFICATIONS = "antom.notifications.refund";

    final Path dir;
    final EmbeddedBroker broker;
    final EmbeddedLedgerDatabase db;
    final PaymentLedger ledger;
    /** One merchant key pair for all tests of the JVM: generating a 2048-bit pair takes a second or more. */
    private static final KeyPair MERCHANT_KEYS = AntomKeys.generateRsaKeyPair(2048);
    private final SimulatorFixture antom;
    final AntomSimulator sim;
    private BridgeFixture notificationBridge;
    CamelContext app;
    final Map<String, String> parameters = new HashMap<>();

    OrderBridgeHarness(Path dir) {
        this(dir, simulator -> {
        });
    }

    /** @param simulator settings of the simulator on top of this harness' own (time scale and delays) */
    OrderBridgeHarness(Path dir, Consumer<AntomSimulator.Builder> simulator) {
        this.dir = dir;
        this.broker = new EmbeddedBroker(dir.resolve("broker")).start();
        this.db = EmbeddedLedgerDatabase.open(dir.resolve("ledger"));
        this.ledger = new PaymentLedger(db.dataSource(), PaymentLedger.DEFAULT_TABLE_PREFIX, Clock.systemUTC())
                .createSchemaIfMissing();
        Consumer<AntomSimulator.Builder> defaults = b -> b.timeScale(600).processingDelay(Duration.ofSeconds(30))
                .slowResponseDelay(Duration.ofMillis(300));
        this.antom = SimulatorFixture.builder(CLIENT_ID).merchantKeys(MERCHANT_KEYS).simulator(defaults.andThen(simulator))
                .start();
        this.sim = antom.simulator();
        parameters.put(OrderBridgeRouteTemplate.CONCURRENT_CONSUMERS, "8");
        parameters.put(OrderBridgeRouteTemplate.REDELIVERY_DELAY, "100");
        parameters.put(OrderBridgeRouteTemplate.JMS_RECOVERY_INTERVAL, "200");
        parameters.put(OrderBridgeRouteTemplate.OUTBOX_REPAIR_PERIOD, "500");
        parameters.put(OrderBridgeRouteTemplate.OUTBOX_QUIET_PERIOD, "PT1M");
    }

    /**
     * Starts the notification bridge (issue 4's {@code antom-notification-bridge} template) in its own CamelContext,
     * as a separate application would: Antom's notifications over HTTP, verified, on the notifications queue.
     */
    OrderBridgeHarness withNotifications() throws Exception {
        return withNotifications(context -> {
        });
    }

    /** As {@link #withNotifications()}, {@code beforeStart} customizing the bridge's context before it starts. */
    OrderBridgeHarness withNotifications(Consumer<CamelContext> beforeStart) throws Exception {
        notificationBridge = BridgeFixture.startOnLedger(db, broker, antom, beforeStart);
        parameters.put(OrderBridgeRouteTemplate.PAYMENT_NOTIFY_URL, notifyUrl());
        return this;
    }

    /**
     * A message naming what the ledger does not know yet is kept for {@code gracePeriod} and tried again every
     * {@code retryDelay} (ISO-8601 durations), so a test sees it dead-lettered in seconds, not the template's minutes.
     */
    OrderBridgeHarness keepingUnknownMessages(String gracePeriod, String retryDelay) {
        parameters.put(OrderBridgeRouteTemplate.UNKNOWN_PAYMENT_GRACE_PERIOD, gracePeriod);
        parameters.put(OrderBridgeRouteTemplate.UNKNOWN_PAYMENT_RETRY_DELAY, retryDelay);
        return this;
    }

    String notifyUrl() {
        return notificationBridge.notifyUrl();
    }

    /** Starts the application: a fresh CamelContext with the order bridge (like a process start). */
    CamelContext startApp() throws Exception {
        return startApp(context -> {
        });
    }

    CamelContext startApp(ContextCustomizer customizer) throws Exception {
        return startApp(customizer, context -> {
        });
    }

    /** @param beforeStart binds beans before the bridge is made; {@code customizer} runs after the start */
    CamelContext startApp(ContextCustomizer customizer, ContextCustomizer beforeStart) throws Exception {
        CamelContext context = TestApplications.context(db.dataSource(), broker.connectionFactory());
        beforeStart.customize(context);
        // no maxRetries: the order bridge's own resend policy (its defaults) handles unknown outcomes
        TestApplications.addAntom(context, antom).getConfiguration().setRequestTimeout(5000);
        context.addRoutes(new OrderBridgeRouteTemplate());
        TestApplications.addRoute(context, OrderBridgeRouteTemplate.TEMPLATE_ID, "order-bridge", parameters);
        context.start();
        customizer.customize(context);
        app = context;
        return context;
    }

    /**
     * Adds to an application (as {@code beforeStart}) a reconciliation instance that the test runs on demand: its cron
     * never fires, payments of any age are checked; {@code settings} are further parameters of the instance.
     */
    static void addReconciliation(CamelContext context, Map<String, String> settings) throws Exception {
        context.addRoutes(new ReconciliationRouteTemplate());
        Map<String, String> parameters = new HashMap<>(Map.of(ReconciliationRouteTemplate.CRON, "0 0 0 1 1 ? 2099",
                ReconciliationRouteTemplate.MIN_AGE, "PT0S"));
        parameters.putAll(settings);
        TestApplications.addRoute(context, ReconciliationRouteTemplate.TEMPLATE_ID, "reconciliation", parameters);
    }

    /** The application's reconciliation instance ({@link #addReconciliation}). */
    Reconciliation reconciliation() {
        return app.getRegistry().lookupByNameAndType(ReconciliationRouteTemplate.TEMPLATE_ID
                + ReconciliationRouteTemplate.BEAN_SUFFIX, Reconciliation.class);
    }

    interface ContextCustomizer {
        void customize(CamelContext context) throws Exception;
    }

    /** A customizer that does nothing. */
    enum ContextCustomizerNone implements ContextCustomizer {
        NONE;

        @Override
        public void customize(CamelContext context) {
        }
    }

    void stopApp() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** Puts an order (JSON text) on the orders queue. */
    void sendOrder(String json) {
        sendText(ORDERS, json, Map.of());
    }

    void sendText(String queue, String text, Map<String, Object> properties) {
        try (JMSContext context = broker.connectionFactory().createContext()) {
            JMSProducer producer = context.createProducer();
            properties.forEach(producer::setProperty);
            producer.send(context.createQueue(queue), text);
        }
    }

    /**
     * Sends a request with {@code JMSReplyTo} (a temporary queue) and {@code JMSCorrelationID}, and waits up to 20 s
     * for the reply; null when none came.
     */
    Message request(String queue, String text, String correlationId) {
        try (JMSContext context = broker.connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            var replyTo = context.createTemporaryQueue();
            try (var consumer = context.createConsumer(replyTo)) {
                context.createProducer().setJMSReplyTo(replyTo).setJMSCorrelationID(correlationId)
                        .send(context.createQueue(queue), text);
                return consumer.receive(20_000);
            }
        }
    }

    /** Puts many orders on the queue in one JMS transaction per 100. */
    void sendOrders(List<String> orders) {
        try (JMSContext context = broker.connectionFactory().createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = context.createProducer();
            var queue = context.createQueue(ORDERS);
            int n = 0;
            for (String order : orders) {
                producer.send(queue, order);
                if (++n % 100 == 0) {
                    context.commit();
                }
            }
            context.commit();
        }
    }

    /** Takes every message now on a queue, waiting up to {@code idleMillis} for each next one. */
    List<TextMessage> drain(String queue, long idleMillis) {
        List<TextMessage> messages = new ArrayList<>();
        try (JMSContext context = broker.connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             var consumer = context.createConsumer(context.createQueue(queue))) {
            Message m;
            while ((m = consumer.receive(idleMillis)) != null) {
                messages.add((TextMessage) m);
            }
        }
        return messages;
    }

    /**
     * Takes {@code expected} messages from a queue (waiting up to 20 s for them), then whatever else arrives within
     * 300 ms, so a test sees an unexpected extra message.
     */
    List<TextMessage> take(String queue, int expected) {
        return take(queue, expected, Duration.ofSeconds(20));
    }

    /** {@link #take(String, int)} waiting up to {@code timeout} for the expected messages. */
    List<TextMessage> take(String queue, int expected, Duration timeout) {
        List<TextMessage> messages = new ArrayList<>();
        broker.receive(queue, expected, timeout).forEach(m -> messages.add((TextMessage) m));
        return messages;
    }

    /** The ERP's round trip: puts the order on the orders queue and takes its one result. */
    TextMessage resultOf(String order) {
        sendOrder(order);
        return takeOne(RESULTS);
    }

    /** The one message a test expects on a queue ({@link #take(String, int)}); fails when none or several came. */
    TextMessage takeOne(String queue) {
        List<TextMessage> messages = take(queue, 1);
        assertThat(messages).as("messages on " + queue).hasSize(1);
        return messages.get(0);
    }

    /** The one message on the dead-letter queue, which must carry {@code body} as it was sent; its dead-letter reason. */
    String takeDeadLetter(String body) {
        TextMessage dead = takeOne(DLQ);
        assertThat(text(dead)).as("the dead letter's body").isEqualTo(body);
        return property(dead, AntomRouteHeaders.DEAD_LETTER_REASON);
    }

    /** Waits up to 20 s until the ledger holds the payment in {@code status}; its row then. */
    PaymentRecord awaitStatus(String paymentRequestId, PaymentStatus status) throws InterruptedException {
        Await.until(paymentRequestId + " " + status, Duration.ofSeconds(20), () -> ledger.find(paymentRequestId)
                .map(r -> r.status() == status).orElse(false));
        return ledger.find(paymentRequestId).orElseThrow();
    }

    static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message's JSON body (a result, a status inquiry's reply). */
    static JsonNode json(Message message) {
        return AntomJson.readTree(text(message).getBytes(StandardCharsets.UTF_8));
    }

    /** A canonical in-store order; the amount's last two digits pick the simulator's outcome. */
    static String order(String orderId, String amount) {
        return ErpOrders.order(orderId, amount);
    }

    @Override
    public void close() throws IOException {
        stopApp();
        if (notificationBridge != null) {
            notificationBridge.close();
        }
        antom.close();
        broker.close();
        db.close();
    }
}
