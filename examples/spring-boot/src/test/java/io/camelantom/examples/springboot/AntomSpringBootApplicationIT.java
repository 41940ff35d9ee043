package io.camelantom.examples.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelantom.examples.testing.PrometheusText;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example application as it ships (application.yaml), started against the simulator embedded in this test, with
 * Spring Boot's embedded Artemis and the embedded H2 ledger in a temp folder: orders put on antom.orders end as
 * result messages on antom.results (PAID at once, FAILED, PAID through Antom's notification over platform-http),
 * a bad order lands in the dead-letter queue, and actuator's health is UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// Spring Boot's tests leave metrics exporters off unless asked: /actuator/prometheus as the application serves it
@AutoConfigureObservability(tracing = false)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AntomSpringBootApplicationIT {

    private static final String CLIENT_ID = "SPRING_BOOT_EXAMPLE";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE_PASSWORD = "console-password-for-the-test";
    private static final Logger LOG = LoggerFactory.getLogger(AntomSpringBootApplicationIT.class);

    @TempDir
    static Path folder;
    /** Closed after the class's tests, once Spring has stopped the application. */
    @AutoClose
    private static SimulatorFixture antom;
    private static AntomSimulator simulator;
    private static int artemisPort;

    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private TestRestTemplate http;

    /** What an operator sets (README, "Configure"): keys, gateway, notification URL, port, data folder. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        // timeScale 20: a "61" payment is settled by the simulator after 0.5 s, then notified
        // slowResponseDelay 1 s: a "71" payment is answered after 1 s of real time (10 s by default)
        antom = SimulatorFixture.builder(CLIENT_ID).simulator(b -> b.timeScale(20).slowResponseDelay(Duration.ofSeconds(1)))
                .start();
        simulator = antom.simulator();
        artemisPort = freePort();

        // the environment variables of README.md ("Configure"), as an operator would set them
        // (the Artemis journal and the H2 ledger in folder/data)
        antomEnvironment(registry, antom, folder);
        // the embedded broker also on TCP, for the ERP
        registry.add("ANTOM_ARTEMIS_ACCEPTOR", () -> "tcp://127.0.0.1:" + artemisPort);
        // the operations console
        registry.add("ANTOM_CONSOLE_ENABLED", () -> "true");
        registry.add("ANTOM_CONSOLE_PASSWORD", () -> CONSOLE_PASSWORD);
    }

    @Test
    @Order(1)
    void ordersEndAsResultMessages() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(1000);
        // the ERP, another process, over TCP (README, "Send an order")
        try (ActiveMQConnectionFactory erp = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + artemisPort)) {
            new JmsTemplate(erp).convertAndSend("antom.orders", order("SB-PAID-1", "12.34"));
        }
        jms.convertAndSend("antom.orders", order("SB-FAILED-1", "10.51"));      // simulator: F USER_BALANCE_NOT_ENOUGH
        jms.convertAndSend("antom.orders", order("SB-NOTIFIED-1", "10.61"));    // U, then PAYMENT_RESULT notification
        jms.convertAndSend("antom.orders", "{\"orderId\":\"SB-BAD-1\",\"currency\":\"USD\"}"); // no amount

        Map<String, JsonNode> results = receiveResults(jms, Set.of("SB-PAID-1", "SB-FAILED-1", "SB-NOTIFIED-1"),
                Duration.ofSeconds(60));
        assertThat(results.get("SB-PAID-1").get("status").asText()).isEqualTo("PAID");
        assertThat(results.get("SB-PAID-1").get("amount").asText()).isEqualTo("12.34");
        assertThat(results.get("SB-FAILED-1").get("status").asText()).isEqualTo("FAILED");
        assertThat(results.get("SB-FAILED-1").get("resultCode").asText()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(results.get("SB-NOTIFIED-1").get("status").asText()).isEqualTo("PAID");
        // the PAID of SB-NOTIFIED-1 came through the notification bridge: Antom's notification was acknowledged (the
        // simulator records the attempt once the answer is back, which can be after the result message)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(simulator.notificationAttempts("SB-NOTIFIED-1"))
                .anySatisfy(a -> assertThat(a.acknowledged()).isTrue()));
        assertThat(simulator.chargeCount("SB-PAID-1")).isEqualTo(1);
        assertThat(simulator.chargeCount("SB-NOTIFIED-1")).isEqualTo(1);

        jms.setReceiveTimeout(30_000);
        Message dead = jms.receive("antom.orders.DLQ");
        assertThat(dead).as("the bad order in the dead-letter queue").isNotNull();
        assertThat(((TextMessage) dead).getText()).contains("SB-BAD-1");
        assertThat(dead.getStringProperty("CamelAntomDeadLetterReason")).contains("amount");
        assertThat(simulator.payment("SB-BAD-1")).isEmpty();

        // exactly one result per order: nothing else arrives
        jms.setReceiveTimeout(1000);
        assertThat(jms.receive("antom.results")).isNull();
    }

    /**
     * Issue 15: after the four orders of the first test, Spring Boot's /actuator/prometheus (the Prometheus registry
     * is the only MeterRegistry bean) shows the antom: component's calls, the order bridge, the notification bridge
     * and the ledger gauges, with the values those orders make.
     */
    @Test
    @Order(2)
    void prometheusShowsTheCallsTheBridgesAndTheLedger() {
        ResponseEntity<String> scrape = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        PrometheusText metrics = new PrometheusText(scrape.getBody());

        // the pay calls: one S, one F, one U (PAYMENT_IN_PROCESS: Antom has it, not resent)
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay", "outcome", "S", "result_code", "SUCCESS"))
                .isEqualTo(1);
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay", "outcome", "F", "result_code",
                "USER_BALANCE_NOT_ENOUGH")).isEqualTo(1);
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay", "outcome", "U", "result_code",
                "PAYMENT_IN_PROCESS")).isEqualTo(1);
        assertThat(metrics.value("antom_calls_seconds_sum", "operation", "pay", "outcome", "S")).isPositive();

        // the order bridge: four orders, the bad one dead-lettered, two PAID and one FAILED result, none in flight
        String bridge = "antom-order-bridge";
        assertThat(metrics.value("antom_orders_received_total", "name", bridge)).isEqualTo(4);
        assertThat(metrics.value("antom_orders_dead_letters_total", "name", bridge, "reason", "REJECTED")).isEqualTo(1);
        assertThat(metrics.value("antom_results_published_total", "name", bridge, "status", "PAID")).isEqualTo(2);
        assertThat(metrics.value("antom_results_published_total", "name", bridge, "status", "FAILED")).isEqualTo(1);
        assertThat(metrics.value("antom_payments_in_flight", "name", bridge)).isZero();

        // the notification bridge: every notification Antom saw acknowledged was accepted once or was a duplicate
        long acknowledged = List.of("SB-PAID-1", "SB-FAILED-1", "SB-NOTIFIED-1").stream()
                .flatMap(id -> simulator.notificationAttempts(id).stream()).filter(a -> a.acknowledged()).count();
        assertThat(metrics.value("antom_notifications_accepted_total", "type", "PAYMENT_RESULT")
                   + metrics.valueOrZero("antom_notifications_duplicates_total")).isEqualTo(acknowledged);
        assertThat(metrics.valueOrZero("antom_notifications_rejected_total")).isZero();

        // the ledger: the three payments final, their results published
        assertThat(metrics.value("antom_ledger_payments", "name", bridge, "status", "PAID")).isEqualTo(2);
        assertThat(metrics.value("antom_ledger_payments", "name", bridge, "status", "FAILED")).isEqualTo(1);
        assertThat(metrics.value("antom_ledger_payments", "name", bridge, "status", "PENDING")).isZero();
        assertThat(metrics.value("antom_ledger_results_owed", "name", bridge)).isZero();
        assertThat(metrics.value("antom_ledger_oldest_open_age_seconds", "name", bridge)).isEqualTo(-1);
    }

    /**
     * After the orders: the prebuilt routes call antom: through a producer template, so the antom producer, and with it
     * its health check, exists once the first payment was made.
     */
    @Test
    @Order(3)
    void healthIsUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).as(health.getBody()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("camelHealth")
                .containsPattern("\"producer:antom-[^\"]+\":\"UP\"");
    }

    /**
     * Issue 19: with the example's own configuration (no max-retries; the order bridge's and reconciliation's
     * defaults), 20 orders across the simulator's whole trigger table each get their expected final status, each paid
     * one charged once; the transient errors (72 HTTP 500, 73 HTTP 500 after charging, 81 rate limited, 91 U after
     * charging) cost a resend, not a sale; 63 (never completes) fails only once its expiry has passed.
     */
    /** The operations console's REST API on Spring Boot's web server: credentials required, the paid order found. */
    @Test
    @Order(2)
    void operationsConsoleFindsThePaidOrder() throws Exception {
        ResponseEntity<String> anonymous = http.getForEntity("/antom/console/api/payments?q=SB-PAID-1", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> wrong = http.withBasicAuth("operator", "wrong")
                .getForEntity("/antom/console/api/whoami", String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        TestRestTemplate operator = http.withBasicAuth("operator", CONSOLE_PASSWORD);
        ResponseEntity<String> me = operator.getForEntity("/antom/console/api/whoami", String.class);
        assertThat(me.getStatusCode().value()).as(me.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(me.getBody()).get("operator").asText()).isEqualTo("operator");
        ResponseEntity<String> found = operator.getForEntity("/antom/console/api/payments?q=SB-PAID-1", String.class);
        JsonNode payment = JSON.readTree(found.getBody()).get("payments").get(0);
        assertThat(payment.get("status").asText()).isEqualTo("PAID");
        JsonNode detail = JSON.readTree(operator.getForEntity("/antom/console/api/payments/"
                + payment.get("paymentRequestId").asText(), String.class).getBody());
        assertThat(detail.get("timeline").findValuesAsText("kind")).contains("REGISTERED", "RESULT_PUBLISHED");
        // the dead letter of the bad order was taken by the test above; the queue is browsable
        ResponseEntity<String> deadLetters = operator.getForEntity("/antom/console/api/dead-letters", String.class);
        assertThat(deadLetters.getStatusCode().value()).as(deadLetters.getBody()).isEqualTo(200);
        ResponseEntity<String> page = http.getForEntity("/antom/console/", String.class);
        assertThat(page.getBody()).contains("Antom payment operations");
    }

    @Test
    @Order(4)
    void twentyOrdersAcrossTheTriggerTableGetTheirExpectedStatus() throws Exception {
        List<String> triggers = List.of("00", "51", "52", "53", "54", "61", "62", "63", "71", "72", "73", "81", "91",
                "10", "72", "81", "91", "73", "62", "63");
        Map<String, String> expected = Map.ofEntries(Map.entry("00", "PAID"), Map.entry("10", "PAID"),
                Map.entry("51", "FAILED"), Map.entry("52", "FAILED"), Map.entry("53", "FAILED"),
                Map.entry("54", "FAILED"), Map.entry("61", "PAID"), Map.entry("62", "FAILED"),
                Map.entry("63", "FAILED"), Map.entry("71", "PAID"), Map.entry("72", "PAID"), Map.entry("73", "PAID"),
                Map.entry("81", "PAID"), Map.entry("91", "PAID"));
        Instant expiry = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(1000);
        Map<String, String> triggerByOrder = new LinkedHashMap<>();
        for (int i = 0; i < triggers.size(); i++) {
            String orderId = "SB-T" + triggers.get(i) + "-" + i;
            triggerByOrder.put(orderId, triggers.get(i));
            String order = order(orderId, (20 + i) + "." + triggers.get(i));
            // the 63s expire 10 s from now; the others have the bridge's default expiry (an hour)
            jms.convertAndSend("antom.orders", !triggers.get(i).equals("63") ? order
                    : order.substring(0, order.length() - 1) + ",\"expiresAt\":\"" + expiry + "\"}");
        }

        Map<String, JsonNode> results = receiveResults(jms, triggerByOrder.keySet(), Duration.ofSeconds(90));
        Map<String, Long> outcomes = new TreeMap<>();
        triggerByOrder.forEach((orderId, trigger) -> {
            JsonNode result = results.get(orderId);
            String status = result.get("status").asText();
            outcomes.merge(trigger + " " + status + " " + result.get("resultCode").asText(), 1L, Long::sum);
            assertThat(status).as(orderId).isEqualTo(expected.get(trigger));
            assertThat(simulator.chargeCount(orderId)).as("charges of " + orderId)
                    .isEqualTo(status.equals("PAID") ? 1 : 0);
            if (status.equals("FAILED")) {
                // a FAILED order was refused by Antom itself, or (63) expired: never FAILED for an error of ours
                assertThat(simulator.payment(orderId)).as("Antom received " + orderId).isPresent();
                if (trigger.equals("63")) {
                    assertThat(result.get("resultCode").asText()).isEqualTo("ORDER_IS_CLOSED");
                    assertThat(Instant.parse(result.get("time").asText())).as(orderId + " failed after its expiry")
                            .isAfterOrEqualTo(expiry);
                }
            }
        });
        LOG.info("Issue 19, 20 orders with the example's defaults (trigger status code: count): {}", outcomes);
        jms.setReceiveTimeout(1000);
        assertThat(jms.receive("antom.results")).as("one result per order").isNull();
    }

    static String order(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
               + "\"description\":\"Spring Boot example\",\"productCode\":\"IN_STORE_PAYMENT\","
               + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"281012020000123456\",\"scenario\":\"PaymentCode\"}}";
    }

    private static Map<String, JsonNode> receiveResults(JmsTemplate jms, Set<String> orderIds, Duration timeout)
            throws Exception {
        Map<String, JsonNode> results = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!results.keySet().containsAll(orderIds) && System.nanoTime() < deadline) {
            Message message = jms.receive("antom.results");
            if (message instanceof TextMessage text) {
                JsonNode body = JSON.readTree(text.getText());
                assertThat(results.put(body.get("orderId").asText(), body)).as("a second result for %s", body).isNull();
            }
        }
        assertThat(results.keySet()).containsAll(orderIds);
        return results;
    }

    /**
     * The application's settings for Antom (README, "Configure"): client id, gateway, key files (written into
     * {@code folder/keys}), a free port with the notification URL on it, and the data folder ({@code folder/data}).
     */
    static void antomEnvironment(DynamicPropertyRegistry registry, SimulatorFixture antom, Path folder) throws IOException {
        SimulatorFixture.KeyFiles keys = antom.writeKeyFiles(folder.resolve("keys"));
        int port = freePort();
        registry.add("PORT", () -> port);
        registry.add("ANTOM_CLIENT_ID", antom::clientId);
        registry.add("ANTOM_GATEWAY_URL", antom::gatewayUrl);
        registry.add("ANTOM_PRIVATE_KEY_FILE", () -> keys.merchantPrivateKey().toString());
        registry.add("ANTOM_PUBLIC_KEY_FILE", () -> keys.antomPublicKey().toString());
        registry.add("ANTOM_NOTIFICATION_URL", () -> "http://127.0.0.1:" + port + "/antom/notifications");
        registry.add("ANTOM_DATA_DIR", () -> folder.resolve("data").toString());
    }

    /**
     * The ERP's side (README, "Send an order"): puts {@code order} on antom.orders and checks that the next result is
     * {@code orderId}'s with {@code status}.
     */
    static void expectResult(JmsTemplate erp, String order, String orderId, String status) throws Exception {
        erp.convertAndSend("antom.orders", order);
        JsonNode result = result(erp);
        assertThat(result.get("orderId").asText()).isEqualTo(orderId);
        assertThat(result.get("status").asText()).as(orderId).isEqualTo(status);
    }

    /** The next result on antom.results, read as JSON; fails when none comes within the template's receive timeout. */
    static JsonNode result(JmsTemplate jms) throws Exception {
        Message result = jms.receive("antom.results");
        assertThat(result).as("a result on antom.results").isInstanceOf(TextMessage.class);
        return JSON.readTree(((TextMessage) result).getText());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
