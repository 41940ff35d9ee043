package io.camelantom.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelantom.routes.console.OperationsConsoleRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.camel.RoutesBuilder;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.antom.routes.*}: which prebuilt route templates of camel-antom-routes become routes, and with which
 * parameters. Per template: {@code enabled}, {@code route-id}, one typed property per template parameter
 * ({@code camel.antom.routes.order-bridge.orders-queue} is the template parameter {@code ordersQueue}), and
 * {@code parameters.<name>} for any parameter that has no typed property (a parameter added to the template later).
 * Unset properties leave the template's default, which runs embedded. Parameters are passed to the template as text.
 * <p>
 * The typed properties are not written here: the build generates them from the templates' parameter definitions
 * ({@code <Name>TemplateParameters} in target/generated-sources/starter, see src/build/java/.../StarterSources.java),
 * so a parameter added to a template gets its property with the template's description. This class holds what is the
 * starter's own: the ledger, enabled, route-id, the parameters map and reconciliation's clustering.
 */
@ConfigurationProperties(prefix = "camel.antom.routes")
public class AntomRoutesProperties {

    /** The payment ledger shared by the routes. */
    private final Ledger ledger = new Ledger();
    /** The antom-notification-bridge route template: Antom's notifications over HTTP, verified, to JMS. */
    private final NotificationBridge notificationBridge = new NotificationBridge();
    /** The antom-order-bridge route template: ERP orders from JMS, paid through antom:pay, results to JMS. */
    private final OrderBridge orderBridge = new OrderBridge();
    /** The antom-reconciliation route template: settles payments left without a final status. */
    private final Reconciliation reconciliation = new Reconciliation();
    /** The antom-operations-console route template: the payment operations console, off unless enabled. */
    private final OperationsConsole operationsConsole = new OperationsConsole();

    public Ledger getLedger() {
        return ledger;
    }

    public NotificationBridge getNotificationBridge() {
        return notificationBridge;
    }

    public OrderBridge getOrderBridge() {
        return orderBridge;
    }

    public Reconciliation getReconciliation() {
        return reconciliation;
    }

    public OperationsConsole getOperationsConsole() {
        return operationsConsole;
    }

    /** The properties of every template, enabled or not. */
    public List<TemplateRoute> templates() {
        return List.of(notificationBridge, orderBridge, reconciliation, operationsConsole);
    }

    /** Whether any template is enabled. */
    public boolean anyEnabled() {
        return templates().stream().anyMatch(TemplateRoute::isEnabled);
    }

    /** The ledger's database, shared by every enabled route. */
    public static class Ledger {

        /**
         * Bean name of the ledger's javax.sql.DataSource (a plain pool, not transaction-bound), passed to every enabled
         * template as its dataSource parameter. When not set, the starter registers an embedded H2 file database as
         * the bean antomLedgerDataSource (H2 must be on the classpath).
         */
        private String dataSource;
        /**
         * Folder of the embedded H2 ledger database (used only when data-source is not set).
         */
        private String embeddedFolder = "data/antom-ledger";
        /**
         * The ledger's table prefix, passed to every enabled template as its tablePrefix parameter. Default: the
         * templates' own (ANTOM_).
         */
        private String tablePrefix;

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getEmbeddedFolder() {
            return embeddedFolder;
        }

