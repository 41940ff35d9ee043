package io.camelantom.routes.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import io.camelantom.routes.testsupport.Await;
import io.camelantom.routes.testsupport.ErpOrders;
import io.camelantom.routes.testsupport.LogLines;
import io.camelantom.routes.testsupport.Resources;
import io.camelantom.routes.testsupport.TestApplications;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.JMSContext;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations console's JSON API over real HTTP (platform-http on Vert.x), with the order bridge and reconciliation
 * in the same CamelContext, a real embedded Artemis, a real H2 ledger and the simulator over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsConsoleIT {

    private static final String CLIENT_ID = "CONSOLE_IT";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOKEN = "script-token-0123456789";

    @TempDir
    static Path dir;
    EmbeddedBroker broker;
    EmbeddedLedgerDatabase db;
    PaymentLedger ledger;
    SimulatorFixture antom;
    AntomSimulator sim;
    CamelContext app;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        broker = new EmbeddedBroker(dir.resolve("broker")).start();
        db = EmbeddedLedgerDatabase.open(dir.resolve("ledger"));
        ledger = new PaymentLedger(db.dataSource()).createSchemaIfMissing();
        antom = SimulatorFixture.builder(CLIENT_ID).simulator(b -> b.timeScale(600)).start();
        sim = antom.simulator();
        app = TestApplications.context(db.dataSource(), broker.connectionFactory());
        app.getRegistry().bind("meters", meters);
        TestApplications.addAntom(app, antom);
        int port = TestApplications.addHttpServer(app);
        app.addRoutes(new OrderBridgeRouteTemplate());
        app.addRoutes(new ReconciliationRouteTemplate());
        app.addRoutes(new OperationsConsoleRouteTemplate());
        TestApplications.addRoute(app, OrderBridgeRouteTemplate.TEMPLATE_ID, "order-bridge", Map.of(
                OrderBridgeRouteTemplate.UNKNOWN_PAYMENT_GRACE_PERIOD, "PT0S",
                OrderBridgeRouteTemplate.PAYMENT_NOTIFY_URL, "http://127.0.0.1:1/none"));
        // no run during the test: checks happen only when the console asks for one
        TestApplications.addRoute(app, ReconciliationRouteTemplate.TEMPLATE_ID, "reconciliation",
                Map.of(ReconciliationRouteTemplate.CRON, "0 0 0 1 1 ? 2099"));
        TestApplications.addRoute(app, OperationsConsoleRouteTemplate.TEMPLATE_ID, "console", Map.of(
                OperationsConsoleRouteTemplate.USERNAME, "alice",
                OperationsConsoleRouteTemplate.PASSWORD, PASSWORD,
                OperationsConsoleRouteTemplate.TOKEN, TOKEN));
        app.start();
        base = "http://127.0.0.1:" + port + OperationsConsoleRouteTemplate.DEFAULT_PATH;
    }

    @AfterAll
    void stop() throws Exception {
        // closing the CamelContext stops it
        Resources.closeAll(app, antom, broker, db);
    }

    // ---------------------------------------------------------------- authentication and CSRF

    @Test
    void refusesRequestsWithoutValidCredentials() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(base + "/api/whoami")).GET());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(send(get("/api/whoami", basic("alice", "wrong"))).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/whoami", basic("mallory", PASSWORD))).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/whoami", "Bearer wrong-token")).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/payments/open", "Bearer " + TOKEN + "x")).statusCode()).isEqualTo(401);
        // the page itself holds no data; every API call needs credentials, and none is echoed back
        HttpResponse<String> ok = send(get("/api/whoami", basic("alice", PASSWORD)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).path("operator").asText()).isEqualTo("alice");
        assertThat(ok.headers().firstValue("Authorization")).isEmpty();
        assertThat(json(send(get("/api/whoami", "Bearer " + TOKEN))).path("operator").asText()).isEqualTo("api-token");
    }

    @Test
    void refusesStateChangesWithoutTheConsoleHeader() throws Exception {
        String id = payAndWait("CON-CSRF", "10.63", PaymentStatus.PROCESSING);
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(base + "/api/payments/" + id + "/override"))
                .header("Authorization", basic("alice", PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"expected\":\"PROCESSING\",\"target\":\"PAID\",\"reason\":\"forged\"}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        // a GET never changes state
        assertThat(send(get("/api/payments/" + id + "/override", basic("alice", PASSWORD))).statusCode())
                .isEqualTo(404);
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PROCESSING);
    }

    @Test
    void servesThePageWithoutInlineScript() throws Exception {
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(base)).GET());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("console/");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"console.js\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/console.js")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/../secret")).GET()).statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- search and timeline

    @Test
    void findsAPaidOrderByEachIdAndShowsItsTimeline() throws Exception {
        String id = payAndWait("CON-PAID", "10.00", PaymentStatus.PAID);
        Await.until("result published", Duration.ofSeconds(20),
                () -> ledger.find(id).orElseThrow().resultPublishedAt() != null);
        String paymentId = ledger.find(id).orElseThrow().paymentId();
        for (String term : List.of("CON-PAID", id, paymentId)) {
            JsonNode found = json(send(get("/api/payments?q=" + term, basic("alice", PASSWORD))));
            assertThat(found.path("payments")).hasSize(1);
            assertThat(found.path("payments").get(0).path("paymentRequestId").asText()).isEqualTo(id);
            assertThat(found.path("payments").get(0).path("status").asText()).isEqualTo("PAID");
        }
        assertThat(json(send(get("/api/payments?q=NO-SUCH", basic("alice", PASSWORD)))).path("payments")).isEmpty();
        JsonNode detail = json(send(get("/api/payments/" + id, "Bearer " + TOKEN)));
        List<String> kinds = detail.path("timeline").findValuesAsText("kind");
        assertThat(kinds).containsSubsequence("REGISTERED", "ANTOM_CALL", "STATUS", "RESULT_PUBLISHED");
        assertThat(detail.path("timeline").findValuesAsText("detail")).anyMatch(d -> d.contains("-> PAID"));
        assertThat(detail.toString()).doesNotContain("orderJson").doesNotContain("buyerId");
    }

    // ---------------------------------------------------------------- inquire now, override

    @Test
    void inquiresNowAndOverridesAStuckPaymentWithAReasonAudited() throws Exception {
        String id = payAndWait("CON-STUCK", "10.63", PaymentStatus.PROCESSING);
        JsonNode open = json(send(get("/api/payments/open", basic("alice", PASSWORD))));
        assertThat(open.path("payments").findValuesAsText("paymentRequestId")).contains(id);

        JsonNode inquired = json(send(post("/api/payments/" + id + "/inquire", "{}")));
        assertThat(inquired.path("checked").asBoolean()).isTrue();
        assertThat(inquired.path("payment").path("status").asText()).isEqualTo("PROCESSING");

        HttpResponse<String> noReason = send(post("/api/payments/" + id + "/override",
                "{\"expected\":\"PROCESSING\",\"target\":\"FAILED\",\"reason\":\" \"}"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> stale = send(post("/api/payments/" + id + "/override",
                "{\"expected\":\"UNKNOWN\",\"target\":\"FAILED\",\"reason\":\"stale view\"}"));
        assertThat(stale.statusCode()).isEqualTo(409);

        try (LogLines log = new LogLines()) {
            HttpResponse<String> done = send(post("/api/payments/" + id + "/override",
                    "{\"expected\":\"PROCESSING\",\"target\":\"FAILED\",\"reason\":\"customer paid cash, ticket 4711\"}"));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(json(done).path("applied").asBoolean()).isTrue();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("operator alice")
                    && l.contains(id) && l.contains("customer paid cash, ticket 4711"));
        }
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(ledger.find(id).orElseThrow().operatorNote()).isEqualTo("alice: customer paid cash, ticket 4711");
        JsonNode detail = json(send(get("/api/payments/" + id, basic("alice", PASSWORD))));
        List<String> kinds = detail.path("timeline").findValuesAsText("kind");
        assertThat(kinds).containsSubsequence("REGISTERED", "OPERATOR_INQUIRY", "RECONCILIATION_CHECK",
                "OPERATOR_OVERRIDE");
        assertThat(detail.path("timeline").findValuesAsText("detail"))
                .anyMatch(d -> d.contains("PROCESSING -> FAILED by alice: customer paid cash, ticket 4711"));
    }

    // ---------------------------------------------------------------- dead letters

    @Test
    void redrivesADeadLetterToItsQueueWhereItIsProcessed() throws Exception {
        // a cancel ahead of its order: dead-lettered at once (grace PT0S)
        try (JMSContext jms = broker.connectionFactory().createContext()) {
            jms.createProducer().send(jms.createQueue("antom.cancels"), "{\"orderId\":\"CON-LATE\"}");
        }
        Await.until("the cancel dead-lettered", Duration.ofSeconds(20), () -> deadLetter("CON-LATE") != null);
        JsonNode dead = deadLetter("CON-LATE");
        assertThat(dead.path("reason").asText()).contains("no payment for order CON-LATE");
        assertThat(dead.path("origin").asText()).isEqualTo("antom.cancels");

        // the fix: the order arrives; its payment stays open until cancelled
        String id = payAndWait("CON-LATE", "10.63", PaymentStatus.PROCESSING);
        HttpResponse<String> redriven = send(post("/api/dead-letters/redrive",
                "{\"queue\":\"antom.orders.DLQ\",\"messageId\":\"" + dead.path("messageId").asText() + "\"}"));
        assertThat(redriven.statusCode()).isEqualTo(200);
        assertThat(json(redriven).path("redrivenTo").asText()).isEqualTo("antom.cancels");
        Await.until("the re-driven cancel processed", Duration.ofSeconds(20),
                () -> ledger.find(id).orElseThrow().status() == PaymentStatus.CANCELLED);
        assertThat(deadLetter("CON-LATE")).isNull();

        HttpResponse<String> again = send(post("/api/dead-letters/redrive",
                "{\"queue\":\"antom.orders.DLQ\",\"messageId\":\"" + dead.path("messageId").asText() + "\"}"));
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> otherQueue = send(post("/api/dead-letters/redrive",
                "{\"queue\":\"antom.results\",\"messageId\":\"ID:1\"}"));
        assertThat(otherQueue.statusCode()).isEqualTo(409);
        HttpResponse<String> injected = send(post("/api/dead-letters/redrive",
                "{\"queue\":\"antom.orders.DLQ\",\"messageId\":\"ID:1' OR '1'='1\"}"));
        assertThat(injected.statusCode()).isEqualTo(409);
    }

    // ---------------------------------------------------------------- charts

    @Test
    void chartsFinalPaymentsPerMinuteAndAntomCallLatency() throws Exception {
        payAndWait("CON-CHART", "10.00", PaymentStatus.PAID);
        JsonNode perMinute = json(send(get("/api/charts/final-per-minute?minutes=10", basic("alice", PASSWORD))));
        assertThat(perMinute.path("series").findValuesAsText("PAID")).isNotEmpty();
        // the antom component records its calls in the context's MeterRegistry (antom.calls)
        double recordedPayCalls = meters.find(CallLatency.TIMER).tag("operation", "pay").timers().stream()
                .mapToLong(Timer::count).sum();
        assertThat(recordedPayCalls).isGreaterThanOrEqualTo(1);
        JsonNode latency = json(send(get("/api/charts/antom-call-latency", basic("alice", PASSWORD))));
        assertThat(latency.path("enabled").asBoolean()).isTrue();
        long payCount = 0; // one row per operation and outcome
        double payMax = 0;
        for (JsonNode row : latency.path("rows")) {
            if (row.path("operation").asText().equals("pay")) {
                payCount += row.path("count").asLong();
                payMax = Math.max(payMax, row.path("maxMillis").asDouble());
            }
        }
        assertThat(payCount).as("pay calls in %s", latency.path("rows")).isEqualTo((long) recordedPayCalls);
        assertThat(payMax).isGreaterThan(0.0);
    }

    // ---------------------------------------------------------------- helpers

    private String payAndWait(String orderId, String amount, PaymentStatus status) throws Exception {
        try (JMSContext jms = broker.connectionFactory().createContext()) {
            jms.createProducer().send(jms.createQueue("antom.orders"), ErpOrders.order(orderId, amount));
        }
        Await.until(orderId + " " + status, Duration.ofSeconds(30),
                () -> ledger.findLatestForOrder(orderId).map(p -> p.status() == status).orElse(false));
        return ledger.findLatestForOrder(orderId).orElseThrow().paymentRequestId();
    }

    private JsonNode deadLetter(String orderId) {
        try {
            JsonNode queues = json(send(get("/api/dead-letters", basic("alice", PASSWORD)))).path("queues");
            for (JsonNode m : queues.path("antom.orders.DLQ")) {
                if (m.path("reason").asText().contains(orderId)) {
                    return m;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder get(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic("alice", PASSWORD))
                .header(OperationsConsole.CSRF_HEADER, "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        return AntomJson.mapper().readTree(response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
