package io.camelantom.routes.notification;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;

import jakarta.jms.TextMessage;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.testsupport.Resources;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelantom.routes.notification.BridgeFixture.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Making routes from the template: from YAML and XML DSL, twice in one CamelContext (each route verifies against its
 * own path, publishes to its own queue and keeps its own parameters), and a configuration that would make the
 * acknowledgement unsafe, refused.
 */
class NotificationBridgeDslIT {

    /** A merchant whose component has no Antom public key: the route is not created, and the message says what to set. */
    @Test
    void missingAntomPublicKeyIsReportedAtStartup() throws Exception {
        antom = SimulatorFixture.start(CLIENT_ID);
        broker = new EmbeddedBroker(brokerDir).start();
        assertThatThrownBy(() -> BridgeFixture.start(databaseDir, broker, antom,
                Map.of(NotificationBridgeRouteTemplate.ANTOM_COMPONENT, "unconfigured"),
                c -> {
                    io.camelantom.component.AntomComponent bare = new io.camelantom.component.AntomComponent();
                    bare.getConfiguration().setClientId(CLIENT_ID);
                    c.addComponent("unconfigured", bare);
                }))
                .hasStackTraceContaining("antomPublicKey").hasStackTraceContaining("'unconfigured' component");
    }

    /** A send that returns before the broker stored the message would make the acknowledgement unsafe. */
    @Test
    void connectionFactoryThatDoesNotWaitForTheBrokerIsRefused() throws Exception {
        antom = SimulatorFixture.start(CLIENT_ID);
        broker = new EmbeddedBroker(brokerDir).start();
        ActiveMQConnectionFactory fireAndForget = new ActiveMQConnectionFactory(broker.inVmUrl());
        fireAndForget.setBlockOnDurableSend(false);
        assertThatThrownBy(() -> BridgeFixture.start(databaseDir, broker, antom,
                Map.of(NotificationBridgeRouteTemplate.CONNECTION_FACTORY, "fireAndForget"),
                c -> c.getRegistry().bind("fireAndForget", fireAndForget)))
                .hasStackTraceContaining("blockOnDurableSend=false");
    }

    @TempDir
    Path brokerDir;
    @TempDir
    Path databaseDir;

    EmbeddedBroker broker;
    SimulatorFixture antom;
    BridgeFixture app;

    @AfterEach
    void stop() throws Exception {
        Resources.closeAll(app, broker, antom);
    }

    @Test
    void templateIsInstantiatedFromYamlAndXml() throws Exception {
        KeyPair antomKeys = AntomKeys.generateRsaKeyPair(2048);
        antom = SimulatorFixture.builder(CLIENT_ID).simulator(b -> b.antomKeyPair(antomKeys)).start();
        SignedNotifications signed = new SignedNotifications(antomKeys.getPrivate());
        broker = new EmbeddedBroker(brokerDir).start();
        app = BridgeFixture.start(databaseDir, broker, antom, null, c -> {
        });
        PluginHelper.getRoutesLoader(app.context()).loadRoutes(
                ResourceHelper.resolveMandatoryResource(app.context(), "classpath:io/camelantom/routes/notification/notification-bridge.yaml"),
                ResourceHelper.resolveMandatoryResource(app.context(), "classpath:io/camelantom/routes/notification/notification-bridge.xml"));
        assertThat(app.context().getRoute("yaml-notifications")).isNotNull();
        assertThat(app.context().getRoute("xml-notifications")).isNotNull();

        byte[] body = SignedNotifications.paymentResult("dsl-1", "202611220000007", "S", "SUCCESS", "100");
        assertThat(app.post("/yaml/antom/notify", body, signed.headers(CLIENT_ID, "/yaml/antom/notify", body)).statusCode())
                .isEqualTo(200);
        assertThat(app.post("/xml/antom/notify", body, signed.headers(CLIENT_ID, "/xml/antom/notify", body)).statusCode())
                .isEqualTo(200);
        // the path is part of what Antom signs: a signature for one route does not verify on the other
        assertThat(app.post("/xml/antom/notify", body, signed.headers(CLIENT_ID, "/yaml/antom/notify", body)).statusCode())
                .isEqualTo(401);
        // the YAML route's own limit
        byte[] big = new byte[5000];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(app.post("/yaml/antom/notify", big, signed.headers(CLIENT_ID, "/yaml/antom/notify", big)).statusCode())
                .isEqualTo(413);

        TextMessage yaml = (TextMessage) broker.receive("yaml.antom.payments", 10_000);
        TextMessage xml = (TextMessage) broker.receive("xml.antom.payments", 10_000);
        assertThat(yaml.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo("dsl-1");
        assertThat(xml.getStringProperty(AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo("dsl-1");
        assertThat(broker.count("antom.notifications.payment")).isZero();
    }
}
