package io.camelantom.routes.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.testsupport.TestApplications;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One Camel application under test: a CamelContext with the antom component (pointed at the simulator; Antom's public
 * key and the merchant's client id are configured there only), a JMS component on the embedded Artemis broker, the
 * ledger's H2 database as bean {@code antomLedgerDataSource}, a Vert.x platform-http server on a free port, and one
 * route made from the {@code antom-notification-bridge} template with its default parameters (plus any given). Also
 * the notification bridge of the order bridge's tests ({@link #startOnLedger}).
 *
 * @param ownDatabase the ledger's database when this fixture opened it (closed with it); null when the caller owns it
 * @param port        the platform-http server's port
 */
public record BridgeFixture(CamelContext context, EmbeddedLedgerDatabase ownDatabase, int port)
        implements AutoCloseable {

    static final String CLIENT_ID = "BRIDGE_IT_MERCHANT";
    static final String ROUTE_ID = "antom-notifications";
    static final String PAYMENT_QUEUE = "antom.notifications.payment";
    static final String REFUND_QUEUE = "antom.notifications.refund";
    static final String CAPTURE_QUEUE = "antom.notifications.capture";
    static final String OTHER_QUEUE = "antom.notifications.other";
    static final String PATH = "/antom/notifications";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static BridgeFixture start(Path databaseDir, EmbeddedBroker broker, SimulatorFixture antom) throws Exception {
        return start(databaseDir, broker, antom, Map.of(), c -> {
        });
    }

    /**
     * Starts the application.
     *
     * @param extraParameters template parameters on top of the defaults; {@code null}: no route is made here (the
     *                        test makes its own, e.g. from YAML or XML)
     * @param registry        binds more beans before the route is made
     */
    static BridgeFixture start(Path databaseDir, EmbeddedBroker broker, SimulatorFixture antom,
            Map<String, Object> extraParameters, Consumer<CamelContext> registry) throws Exception {
        EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.open(databaseDir);
        return start(database, database, broker, antom, extraParameters, registry);
    }

    /**
     * Starts the notification bridge of another application (as a separate process would run it) on that
     * application's ledger {@code database}, which stays open when this fixture closes.
     *
     * @param beforeStart customizes the bridge's context before the route is made (beans, tracing)
     */
    public static BridgeFixture startOnLedger(EmbeddedLedgerDatabase database, EmbeddedBroker broker,
            SimulatorFixture antom, Consumer<CamelContext> beforeStart) throws Exception {
        return start(database, null, broker, antom, Map.of(), beforeStart);
    }

    private static BridgeFixture start(EmbeddedLedgerDatabase database, EmbeddedLedgerDatabase ownDatabase,
            EmbeddedBroker broker, SimulatorFixture antom, Map<String, Object> extraParameters,
            Consumer<CamelContext> registry) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("antomLedgerDataSource", database.dataSource());

        TestApplications.addAntom(context, antom).getConfiguration().setThrowExceptionOnFailure(false);
        context.addComponent("jms", JmsComponent.jmsComponentAutoAcknowledge(broker.connectionFactory()));
        int port = TestApplications.addHttpServer(context);
        registry.accept(context);

        context.addRoutes(new NotificationBridgeRouteTemplate());
        BridgeFixture fixture = new BridgeFixture(context, ownDatabase, port);
        try {
            context.start();
            if (extraParameters != null) {
                TestApplications.addRoute(context, NotificationBridgeRouteTemplate.TEMPLATE_ID, ROUTE_ID, extraParameters);
            }
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    /** The URL Antom is told to notify. */
    public String notifyUrl() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    /** POSTs a notification as Antom would, with the given headers (a null value leaves the header out). */
    HttpResponse<byte[]> post(byte[] body, Map<String, String> headers) throws Exception {
        return post(PATH, body, headers);
    }

    HttpResponse<byte[]> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            context.stop();
        } finally {
            if (ownDatabase != null) {
                ownDatabase.close();
            }
        }
    }
}
