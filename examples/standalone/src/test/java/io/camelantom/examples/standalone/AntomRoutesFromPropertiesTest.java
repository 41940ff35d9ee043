package io.camelantom.examples.standalone;

import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.camelantom.routes.console.OperationsConsoleRouteTemplate;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same keys everywhere (camel-main): {@code camel.antom.routes.<block>.<parameter-in-kebab-case>} reaches the template
 * under the parameter's own name, for every parameter of the three templates, and every key of the demo's
 * application.properties is a parameter of its template.
 */
class AntomRoutesFromPropertiesTest {

    private static Map<String, String> templateParameters(String templateId) throws Exception {
        RoutesBuilder builder = switch (templateId) {
            case NotificationBridgeRouteTemplate.TEMPLATE_ID -> new NotificationBridgeRouteTemplate();
            case OrderBridgeRouteTemplate.TEMPLATE_ID -> new OrderBridgeRouteTemplate();
            case OperationsConsoleRouteTemplate.TEMPLATE_ID -> new OperationsConsoleRouteTemplate();
            default -> new ReconciliationRouteTemplate();
        };
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(builder);
            Map<String, String> parameters = new TreeMap<>();
            for (RouteTemplateParameterDefinition p : ((ModelCamelContext) context)
                    .getRouteTemplateDefinition(templateId).getTemplateParameters()) {
                parameters.put(p.getName(), "value-of-" + p.getName());
            }
            return parameters;
        }
    }

    private static Map<String, String> parameters(Properties properties, String block) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            AntomRoutesFromProperties routes = new AntomRoutesFromProperties();
            routes.setCamelContext(context);
            return new TreeMap<>(routes.parameters(properties, block));
        }
    }

    @ParameterizedTest
    @CsvSource({ "notification-bridge,antom-notification-bridge", "order-bridge,antom-order-bridge",
            "reconciliation,antom-reconciliation", "operations-console,antom-operations-console" })
    void everyTemplateParameterReachesItsTemplateUnderItsName(String block, String templateId) throws Exception {
        Map<String, String> expected = templateParameters(templateId);
        Properties properties = new Properties();
        expected.forEach((name, value) -> properties.setProperty(AntomRoutesFromProperties.PREFIX + block + "."
                + StringHelper.camelCaseToDash(name), value));
        properties.setProperty(AntomRoutesFromProperties.PREFIX + block + ".enabled", "true");

        assertThat(parameters(properties, block)).isEqualTo(expected);
    }

    /** A key in kebab case or as the parameter's own camelCase name. */
    @Test
    void kebabCaseAndCamelCaseKeysBecomeTemplateParameters() throws Exception {
        Properties p = new Properties();
        p.setProperty("camel.antom.routes.order-bridge.orders-queue", "erp.orders");
        p.setProperty("camel.antom.routes.order-bridge.paymentNotifyUrl", "https://shop.example/antom/notifications");

        assertThat(parameters(p, "order-bridge")).containsOnly(Map.entry("ordersQueue", "erp.orders"),
                Map.entry("paymentNotifyUrl", "https://shop.example/antom/notifications"));
    }

    @Test
    void theCommandKeysReachTheOrderBridge() throws Exception {
        Properties p = new Properties();
        p.setProperty("camel.antom.routes.order-bridge.cancels-queue", "erp.cancels");
        p.setProperty("camel.antom.routes.order-bridge.refunds-queue", "erp.refunds");
        p.setProperty("camel.antom.routes.order-bridge.refund-notifications-queue", "antom.refund.notifications");
        p.setProperty("camel.antom.routes.order-bridge.inquiries-queue", "erp.inquiries");
        p.setProperty("camel.antom.routes.order-bridge.refund-results-queue", "erp.refund.results");
        p.setProperty("camel.antom.routes.order-bridge.command-consumers", "3");
        p.setProperty("camel.antom.routes.order-bridge.command-mapper", "erpCommandMapper");

        assertThat(parameters(p, "order-bridge")).containsOnly(Map.entry("cancelsQueue", "erp.cancels"),
                Map.entry("refundsQueue", "erp.refunds"),
                Map.entry("refundNotificationsQueue", "antom.refund.notifications"),
                Map.entry("inquiriesQueue", "erp.inquiries"), Map.entry("refundResultsQueue", "erp.refund.results"),
                Map.entry("commandConsumers", "3"), Map.entry("commandMapper", "erpCommandMapper"));
    }

    /** No typo can hide in the shipped configuration: each key of a template block is one of its parameters. */
    @ParameterizedTest
    @CsvSource({ "notification-bridge,antom-notification-bridge", "order-bridge,antom-order-bridge",
            "reconciliation,antom-reconciliation", "operations-console,antom-operations-console" })
    void theApplicationPropertiesUseOnlyTemplateParameters(String block, String templateId) throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Map<String, String> parameters = parameters(shipped, block);
        assertThat(parameters).isNotEmpty();
        assertThat(templateParameters(templateId)).containsKeys(parameters.keySet().toArray(String[]::new));
    }
}
