package io.camelantom.routes.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import io.camelantom.component.AntomComponent;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

/** The parts every application of the routes tests is built from, so that each test sets up only what is its own. */
public final class TestApplications {

    private TestApplications() {
    }

    /**
     * A new CamelContext as the templates expect it by default: the ledger's data source under their default bean
     * name, the {@code jms} component on the broker; it gives its routes 10 s to stop.
     */
    public static CamelContext context(DataSource ledger, ConnectionFactory broker) {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(OrderBridgeRouteTemplate.DEFAULT_DATA_SOURCE, ledger);
        context.addComponent("jms", JmsComponent.jmsComponent(broker));
        context.getShutdownStrategy().setTimeout(10);
        return context;
    }

    /** Adds the {@code antom} component, configured from the simulator fixture; returned for further settings. */
    public static AntomComponent addAntom(CamelContext context, SimulatorFixture antom) {
        AntomComponent component = new AntomComponent();
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(), antom.componentOptions());
        context.addComponent("antom", component);
        return component;
    }

    /** Makes route {@code routeId} from the template {@code templateId} (already added) with these parameters. */
    public static void addRoute(CamelContext context, String templateId, String routeId, Map<String, ?> parameters)
            throws Exception {
        TemplatedRouteBuilder.builder(context, templateId).routeId(routeId).parameters(new HashMap<String, Object>(parameters)).add();
    }

    /**
     * Adds a Vert.x platform-http server on 127.0.0.1 at {@code port}. platform-http-vertx registers its router under
     * the configured port and its consumers look it up under the port actually bound, so port 0 cannot be used: take
     * one from {@link #freePort()}.
     */
    public static void addHttpServer(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        http.setPort(port);
        context.addService(new VertxPlatformHttpServer(http));
    }

    /** As {@link #addHttpServer(CamelContext, int)} at a free port, which is returned. */
    public static int addHttpServer(CamelContext context) throws Exception {
        int port = freePort();
        addHttpServer(context, port);
        return port;
    }

    /** A port the operating system has just had free (for servers that cannot bind port 0 themselves). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
