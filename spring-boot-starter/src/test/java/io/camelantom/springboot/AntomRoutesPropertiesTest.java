package io.camelantom.springboot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** camel.antom.routes.*: typed properties match the templates' parameters; what is passed; which beans appear. */
class AntomRoutesPropertiesTest {

    @TempDir
    Path folder;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, AntomComponentAutoConfiguration.class,
                    AntomRoutesAutoConfiguration.class));

    /**
     * Every template parameter has its typed property, documented with the template's description in the IDE metadata
     * (the build generates them from the templates: a failure here means the generator, StarterSources, is wrong).
     */
    @ParameterizedTest
    @ValueSource(strings = { "antom-notification-bridge", "antom-order-bridge", "antom-reconciliation",
        "antom-operations-console" })
    void typedPropertiesAreExactlyTheTemplatesParameters(String templateId) throws Exception {
        AntomRoutesProperties properties = new AntomRoutesProperties();
        AntomRoutesProperties.TemplateRoute route = AntomRoutesAutoConfiguration.enabledOrNot(properties, templateId);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route.routeTemplate());
            RouteTemplateDefinition template = ((ModelCamelContext) context).getRouteTemplateDefinition(templateId);
            assertThat(template).as(templateId).isNotNull();
            List<String> parameters = new ArrayList<>();
            Map<String, JsonNode> metadata = springMetadata();
            String prefix = "camel.antom.routes." + AntomComponentConfigurationTest.kebab(route.getClass().getSimpleName());
            for (RouteTemplateParameterDefinition p : template.getTemplateParameters()) {
                parameters.add(p.getName());
                String key = prefix + "." + AntomComponentConfigurationTest.kebab(p.getName());
                JsonNode property = metadata.get(key);
                assertThat(property).as(key).isNotNull();
                assertThat(property.get("description").asText()).startsWith(p.getDescription());
                if (p.getDefaultValue() != null) {
                    assertThat(property.get("description").asText()).contains(p.getDefaultValue());
                }
            }
            // the names the parameters are passed under: every parameter, in the template's order
            assertThat(route.typedParameterNames()).isEqualTo(parameters);
        }
    }

    private static Map<String, JsonNode> springMetadata() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode property : AntomComponentConfigurationTest.read(new ObjectMapper(),
                "META-INF/spring-configuration-metadata.json").get("properties")) {
            properties.put(property.get("name").asText(), property);
        }
        return properties;
    }

    @Test
    void typedPropertiesTheMapAndTheLedgerMakeTheParameters() {
        runner.withPropertyValues(
                "camel.antom.routes.ledger.data-source=erpDataSource",
                "camel.antom.routes.ledger.table-prefix=SHOP_",
                "camel.antom.routes.order-bridge.orders-queue=erp.orders",
                "camel.antom.routes.order-bridge.concurrentConsumers=2",
                "camel.antom.routes.order-bridge.parameters.some-new-parameter=x",
                "camel.antom.routes.order-bridge.table-prefix=OTHER_")
                .run(context -> {
                    AntomRoutesProperties properties = context.getBean(AntomRoutesProperties.class);
                    Map<String, String> parameters = AntomRoutesAutoConfiguration.parameters(properties,
                            properties.getOrderBridge());
                    assertThat(parameters).containsExactlyInAnyOrderEntriesOf(Map.of(
                            "dataSource", "erpDataSource",
                            "tablePrefix", "OTHER_",
                            "ordersQueue", "erp.orders",
                            "concurrentConsumers", "2",
                            "someNewParameter", "x"));
                    assertThat(properties.getOrderBridge().effectiveRouteId()).isEqualTo("antom-order-bridge");
                    assertThat(properties.getNotificationBridge().effectiveRouteId()).isEqualTo("antom-notifications");
                });
    }

    @Test
    void aParameterSetTwiceIsRefused() {
        AntomRoutesProperties.OrderBridge bridge = new AntomRoutesProperties.OrderBridge();
        bridge.setOrdersQueue("a");
        bridge.getParameters().put("orders-queue", "b");
        assertThatThrownBy(bridge::templateParameters).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ordersQueue");
    }

    @Test
    void nothingEnabledNothingRegistered() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("antomPrebuiltRoutes");
            assertThat(context).doesNotHaveBean(AntomRoutesAutoConfiguration.LEDGER_DATA_SOURCE);
        });
    }

    @Test
    void enabledRoutesGetAnEmbeddedLedgerThatIsNotTheApplicationsDataSource() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("camel.antom.routes.reconciliation.enabled=true",
                        "camel.antom.routes.ledger.embedded-folder=" + folder.resolve("ledger"),
                        "camel.springboot.auto-startup=false",
                        // the application's own database
                        "spring.datasource.url=jdbc:h2:mem:application",
                        "spring.datasource.type=org.springframework.jdbc.datasource.SimpleDriverDataSource")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasBean("antomPrebuiltRoutes");
                    assertThat(context.getBean(AntomRoutesAutoConfiguration.LEDGER_DATA_SOURCE)).isInstanceOf(DataSource.class);
                    // the application's own DataSource is still made: the ledger's does not displace it
                    assertThat(context).hasBean("dataSource");
                    assertThat(context.getBean("dataSource")).isNotSameAs(
                            context.getBean(AntomRoutesAutoConfiguration.LEDGER_DATA_SOURCE));
                    assertThat(folder.resolve("ledger")).isDirectory();
                });
    }

    @Test
    void aNamedLedgerDataSourceMeansNoEmbeddedOne() {
        runner.withPropertyValues("camel.antom.routes.reconciliation.enabled=true",
                        "camel.antom.routes.ledger.data-source=erpDataSource",
                        "camel.antom.routes.ledger.embedded-folder=" + folder.resolve("ledger"),
                        "camel.springboot.auto-startup=false")
                .withBean("erpDataSource", DataSource.class,
                        () -> io.camelantom.routes.ledger.EmbeddedLedgerDatabase.open(folder.resolve("erp")).dataSource())
                .run(context -> {
                    assertThat(context).doesNotHaveBean(AntomRoutesAutoConfiguration.LEDGER_DATA_SOURCE);
                    assertThat(folder.resolve("ledger")).doesNotExist();
                });
    }

    @Test
    void clusteredReconciliationRunsOnQuartzsJdbcJobStoreOnTheLedgersDatabase() {
        runner.withPropertyValues("camel.antom.routes.reconciliation.enabled=true",
                        "camel.antom.routes.reconciliation.clustered=true",
                        "camel.antom.routes.reconciliation.cluster-instance-id=node-a",
                        "camel.antom.routes.reconciliation.cluster-checkin-interval=5000",
                        "camel.antom.routes.ledger.embedded-folder=" + folder.resolve("ledger"),
                        "camel.main.name=antom-cluster-test",
                        "camel.springboot.auto-startup=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // the switches are the starter's own, not template parameters
                    AntomRoutesProperties properties = context.getBean(AntomRoutesProperties.class);
                    assertThat(AntomRoutesAutoConfiguration.parameters(properties, properties.getReconciliation()))
                            .doesNotContainKeys("clustered", "clusterInstanceId", "clusterCheckinInterval");
                    CamelContext camel = context.getBean(CamelContext.class);
                    assertThat(camel.getComponent("quartz")).isInstanceOf(QuartzComponent.class);
                    Map<String, Object> quartz = ((QuartzComponent) camel.getComponent("quartz")).getProperties();
                    assertThat(quartz).containsEntry("org.quartz.jobStore.isClustered", "true")
                            .containsEntry("org.quartz.jobStore.clusterName", "antom-cluster-test")
                            .containsEntry("org.quartz.scheduler.instanceId", "node-a")
                            .containsEntry("org.quartz.jobStore.clusterCheckinInterval", "5000");
                    // Quartz's own tables were created in the ledger's database
                    DataSource ledger = context.getBean(AntomRoutesAutoConfiguration.LEDGER_DATA_SOURCE, DataSource.class);
                    try (Connection c = ledger.getConnection();
                         ResultSet rs = c.getMetaData().getTables(null, null, "QRTZ_LOCKS", null)) {
                        assertThat(rs.next()).as("QRTZ_LOCKS in the ledger's database").isTrue();
                    }
                });
    }

    @Test
    void clusteredReconciliationWithoutItsDataSourceFailsNamingTheKey() {
        runner.withPropertyValues("camel.antom.routes.reconciliation.enabled=true",
                        "camel.antom.routes.reconciliation.clustered=true",
                        "camel.antom.routes.ledger.data-source=noSuchDataSource",
                        "camel.springboot.auto-startup=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("camel.antom.routes.reconciliation.clustered")
                            .hasMessageContaining("'noSuchDataSource'")
                            .hasMessageContaining("camel.antom.routes.ledger.data-source");
                });
    }
}
