package io.camelantom.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.jms.ConnectionFactory;

import io.camelantom.component.AntomComponent;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The application side as a user deploys it with the defaults: a persistent Artemis broker (embedded, with a TCP
 * acceptor for the ERP), the H2 file ledger, and one CamelContext running the order bridge and the notification bridge
 * templates (platform-http on Vert.x), the antom component pointed at the simulator over HTTPS. Instead of the
 * defaults: a broker of the user's ({@code --broker-url}) and a PostgreSQL ledger ({@code --ledger postgresql}).
 */
final class Application implements AutoCloseable {

    static final String NOTIFY_PATH = "/antom/notifications";

    /** The embedded broker, or null with a broker of the user's. */
    final EmbeddedBroker broker;
    private final String brokerUrl;
    final LedgerDatabase ledger;
    final CamelContext context;
    final int httpPort;

    private Application(EmbeddedBroker broker, String brokerUrl, LedgerDatabase ledger, CamelContext context,
            int httpPort) {
        this.broker = broker;
        this.brokerUrl = brokerUrl;
        this.ledger = ledger;
        this.context = context;
        this.httpPort = httpPort;
    }

    /**
     * @param brokerUrl  a running broker's URL (the ERP sends there too), or null for the embedded one
     * @param ledgerKind {@link LedgerDatabase#H2} or {@link LedgerDatabase#POSTGRESQL}
     */
    static Application start(Path dir, SimulatorProcess simulator, Map<String, String> orderBridgeParameters,
            int maxConnections, String brokerUrl, String ledgerKind) throws Exception {
        if (brokerUrl == null) {
            requireDiskBelowBrokerLimit(dir);
        }
        EmbeddedBroker broker = brokerUrl == null
                ? new EmbeddedBroker(dir.resolve("broker")).tcpPort(freePort()).start() : null;

        LedgerDatabase ledger = LedgerDatabase.open(ledgerKind, dir);
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(OrderBridgeRouteTemplate.DEFAULT_DATA_SOURCE, ledger.dataSource);
        // consumerWindowSize=0 as routes/README "Broker settings" advises
        String applicationUrl = broker != null ? broker.inVmUrl() : brokerUrl;
        ConnectionFactory factory = new ActiveMQConnectionFactory(
                applicationUrl + (applicationUrl.contains("?") ? "&" : "?") + "consumerWindowSize=0");
        context.addComponent("jms", JmsComponent.jmsComponent(factory));

        AntomComponent antom = new AntomComponent();
        antom.getConfiguration().setClientId(SimulatorProcess.CLIENT_ID);
        antom.getConfiguration().setPrivateKeyFile(simulator.merchantPrivateKey().toString());
        antom.getConfiguration().setAntomPublicKeyFile(simulator.antomPublicKey().toString());
        antom.getConfiguration().setGatewayUrl(simulator.baseUrl);
        antom.getConfiguration().setMaxConnections(maxConnections);
        antom.getConfiguration().setSslContextParameters(sslContextParameters(simulator));
        context.addComponent("antom", antom);

        int httpPort = freePort();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(httpPort);
        http.setPort(httpPort);
        context.addService(new VertxPlatformHttpServer(http));
        context.getShutdownStrategy().setTimeout(10);

        context.addRoutes(new OrderBridgeRouteTemplate());
        context.addRoutes(new NotificationBridgeRouteTemplate());
        TemplatedRouteBuilder bridge = TemplatedRouteBuilder.builder(context, OrderBridgeRouteTemplate.TEMPLATE_ID)
                .routeId("order-bridge");
        orderBridgeParameters.forEach(bridge::parameter);
        bridge.add();
        context.start();
        TemplatedRouteBuilder.builder(context, NotificationBridgeRouteTemplate.TEMPLATE_ID).routeId("notification-bridge")
                .add();
        return new Application(broker, brokerUrl, ledger, context, httpPort);
    }

    /** Artemis' own default {@code max-disk-usage}: above it the broker blocks every send (the embedded broker's too). */
    static final int BROKER_MAX_DISK_USAGE_PERCENT = 90;
    /** Margin for what the run itself writes (journal, ledger, logs): a run starting above it would reach the limit. */
    static final int DISK_USAGE_MARGIN_PERCENT = 5;

    /**
     * Refuses to start on a disk close to the broker's limit: there the broker would block the ERP client's sends and
     * the bridge's result sends, and the run would wait for its timeout instead of measuring anything.
     */
    static void requireDiskBelowBrokerLimit(Path dir) throws IOException {
        FileStore store = Files.getFileStore(dir);
        requireBelowBrokerLimit(dir, 100 - 100 * store.getUsableSpace() / Math.max(1, store.getTotalSpace()));
    }

    static void requireBelowBrokerLimit(Path dir, long usedPercent) {
        if (usedPercent >= BROKER_MAX_DISK_USAGE_PERCENT - DISK_USAGE_MARGIN_PERCENT) {
            throw new IllegalStateException("The disk holding " + dir + " is " + usedPercent + " % used: the embedded"
                    + " broker blocks every send at " + BROKER_MAX_DISK_USAGE_PERCENT + " % (Artemis' max-disk-usage)."
                    + " Free some space (earlier runs' run-* folders) or give --out another disk.");
        }
    }

    static SSLContextParameters sslContextParameters(SimulatorProcess simulator) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource(simulator.trustStore.toUri().toString());
        store.setType("PKCS12");
        store.setPassword(simulator.trustStorePassword);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    String erpBrokerUrl() {
        return broker != null ? broker.tcpUrl() : brokerUrl;
    }

    String notificationUrl() {
        return "http://127.0.0.1:" + httpPort + NOTIFY_PATH;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            context.stop();
        } finally {
            try {
                if (broker != null) {
                    broker.stop();
                }
            } finally {
                ledger.close();
            }
        }
    }
}
