package io.camelantom.examples.standalone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import io.camelantom.routes.console.OperationsConsoleRouteTemplate;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.util.StringHelper;

/**
 * Java DSL: makes routes from the prebuilt route templates, one per enabled {@code camel.antom.routes.<template>}
 * block of the properties (the same keys as the Spring Boot starter):
 *
 * <pre>
 * camel.antom.routes.order-bridge.enabled = true
 * camel.antom.routes.order-bridge.route-id = antom-order-bridge        (optional)
 * camel.antom.routes.order-bridge.orders-queue = erp.orders            (template parameter ordersQueue)
 * camel.antom.routes.order-bridge.parameters.someNewParameter = value  (same as camel.antom.routes.order-bridge.some-new-parameter)
 * </pre>
 *
 * Values may use property placeholders ({@code {{camel.server.port}}}). The templates themselves are added by
 * {@link StandaloneDemo} (they must exist before any route is made from them, in every DSL).
 */
public class AntomRoutesFromProperties extends RouteBuilder {

    static final String PREFIX = "camel.antom.routes.";

    /** Property block, template id and default route id (the Spring Boot starter's). */
    private record Template(String block, String templateId, String defaultRouteId) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("notification-bridge", NotificationBridgeRouteTemplate.TEMPLATE_ID, "antom-notifications"),
            new Template("order-bridge", OrderBridgeRouteTemplate.TEMPLATE_ID, "antom-order-bridge"),
            new Template("reconciliation", ReconciliationRouteTemplate.TEMPLATE_ID, "antom-reconciliation"),
            new Template("operations-console", OperationsConsoleRouteTemplate.TEMPLATE_ID, "antom-operations-console"));

    /** Keys of a block that are not template parameters: the route itself, and reconciliation's clustered Quartz. */
    private static final Set<String> NOT_PARAMETERS = Set.of("enabled", "route-id", "routeId",
            ClusteredQuartz.CLUSTERED_KEY, ClusteredQuartz.INSTANCE_ID_KEY, ClusteredQuartz.CHECKIN_INTERVAL_KEY);

    @Override
    public void configure() {
        Properties properties = getContext().getPropertiesComponent().loadProperties(k -> k.startsWith(PREFIX));
        for (Template template : TEMPLATES) {
            String block = template.block();
            if (!Boolean.parseBoolean(properties.getProperty(PREFIX + block + ".enabled", "false").strip())) {
                continue;
            }
            String routeId = properties.getProperty(PREFIX + block + ".route-id", template.defaultRouteId()).strip();
            TemplatedRouteDefinition route = templatedRoute(template.templateId()).routeId(routeId);
            Map<String, String> parameters = parameters(properties, block);
            parameters.forEach(route::parameter);
            if (Boolean.parseBoolean(properties.getProperty(PREFIX + block + "." + ClusteredQuartz.CLUSTERED_KEY, "false")
                    .strip())) {
                clusterReconciliation(properties, block, parameters);
            }
        }
    }

    /**
     * {@code camel.antom.routes.reconciliation.clustered = true}: the reconciliation's Quartz component on the ledger's
     * database, clustered (the same keys as in Spring Boot and Karaf; routes/README.md, "Several nodes").
     */
    private void clusterReconciliation(Properties properties, String block, Map<String, String> parameters) {
        String prefix = PREFIX + block + ".";
        String dataSourceName = parameters.getOrDefault("dataSource", OrderBridgeRouteTemplate.DEFAULT_DATA_SOURCE);
        DataSource dataSource = getContext().getRegistry().lookupByNameAndType(dataSourceName, DataSource.class);
        if (dataSource == null) {
            throw new IllegalArgumentException(prefix + ClusteredQuartz.CLUSTERED_KEY + ": no DataSource bean named '"
                    + dataSourceName + "' for the clustered Quartz tables (" + prefix + "data-source)");
        }
        ClusteredQuartz.addTo(getContext(), parameters.getOrDefault("quartzComponent", "quartz"), dataSource,
                properties.getProperty(prefix + ClusteredQuartz.INSTANCE_ID_KEY, ClusteredQuartz.DEFAULT_INSTANCE_ID).strip(),
                Long.parseLong(properties.getProperty(prefix + ClusteredQuartz.CHECKIN_INTERVAL_KEY, "15000").strip()));
    }

    /** The template parameters of one block: kebab-case keys become camelCase, placeholders are resolved. */
    Map<String, String> parameters(Properties properties, String block) {
        String prefix = PREFIX + block + ".";
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String name = key.substring(prefix.length());
            if (name.startsWith("parameters.")) {
                name = name.substring("parameters.".length());
            }
            if (NOT_PARAMETERS.contains(name) || name.isBlank()) {
                continue;
            }
            String value = properties.getProperty(key).strip();
            if (value.isEmpty()) {
                continue;
            }
            parameters.put(StringHelper.dashToCamelCase(name), getContext().resolvePropertyPlaceholders(value));
        }
        return parameters;
    }
}
