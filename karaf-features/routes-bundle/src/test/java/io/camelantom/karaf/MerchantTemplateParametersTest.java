package io.camelantom.karaf;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.camelantom.karaf.MerchantSettings.read;
import static io.camelantom.karaf.MerchantSettings.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Same keys everywhere: every parameter of the three route templates, written as camel-main and Spring Boot write it
 * ({@code camel.antom.routes.<block>.<parameter-in-kebab-case>}), reaches the template under its own name through a
 * merchant's configuration file; a template gaining a parameter is covered without Karaf code.
 */
class MerchantTemplateParametersTest {

    /** The template's parameter names, from the template definition itself. */
    private static Map<String, String> templateParameters(String templateId) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(AntomMerchantComponent.templateBuilder(templateId));
            RouteTemplateDefinition template = ((ModelCamelContext) context).getRouteTemplateDefinition(templateId);
            Map<String, String> parameters = new TreeMap<>();
            for (RouteTemplateParameterDefinition p : template.getTemplateParameters()) {
                parameters.put(p.getName(), "value-of-" + p.getName());
            }
            return parameters;
        }
    }

    @ParameterizedTest
    @CsvSource({ "notification-bridge,antom-notification-bridge", "order-bridge,antom-order-bridge",
            "reconciliation,antom-reconciliation" })
    void everyTemplateParameterReachesItsTemplateUnderItsName(String block, String templateId) throws Exception {
        Map<String, String> expected = templateParameters(templateId);
        assertThat(expected).isNotEmpty();
        Map<String, Object> p = settings();
        expected.forEach((name, value) -> p.put(MerchantConfiguration.ROUTES_PREFIX + block + "."
                                                + StringHelper.camelCaseToDash(name), value));

        MerchantConfiguration c = MerchantConfiguration.from(p, MerchantSettings.DATA);

        assertThat(new TreeMap<>(c.templates().get(templateId))).isEqualTo(expected);
    }

    /** A template this bundle does not offer is refused naming its key and the templates it does offer. */
    @Test
    void unknownTemplateIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> AntomMerchantComponent.templateBuilder("antom-operations-console"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown route template 'antom-operations-console' in "
                            + "camel.antom.routes.antom-operations-console.*; known: antom-notification-bridge, "
                            + "antom-order-bridge, antom-reconciliation");
    }

    /** Issue 18's command parameters, as an operator writes them in io.camelantom.merchant-*.cfg. */
    @Test
    void passesTheCommandParameters() throws Exception {
        MerchantConfiguration c = read("camel.antom.routes.order-bridge.cancels-queue", "erp.cancels",
                "camel.antom.routes.order-bridge.refunds-queue", "erp.refunds",
                "camel.antom.routes.order-bridge.refund-notifications-queue", "antom.refund.notifications",
                "camel.antom.routes.order-bridge.inquiries-queue", "erp.inquiries",
                "camel.antom.routes.order-bridge.refund-results-queue", "erp.refund.results",
                "camel.antom.routes.order-bridge.command-consumers", "3",
                "camel.antom.routes.order-bridge.command-mapper", "erpCommandMapper",
                "camel.antom.routes.reconciliation.refund-results-queue", "erp.refund.results",
                "camel.antom.routes.notification-bridge.refund-result-destination", "jms:queue:antom.refund.notifications");

        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("cancelsQueue", "erp.cancels"),
                Map.entry("refundsQueue", "erp.refunds"),
                Map.entry("refundNotificationsQueue", "antom.refund.notifications"),
                Map.entry("inquiriesQueue", "erp.inquiries"), Map.entry("refundResultsQueue", "erp.refund.results"),
                Map.entry("commandConsumers", "3"), Map.entry("commandMapper", "erpCommandMapper"));
        assertThat(c.templates().get("antom-reconciliation")).containsOnly(
                Map.entry("refundResultsQueue", "erp.refund.results"));
        assertThat(c.templates().get("antom-notification-bridge")).containsOnly(
                Map.entry("refundResultDestination", "jms:queue:antom.refund.notifications"));
        // each is a parameter of its template
        assertThat(templateParameters("antom-order-bridge")).containsKeys(
                c.templates().get("antom-order-bridge").keySet().toArray(String[]::new));
        assertThat(templateParameters("antom-reconciliation")).containsKey("refundResultsQueue");
        assertThat(templateParameters("antom-notification-bridge")).containsKey("refundResultDestination");
    }
}
