package io.camelantom.karaf;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomComponentConfigurer;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
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

    private final HttpService httpService;
    private CamelContext camelContext;
    private EmbeddedLedgerDatabase database;
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
        LOG.info("Antom merchant '{}' started: CamelContext {}, routes {}, notifications at {}", config.merchant(),
                camelContext.getName(), config.templates().keySet(), servletAlias);
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

        ActiveMQConnectionFactory connectionFactory = config.brokerUsername() == null
                ? new ActiveMQConnectionFactory(config.brokerUrl())
                : new ActiveMQConnectionFactory(config.brokerUrl(), config.brokerUsername(), config.brokerPassword());
        if (!config.brokerUrl().contains("consumerWindowSize")) {
            // no order waits in a client buffer, where a restart or a rollback would count a delivery against it
            // (routes/README.md, "Broker settings")
            connectionFactory.setConsumerWindowSize(0);
        }
        context.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));

        database = EmbeddedLedgerDatabase.open(config.ledgerFolder());
        context.getRegistry().bind(LEDGER_DATA_SOURCE, database.dataSource());

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
        context.start();

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

    /** The route template builders this bundle knows, by template id. */
    static RoutesBuilder templateBuilder(String templateId) {
        switch (templateId) {
            case NotificationBridgeRouteTemplate.TEMPLATE_ID:
                return new NotificationBridgeRouteTemplate();
            case OrderBridgeRouteTemplate.TEMPLATE_ID:
                return new OrderBridgeRouteTemplate();
            case ReconciliationRouteTemplate.TEMPLATE_ID:
                return new ReconciliationRouteTemplate();
            default:
                throw new IllegalArgumentException("Unknown route template '" + templateId + "' in "
                                                   + MerchantConfiguration.ROUTES_PREFIX + templateId + ".*; known: "
                                                   + NotificationBridgeRouteTemplate.TEMPLATE_ID + ", "
                                                   + OrderBridgeRouteTemplate.TEMPLATE_ID + ", "
                                                   + ReconciliationRouteTemplate.TEMPLATE_ID);
        }
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
