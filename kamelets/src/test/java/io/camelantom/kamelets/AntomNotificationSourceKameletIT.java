package io.camelantom.kamelets;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.camelantom.signing.AntomSigner;
import io.camelantom.simulator.NotificationAttempt;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code antom-notification-source} in a YAML DSL route on Vert.x platform-http: the simulator pays through the pay
 * Kamelet and notifies over real HTTP; verified notifications come out as events and are acknowledged only after the
 * route processed them; a forged one is refused and never sent on; a failing route answers 503 and Antom's resend
 * gets through.
 */
class AntomNotificationSourceKameletIT extends KameletSimulatorSupport {

    private static final String PATH = "/antom/notifications";

    static final String ROUTES = """
            - route:
                id: notifications
                from:
                  uri: kamelet:antom-notification-source
                  parameters:
                    clientId: "{{antom.clientId}}"
                    antomPublicKey: "RAW({{antom.antomPublicKey}})"
                  steps:
                    - to: direct:erp
            """;


    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private int port;

    @Override
    void configure(CamelContext context) throws Exception {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        // platform-http-vertx looks its router up under the configured port: take a free one and configure it
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        http.setBindPort(port);
        http.setPort(port);
        context.addService(new VertxPlatformHttpServer(http));

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("notifications.yaml", ROUTES));
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("actions.yaml", AntomActionKameletsIT.ROUTES));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the ERP side: records each event; fails once for the ids in failOnce
                from("direct:erp").process(e -> {
                    String id = e.getMessage().getHeader("CamelAntomPaymentRequestId", String.class);
                    if (id != null && failOnce.remove(id)) {
                        throw new IllegalStateException("ERP unavailable");
                    }
                    events.add(e.copy());
                });
            }
        });
    }

    @Test
    void aVerifiedNotificationIsAnEventThenAcknowledged() {
        String id = AntomActionKameletsIT.newId();
        pay(id);

        await(() -> acknowledged(id));
        List<Exchange> mine = eventsFor(id);
        assertThat(mine).hasSize(1);
        Exchange event = mine.get(0);
        assertThat(event.getMessage().getBody(String.class)).contains("\"paymentRequestId\":\"" + id + "\"");
        assertThat(event.getMessage().getHeader("CamelAntomNotifyType")).isEqualTo("PAYMENT_RESULT");
        assertThat(event.getMessage().getHeader("CamelAntomResultStatus")).isEqualTo("S");
        assertThat(event.getMessage().getHeader(NotificationSourceGate.KEY_HEADER, String.class)).contains(id);
        NotificationAttempt attempt = sim.notificationAttempts(id).get(0);
        assertThat(attempt.httpStatus()).isEqualTo(200);
        assertThat(attempt.responseBody()).isEqualTo("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}");
    }

    @Test
    void aFailingRouteAnswers503AndAntomsResendGetsThrough() {
        String id = AntomActionKameletsIT.newId();
        failOnce.add(id);
        pay(id);

        await(() -> acknowledged(id));
        List<NotificationAttempt> attempts = sim.notificationAttempts(id);
        assertThat(attempts.get(0).httpStatus()).isEqualTo(503);
        assertThat(attempts.get(0).acknowledged()).isFalse();
        assertThat(eventsFor(id)).hasSize(1);
    }

    @Test
    void aForgedNotificationIsRefusedAndNeverSentOn() throws Exception {
        String body = "{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"forged-1\",\"paymentId\":\"2026\","
                      + "\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";
        String time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        // signed, but by the merchant's key instead of Antom's
        String signature = new AntomSigner(antom.merchantKeys().getPrivate(), 1).sign("POST", PATH, CLIENT_ID, time, body).format();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", "application/json").header("client-id", CLIENT_ID).header("request-time", time)
                .header("signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain("SUCCESS").contains("\"resultStatus\":\"F\"");
        assertThat(eventsFor("forged-1")).isEmpty();
    }

    private void pay(String id) {
        String json = AntomActionKameletsIT.payJson(id, "1000").replaceFirst("\\{",
                "{\"paymentNotifyUrl\":\"http://127.0.0.1:" + port + PATH + "\",");
        Exchange paid = template.request("direct:pay", e -> e.getMessage().setBody(json));
        assertThat(paid.getException()).isNull();
    }

    private boolean acknowledged(String id) {
        return sim.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged);
    }

    private List<Exchange> eventsFor(String id) {
        return events.stream().filter(e -> id.equals(e.getMessage().getHeader("CamelAntomPaymentRequestId"))).toList();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
