package io.camelantom.karaf;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomComponentConfigurer;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One merchant on Karaf: for each configuration of the factory PID {@value MerchantConfiguration#FACTORY_PID}
 * (a file {@code etc/io.camelantom.merchant-<name>.cfg}) Declarative Services activates one instance, which starts an
 * OSGi CamelContext {@code antom-<merchant>} with the {@code antom} and {@code jms} components, the embedded ledger
 * database and the configured route templates, and registers the notification servlet with Karaf's HTTP service.
 * <p>
 * There is no modified method on purpose: when the file changes, DS deactivates this instance (routes stop, servlet
 * unregistered, database closed) and activates a new one with the new settings, so a change never leaves a context
 * half-reconfigured and Karaf keeps running.
 */
@Component(name = MerchantConfiguration.FACTORY_PID, configurationPid = MerchantConfiguration.FACTORY_PID,
           configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = {})
public class AntomMerchantComponent {

    /** The notification bridge's HTTP consumer: the servlet sends to it. */
    static final String NOTIFICATION_ENDPOINT = "direct:antom-notifications";
    static final String LEDGER_DATA_SOURCE = NotificationBridgeRouteTemplate.DEFAULT_DATA_SOURCE;

    private static final Logger LOG = LoggerFactory.getLogger(AntomMerchantComponent.class);
    /** The route templates a merchant's configuration may enable (the operations console is not offered on Karaf). */
    private static final Map<String, Supplier<RoutesBuilder>> TEMPLATES = Map.of(
            NotificationBridgeRouteTemplate.TEMPLATE_ID, NotificationBridgeRouteTemplate::new,
            OrderBridgeRouteTemplate.TEMPLATE_ID, OrderBridgeRouteTemplate::new,
            ReconciliationRouteTemplate.TEMPLATE_ID, ReconciliationRouteTemplate::new);

    private final HttpService httpService;
    private CamelContext camelContext;
    private EmbeddedLedgerDatabase database;
    private ServiceTracker<DataSource, DataSource> dataSourceTracker;
    private ActiveMQConnectionFactory brokerFactory;
    private JmsPoolConnectionFactory jmsPool;
    private ProducerTemplate producer;
    private String servletAlias;

    @Activate
    public AntomMerchantComponent(@Reference HttpService httpService, BundleContext bundleContext,
                                  Map<String, Object> properties) throws Exception {
        this.httpService = httpService;
        MerchantConfiguration config = MerchantConfiguration.from(properties, karafData(bundleContext));
        try {
            start(bundleContext, config);
        } catch (Exception | LinkageError e) {
            LOG.error("Antom merchant '{}' not started: {}", config.merchant(), e.toString());
            deactivate();
            throw e;
        }
        LOG.info("Antom merchant '{}' started: CamelContext {}, routes {}, notifications at {}, ledger {}, JMS {}, "
                 + "reconciliation Quartz {}", config.merchant(), camelContext.getName(), config.templates().keySet(),
                servletAlias, config.ledgerDataSource() == null ? "embedded H2" : config.ledgerDataSource().name(),
                jmsPool == null ? "Artemis factory" : "pooled-jms around Artemis",
                config.reconciliationCluster() == null ? "in memory" : "clustered");
    }

    private void start(BundleContext bundleContext, MerchantConfiguration config) throws Exception {
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        camelContext = context;
        context.getCamelContextExtension().setName("antom-" + config.merchant());

        AntomComponent antom = new AntomComponent();
        PropertyBindingSupport.build().withCamelContext(context).withTarget(antom)
                .withConfigurer(new AntomComponentConfigurer()).withIgnoreCase(true).withMandatory(true)
                .withProperties(new LinkedHashMap<>(config.componentOptions())).bind();
        context.addComponent("antom", antom);

        ActiveMQConnectionFactory artemis = config.brokerUsername() == null
                ? new ActiveMQConnectionFactory(config.brokerUrl())
                : new ActiveMQConnectionFactory(config.brokerUrl(), config.brokerUsername(), config.brokerPassword());
        if (!config.brokerUrl().contains("consumerWindowSize")) {
            // no order waits in a client buffer, where a restart or a rollback would count a delivery against it
            // (routes/README.md, "Broker settings")
            artemis.setConsumerWindowSize(0);
        }
        // blockOnDurableSend stays Artemis' default (true): a persistent send returns once the broker has it
        brokerFactory = artemis;
        ConnectionFactory connectionFactory = artemis;
        if (config.jmsPool().enabled()) {
            // senders (results, dead letters, notifications) reuse connections and sessions; each consumer keeps its own
            jmsPool = new JmsPoolConnectionFactory();
            jmsPool.setConnectionFactory(artemis);
            jmsPool.setMaxConnections(config.jmsPool().maxConnections());
            jmsPool.setMaxSessionsPerConnection(config.jmsPool().maxSessionsPerConnection());
            connectionFactory = jmsPool;
        }
        context.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));

        DataSource ledger;
        if (config.ledgerDataSource() != null) {
            ledger = awaitDataSource(bundleContext, config.ledgerDataSource());
        } else {
            database = EmbeddedLedgerDatabase.open(config.ledgerFolder());
            ledger = database.dataSource();
        }
        context.getRegistry().bind(LEDGER_DATA_SOURCE, ledger);
        Map<String, String> reconciliation = config.templates().get(ReconciliationRouteTemplate.TEMPLATE_ID);
        if (config.reconciliationCluster() != null && reconciliation != null) {
            ClusteredQuartz.addTo(context,
                    reconciliation.getOrDefault(ReconciliationRouteTemplate.QUARTZ_COMPONENT, "quartz"), ledger,
                    config.reconciliationCluster().instanceId(), config.reconciliationCluster().checkinInterval());
        }

        for (Map.Entry<String, Map<String, String>> template : config.templates().entrySet()) {
            context.addRoutes(templateBuilder(template.getKey()));
            Map<String, Object> parameters = new LinkedHashMap<>(template.getValue());
            if (NotificationBridgeRouteTemplate.TEMPLATE_ID.equals(template.getKey())) {
                parameters.put(NotificationBridgeRouteTemplate.HTTP_URI, NOTIFICATION_ENDPOINT);
                parameters.putIfAbsent(NotificationBridgeRouteTemplate.NOTIFICATION_PATH, config.servletPath());
                parameters.putIfAbsent(NotificationBridgeRouteTemplate.MAX_BODY_SIZE,
                        String.valueOf(config.maxNotificationSize()));
            }
            TemplatedRouteBuilder.builder(context, template.getKey()).routeId(template.getKey())
                    .parameters(parameters).add();
        }
        // Quartz loads its JobStore class (ClusteredQuartz's LedgerJobStore) by name through the thread's class loader:
        // this bundle's, which sees io.camelantom.routes.reconciliation
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AntomMerchantComponent.class.getClassLoader());
        try {
            context.start();
        } finally {
            thread.setContextClassLoader(previous);
        }

        if (config.templates().containsKey(NotificationBridgeRouteTemplate.TEMPLATE_ID)) {
            producer = context.createProducerTemplate();
            // Pax Web names a servlet after its class unless told otherwise; names must be unique per context
            Hashtable<String, String> init = new Hashtable<>();
            init.put("servlet-name", "antom-notifications-" + config.merchant());
            httpService.registerServlet(config.servletPath(),
                    new NotificationServlet(producer, NOTIFICATION_ENDPOINT, config.maxNotificationSize()), init, null);
            servletAlias = config.servletPath();
        }
    }

    /**
     * The pax-jdbc DataSource service whose {@code dataSourceName} is the configured name (pax-jdbc-config registers one
     * per {@code etc/org.ops4j.datasource-<name>.cfg}), waited for: it may come up after this configuration.
     */
    private DataSource awaitDataSource(BundleContext bundleContext, MerchantConfiguration.LedgerDataSource wanted)
            throws Exception {
        String filter = "(&(" + Constants.OBJECTCLASS + "=" + DataSource.class.getName() + ")(dataSourceName="
                        + wanted.name() + "))";
        dataSourceTracker = new ServiceTracker<>(bundleContext, bundleContext.createFilter(filter), null);
        dataSourceTracker.open();
        DataSource dataSource = dataSourceTracker.waitForService(wanted.waitSeconds() * 1000L);
        if (dataSource == null) {
            throw new IllegalStateException("'" + MerchantConfiguration.LEDGER_DATA_SOURCE + "': no DataSource service "
                    + "named '" + wanted.name() + "' within " + wanted.waitSeconds() + " s (pax-jdbc: "
                    + "etc/org.ops4j.datasource-<name>.cfg with dataSourceName=" + wanted.name()
                    + ", feature camel-antom-postgresql)");
        }
        LOG.info("Antom ledger on DataSource '{}'", wanted.name());
        return dataSource;
    }

    /** The route template builders this bundle knows, by template id. */
    static RoutesBuilder templateBuilder(String templateId) {
        Supplier<RoutesBuilder> builder = TEMPLATES.get(templateId);
        if (builder == null) {
            throw new IllegalArgumentException("Unknown route template '" + templateId + "' in "
                                               + MerchantConfiguration.ROUTES_PREFIX + templateId + ".*; known: "
                                               + String.join(", ", new TreeSet<>(TEMPLATES.keySet())));
        }
        return builder.get();
    }

    @Deactivate
    public void deactivate() {
        if (servletAlias != null) {
            try {
                httpService.unregister(servletAlias);
            } catch (IllegalArgumentException e) {
                // already gone with the HTTP service
            }
            servletAlias = null;
        }
        if (producer != null) {
            try {
                producer.close();
            } catch (Exception e) {
                LOG.debug("Closing the producer template", e);
            }
            producer = null;
        }
        if (camelContext != null) {
            camelContext.stop();
            camelContext = null;
        }
        if (jmsPool != null) {
            jmsPool.stop();
            jmsPool = null;
        }
        if (brokerFactory != null) {
            brokerFactory.close();
            brokerFactory = null;
        }
        if (dataSourceTracker != null) {
            dataSourceTracker.close();
            dataSourceTracker = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    private static Path karafData(BundleContext bundleContext) {
        String data = bundleContext.getProperty("karaf.data");
        return Path.of(data != null ? data : "data");
    }
}
