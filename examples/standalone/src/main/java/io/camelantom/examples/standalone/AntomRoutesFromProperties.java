package io.camelantom.examples.standalone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;

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

    /** Property block → template id and default route id. */
    static final Map<String, String[]> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("notification-bridge", new String[] { NotificationBridgeRouteTemplate.TEMPLATE_ID, "antom-notifications" });
        TEMPLATES.put("order-bridge", new String[] { OrderBridgeRouteTemplate.TEMPLATE_ID, "antom-order-bridge" });
        TEMPLATES.put("reconciliation", new String[] { ReconciliationRouteTemplate.TEMPLATE_ID, "antom-reconciliation" });
    }

    private static final Set<String> NOT_PARAMETERS = Set.of("enabled", "route-id", "routeId");

    @Override
    public void configure() {
        Properties properties = getContext().getPropertiesComponent().loadProperties(k -> k.startsWith(PREFIX));
        TEMPLATES.forEach((block, ids) -> {
            Map<String, String> parameters = parameters(properties, block);
            if (!Boolean.parseBoolean(properties.getProperty(PREFIX + block + ".enabled", "false").strip())) {
                return;
            }
            String routeId = properties.getProperty(PREFIX + block + ".route-id", ids[1]).strip();
            TemplatedRouteDefinition route = templatedRoute(ids[0]).routeId(routeId);
            parameters.forEach(route::parameter);
        });
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
            parameters.put(camelCase(name), getContext().resolvePropertyPlaceholders(value));
        }
        return parameters;
    }

    static String camelCase(String key) {
        StringBuilder b = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
