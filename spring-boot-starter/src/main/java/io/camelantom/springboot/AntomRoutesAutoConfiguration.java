package io.camelantom.springboot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Makes routes from camel-antom-routes' templates as {@code camel.antom.routes.*} says (see
 * {@link AntomRoutesProperties}), and, unless {@code camel.antom.routes.ledger.data-source} names the ledger's
 * database, registers an embedded H2 file database as the bean {@value #LEDGER_DATA_SOURCE}.
 * <p>
 * Runs after Spring Boot's DataSource auto-configuration, so an application's own {@code spring.datasource.*} is never
 * displaced by the ledger's; the embedded ledger DataSource is not an autowiring candidate, so it does not become the
 * application's DataSource either. Camel finds it by name.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class,
                   afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties(AntomRoutesProperties.class)
public class AntomRoutesAutoConfiguration {

    /** The bean name the templates look the ledger's DataSource up by, by default. */
    public static final String LEDGER_DATA_SOURCE = "antomLedgerDataSource";

    @Bean
    @Conditional(AnyRouteEnabled.class)
    public RouteBuilder antomPrebuiltRoutes(AntomRoutesProperties properties) {
        return new AntomPrebuiltRoutes(properties);
    }

    /** The embedded H2 ledger database, when routes are enabled and no ledger DataSource is named. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.h2.Driver")
    @ConditionalOnMissingBean(name = LEDGER_DATA_SOURCE)
    @Conditional(EmbeddedLedgerWanted.class)
    static class EmbeddedLedgerConfiguration {

        @Bean
        EmbeddedLedgerDatabase antomEmbeddedLedgerDatabase(AntomRoutesProperties properties) {
            return EmbeddedLedgerDatabase.open(Path.of(properties.getLedger().getEmbeddedFolder()));
        }

        // closed with the database above, after Camel has stopped (Camel stops before beans are destroyed)
        @Bean(name = LEDGER_DATA_SOURCE, autowireCandidate = false, destroyMethod = "")
        DataSource antomLedgerDataSource(EmbeddedLedgerDatabase antomEmbeddedLedgerDatabase) {
            return antomEmbeddedLedgerDatabase.dataSource();
        }
    }

    /** One route per enabled template; the template itself is added first. */
    static final class AntomPrebuiltRoutes extends RouteBuilder {

        private final AntomRoutesProperties properties;

        AntomPrebuiltRoutes(AntomRoutesProperties properties) {
            this.properties = properties;
        }

        @Override
        public void configure() throws Exception {
            if (properties.getReconciliation().isEnabled() && properties.getReconciliation().isClustered()) {
                clusteredQuartz(getContext(), properties);
            }
            for (AntomRoutesProperties.TemplateRoute template : enabled(properties)) {
                getContext().addRoutes(template.routeTemplate());
                TemplatedRouteDefinition route = templatedRoute(template.templateId()).routeId(template.effectiveRouteId());
                parameters(properties, template).forEach(route::parameter);
            }
        }
    }

    /**
     * {@code camel.antom.routes.reconciliation.clustered=true}: reconciliation's quartz component on Quartz's clustered
     * JDBC JobStore on the DataSource reconciliation uses (its {@code data-source}, else the ledger's).
     */
    private static void clusteredQuartz(CamelContext context, AntomRoutesProperties properties) {
        AntomRoutesProperties.Reconciliation reconciliation = properties.getReconciliation();
        Map<String, String> parameters = parameters(properties, reconciliation);
        String dataSourceName = parameters.getOrDefault(ReconciliationRouteTemplate.DATA_SOURCE, LEDGER_DATA_SOURCE);
        DataSource dataSource = context.getRegistry().lookupByNameAndType(dataSourceName, DataSource.class);
        if (dataSource == null) {
            throw new IllegalStateException("camel.antom.routes.reconciliation.clustered: no DataSource bean named '"
                                            + dataSourceName + "' (camel.antom.routes.ledger.data-source)");
        }
        ClusteredQuartz.addTo(context, parameters.getOrDefault(ReconciliationRouteTemplate.QUARTZ_COMPONENT, "quartz"),
                dataSource, reconciliation.getClusterInstanceId(), reconciliation.getClusterCheckinInterval());
    }

    static List<AntomRoutesProperties.TemplateRoute> enabled(AntomRoutesProperties properties) {
        return properties.templates().stream().filter(AntomRoutesProperties.TemplateRoute::isEnabled).toList();
    }

    /** The properties of one template, by template id. */
    static AntomRoutesProperties.TemplateRoute enabledOrNot(AntomRoutesProperties properties, String templateId) {
        return properties.templates().stream().filter(t -> t.templateId().equals(templateId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown template " + templateId));
    }

    /** The parameters passed to one template: the ledger's shared settings, then the template's own. */
    static Map<String, String> parameters(AntomRoutesProperties properties, AntomRoutesProperties.TemplateRoute template) {
        Map<String, String> result = new LinkedHashMap<>();
        AntomRoutesProperties.Ledger ledger = properties.getLedger();
        if (notBlank(ledger.getDataSource())) {
            result.put("dataSource", ledger.getDataSource().strip());
        }
        if (notBlank(ledger.getTablePrefix())) {
            result.put("tablePrefix", ledger.getTablePrefix().strip());
        }
        result.putAll(template.templateParameters());
        return result;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static AntomRoutesProperties bind(ConditionContext context) {
        return Binder.get(context.getEnvironment()).bind("camel.antom.routes", AntomRoutesProperties.class)
                .orElseGet(AntomRoutesProperties::new);
    }

    /** At least one template enabled. */
    static final class AnyRouteEnabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return bind(context).anyEnabled()
                    ? ConditionOutcome.match("a camel.antom.routes template is enabled")
                    : ConditionOutcome.noMatch("no camel.antom.routes template is enabled");
        }
    }

    /** At least one template enabled and no ledger DataSource named. */
    static final class EmbeddedLedgerWanted extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            AntomRoutesProperties properties = bind(context);
            if (!properties.anyEnabled()) {
                return ConditionOutcome.noMatch("no camel.antom.routes template is enabled");
            }
            return notBlank(properties.getLedger().getDataSource())
                    ? ConditionOutcome.noMatch("camel.antom.routes.ledger.data-source names the ledger's DataSource")
                    : ConditionOutcome.match("no camel.antom.routes.ledger.data-source: embedded H2 ledger");
        }
    }
}