        public void setEmbeddedFolder(String embeddedFolder) {
            this.embeddedFolder = embeddedFolder;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    /** What every template's properties have: enabled, route id and untyped parameters. */
    public abstract static class TemplateRoute {

        /**
         * Whether a route is made from this template.
         */
        private boolean enabled;
        /**
         * The id of the route made from the template.
         */
        private String routeId;
        /**
         * Further template parameters by name (camelCase or kebab-case), for parameters without a typed property.
         */
        private Map<String, String> parameters = new LinkedHashMap<>();

        /** The template's id, e.g. antom-order-bridge. */
        public abstract String templateId();

        /** A new RouteBuilder that defines the template (added to the CamelContext before the route is made). */
        public abstract RoutesBuilder routeTemplate();

        /**
         * The template's parameters that have a typed property, in the template's order: generated from the template,
         * so the starter's own properties (enabled, route-id, reconciliation's clustering) are never among them.
         */
        public abstract List<String> typedParameterNames();

        /** The route id used when route-id is not set. */
        public abstract String defaultRouteId();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getRouteId() {
            return routeId;
        }

        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        public Map<String, String> getParameters() {
            return parameters;
        }

        public void setParameters(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        /** The route id to use. */
        public String effectiveRouteId() {
            return routeId == null || routeId.isBlank() ? defaultRouteId() : routeId.strip();
        }

        /**
         * The template parameters that are set: the typed properties (their names are the parameter names), then the
         * {@code parameters} map. A parameter set both ways is refused: which one wins would be a guess.
         */
        public Map<String, String> templateParameters() {
            Map<String, String> result = new LinkedHashMap<>();
            BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(this);
            for (String name : typedParameterNames()) {
                Object value = bean.getPropertyValue(name);
                if (value != null && !value.toString().isBlank()) {
                    result.put(name, value.toString().strip());
                }
            }
            parameters.forEach((key, value) -> {
                String name = camelCase(key);
                if (result.containsKey(name)) {
                    throw new IllegalStateException("camel.antom.routes: the parameter " + name + " of " + templateId()
                                                    + " is set both as a property and under parameters; set it once");
                }
                if (value != null) {
                    result.put(name, value.strip());
                }
            });
            return result;
        }

        static String camelCase(String key) {
            StringBuilder sb = new StringBuilder(key.length());
            boolean upper = false;
            for (char c : key.strip().toCharArray()) {
                if (c == '-' || c == '_') {
                    upper = sb.length() > 0;
                } else {
                    sb.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return sb.toString();
        }
    }

    /**
     * The antom-notification-bridge template (routes/README.md, "Notification bridge"); its typed parameters are
     * generated from the template (NotificationBridgeTemplateParameters).
     */
    public static class NotificationBridge extends NotificationBridgeTemplateParameters {

        @Override
        public String defaultRouteId() {
            return "antom-notifications";
        }
    }

    /**
     * The antom-order-bridge template (routes/README.md, "Order bridge"); its typed parameters are generated from the
     * template (OrderBridgeTemplateParameters).
     */
    public static class OrderBridge extends OrderBridgeTemplateParameters {

        @Override
        public String defaultRouteId() {
            return OrderBridgeRouteTemplate.TEMPLATE_ID;
        }
    }

    /**
     * The antom-reconciliation template (routes/README.md, "Reconciliation"); its typed parameters are generated from
     * the template (ReconciliationTemplateParameters), the clustering switches are the starter's own.
     */
    public static class Reconciliation extends ReconciliationTemplateParameters {

        /**
         * Whether reconciliation runs on Quartz's clustered JDBC JobStore on the ledger's DataSource (Quartz's tables
         * are created when missing): with several nodes, each fire time runs on one node and another node takes over
         * when one dies. Every node needs the same CamelContext name (camel.springboot.name), the cluster's name.
         */
        private boolean clustered;

        /**
         * The node's Quartz instance id when clustered: distinct per node, or AUTO (host name and time).
         */
        private String clusterInstanceId = ClusteredQuartz.DEFAULT_INSTANCE_ID;

        /**
         * Milliseconds between a clustered node's check-ins; a node silent for longer is taken over.
         */
        private long clusterCheckinInterval = ClusteredQuartz.DEFAULT_CHECKIN_INTERVAL;

        public boolean isClustered() {
            return clustered;
        }

        public void setClustered(boolean clustered) {
            this.clustered = clustered;
        }

        public String getClusterInstanceId() {
            return clusterInstanceId;
        }

        public void setClusterInstanceId(String clusterInstanceId) {
            this.clusterInstanceId = clusterInstanceId;
        }

        public long getClusterCheckinInterval() {
            return clusterCheckinInterval;
        }

        public void setClusterCheckinInterval(long clusterCheckinInterval) {
            this.clusterCheckinInterval = clusterCheckinInterval;
        }

        @Override
        public String defaultRouteId() {
            return ReconciliationRouteTemplate.TEMPLATE_ID;
        }
    }

    /**
     * The antom-operations-console route template: the payment operations console (a page and a JSON API) on the
     * application's HTTP server. Off unless enabled; needs password or token. Its typed parameters are generated from
     * the template (OperationsConsoleTemplateParameters).
     */
    public static class OperationsConsole extends OperationsConsoleTemplateParameters {

        @Override
        public String defaultRouteId() {
            return OperationsConsoleRouteTemplate.TEMPLATE_ID;
        }
    }
}
