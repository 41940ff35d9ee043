package io.camelantom.karaf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.apache.camel.util.StringHelper;

/**
 * One merchant's settings, read from a configuration of the factory PID {@value #FACTORY_PID} (a file
 * {@code etc/io.camelantom.merchant-<name>.cfg}). Keys (see {@code examples/karaf/README.md}):
 * <ul>
 * <li>{@code merchant}: the merchant's name (CamelContext {@code antom-<merchant>}); the file's suffix when absent;</li>
 * <li>{@code camel.component.antom.<option>}: the {@code antom} component's options;</li>
 * <li>{@code camel.antom.jms.brokerUrl}, {@code .username}, {@code .password}: the Artemis broker;</li>
 * <li>{@code camel.antom.jms.pool.enabled} (default true), {@code .maxConnections} (1),
 * {@code .maxSessionsPerConnection} (500): pooled-jms around the Artemis factory;</li>
 * <li>{@code camel.antom.ledger.folder}: the embedded H2 ledger database's folder;</li>
 * <li>{@code camel.antom.routes.ledger.data-source}: instead, the name ({@code dataSourceName}) of a pax-jdbc
 * DataSource service, waited for {@code camel.antom.ledger.dataSourceWait} seconds (30);
 * {@code camel.antom.routes.ledger.table-prefix}: every template's {@code tablePrefix};</li>
 * <li>{@code camel.antom.routes.reconciliation.clustered}, {@code cluster-instance-id}, {@code cluster-checkin-interval}:
 * reconciliation on Quartz's clustered JDBC JobStore on the ledger's DataSource (not template parameters);</li>
 * <li>{@code camel.antom.notifications.servletPath}: where the notification servlet listens on Karaf's HTTP
 * service;</li>
 * <li>{@code camel.antom.routes.<template>.enabled} and {@code camel.antom.routes.<template>.<parameter>}
 * (the keys camel-main and Spring Boot use, e.g. {@code camel.antom.routes.order-bridge.orders-queue}; the full template
 * id {@code antom-order-bridge} and camelCase parameters are accepted too): the
 * route templates to start and their parameters.</li>
 * </ul>
 * No key value is ever logged or shown by {@link #toString()}: several are secrets.
 */
public final class MerchantConfiguration {

    public static final String FACTORY_PID = "io.camelantom.merchant";

    public static final String MERCHANT = "merchant";
    public static final String COMPONENT_PREFIX = "camel.component.antom.";
    public static final String BROKER_URL = "camel.antom.jms.brokerUrl";
    public static final String BROKER_USERNAME = "camel.antom.jms.username";
    public static final String BROKER_PASSWORD = "camel.antom.jms.password";
    public static final String LEDGER_FOLDER = "camel.antom.ledger.folder";
    public static final String SERVLET_PATH = "camel.antom.notifications.servletPath";
    public static final String MAX_NOTIFICATION_SIZE = "camel.antom.notifications.maxBodySize";
    public static final String ROUTES_PREFIX = "camel.antom.routes.";
    public static final String JMS_POOL_ENABLED = "camel.antom.jms.pool.enabled";
    public static final String JMS_POOL_MAX_CONNECTIONS = "camel.antom.jms.pool.maxConnections";
    public static final String JMS_POOL_MAX_SESSIONS = "camel.antom.jms.pool.maxSessionsPerConnection";
    /** The ledger's shared keys: the same as Spring Boot's {@code camel.antom.routes.ledger.*}. */
    public static final String LEDGER_PREFIX = ROUTES_PREFIX + "ledger.";
    public static final String LEDGER_DATA_SOURCE = LEDGER_PREFIX + "data-source";
    public static final String LEDGER_TABLE_PREFIX = LEDGER_PREFIX + "table-prefix";
    public static final String LEDGER_DATA_SOURCE_WAIT = "camel.antom.ledger.dataSourceWait";
    public static final String RECONCILIATION_PREFIX = ROUTES_PREFIX + "reconciliation.";
    private static final String RECONCILIATION_ID = ReconciliationRouteTemplate.TEMPLATE_ID;
    public static final String ENABLED = "enabled";
    private static final String TEMPLATE_ID_PREFIX = "antom-";

    /** Keys ConfigAdmin and Felix FileInstall add; not ours to interpret. */
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    private final String merchant;
    private final Map<String, String> componentOptions;
    private final String brokerUrl;
    private final String brokerUsername;
    private final String brokerPassword;
    private final Path ledgerFolder;
    private final String servletPath;
    private final int maxNotificationSize;
    private final Map<String, Map<String, String>> templates;
    private final JmsPool jmsPool;
    private final LedgerDataSource ledgerDataSource;
    private final ReconciliationCluster reconciliationCluster;

    /** pooled-jms around the Artemis factory. */
    public record JmsPool(boolean enabled, int maxConnections, int maxSessionsPerConnection) {
    }

    /** A pax-jdbc DataSource service by {@code dataSourceName}, instead of the embedded H2 ledger. */
    public record LedgerDataSource(String name, int waitSeconds) {
    }

    /** Clustered Quartz for reconciliation (see ClusteredQuartz). */
    public record ReconciliationCluster(String instanceId, long checkinInterval) {
    }

    private MerchantConfiguration(String merchant, Map<String, String> componentOptions, String brokerUrl,
                                  String brokerUsername, String brokerPassword, Path ledgerFolder, String servletPath,
                                  int maxNotificationSize, Map<String, Map<String, String>> templates, JmsPool jmsPool,
                                  LedgerDataSource ledgerDataSource, ReconciliationCluster reconciliationCluster) {
        this.jmsPool = jmsPool;
        this.ledgerDataSource = ledgerDataSource;
        this.reconciliationCluster = reconciliationCluster;
        this.merchant = merchant;
        this.componentOptions = componentOptions;
        this.brokerUrl = brokerUrl;
        this.brokerUsername = brokerUsername;
        this.brokerPassword = brokerPassword;
        this.ledgerFolder = ledgerFolder;
        this.servletPath = servletPath;
        this.maxNotificationSize = maxNotificationSize;
        this.templates = templates;
    }

    /**
     * Reads a configuration's properties.
     *
     * @param properties the component's properties (ConfigAdmin's, plus the ones DS adds)
     * @param dataFolder where a ledger folder is made when {@value #LEDGER_FOLDER} is not set (Karaf's data folder)
     * @throws IllegalArgumentException naming the key (never its value) when a setting is missing or malformed
     */
    public static MerchantConfiguration from(Map<String, ?> properties, Path dataFolder) {
        Map<String, String> p = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                p.put(k, String.valueOf(v).strip());
            }
        });
        String merchant = p.getOrDefault(MERCHANT, nameFromFile(p.get(FILEINSTALL_FILENAME)));
        if (merchant == null || !merchant.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("Set '" + MERCHANT + "' to 1-64 characters of [A-Za-z0-9_-] (or name the file "
                                               + FACTORY_PID + "-<merchant>.cfg)");
        }
        Map<String, String> component = new LinkedHashMap<>();
        Map<String, Map<String, String>> templates = new LinkedHashMap<>();
        p.forEach((key, value) -> {
            if (key.startsWith(COMPONENT_PREFIX) && key.length() > COMPONENT_PREFIX.length()) {
                component.put(StringHelper.dashToCamelCase(key.substring(COMPONENT_PREFIX.length())), value);
            } else if (key.startsWith(LEDGER_PREFIX)) {
                if (!key.equals(LEDGER_DATA_SOURCE) && !key.equals(LEDGER_TABLE_PREFIX)) {
                    throw new IllegalArgumentException("Unknown key '" + key + "': expected " + LEDGER_DATA_SOURCE
                                                       + " or " + LEDGER_TABLE_PREFIX);
                }
            } else if (key.startsWith(ROUTES_PREFIX)) {
                String rest = key.substring(ROUTES_PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0 || dot == rest.length() - 1) {
                    throw new IllegalArgumentException("Malformed key '" + key + "': expected " + ROUTES_PREFIX
                                                       + "<template id>.<parameter>");
                }
                // the same keys as camel-main and Spring Boot: camel.antom.routes.order-bridge.orders-queue;
                // the template id (antom-order-bridge) and camelCase parameters are accepted as well
                String template = rest.substring(0, dot);
                String templateId = template.startsWith(TEMPLATE_ID_PREFIX) ? template : TEMPLATE_ID_PREFIX + template;
                templates.computeIfAbsent(templateId, t -> new LinkedHashMap<>())
                        .put(StringHelper.dashToCamelCase(rest.substring(dot + 1)), value);
            }
        });
        // reconciliation's cluster switches are this runtime's, not template parameters (as in Spring Boot)
        Map<String, String> reconciliation = templates.getOrDefault(RECONCILIATION_ID, new LinkedHashMap<>());
        String clustered = reconciliation.remove("clustered");
        String instanceId = reconciliation.remove("clusterInstanceId");
        String checkin = reconciliation.remove("clusterCheckinInterval");
        // a template runs when it has any key, unless enabled=false
        templates.values().removeIf(params -> "false".equalsIgnoreCase(params.get(ENABLED)));
        templates.values().forEach(params -> params.remove(ENABLED));

        String brokerUrl = p.get(BROKER_URL);
        if (brokerUrl == null || brokerUrl.isEmpty()) {
            throw new IllegalArgumentException("Set '" + BROKER_URL + "' (e.g. tcp://localhost:61616)");
        }
        String ledger = p.get(LEDGER_FOLDER);
        Path ledgerFolder = ledger == null || ledger.isEmpty()
                ? Objects.requireNonNull(dataFolder, "dataFolder").resolve("antom").resolve(merchant).resolve("ledger")
                : Path.of(ledger);
        String servletPath = p.getOrDefault(SERVLET_PATH, "/antom/" + merchant + "/notifications");
        if (!servletPath.matches("/[A-Za-z0-9/_.-]*[A-Za-z0-9_.-]")) {
            throw new IllegalArgumentException("'" + SERVLET_PATH + "' must be an absolute path without a trailing '/'");
        }
        int maxSize;
        try {
            maxSize = Integer.parseInt(p.getOrDefault(MAX_NOTIFICATION_SIZE, "65536"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + MAX_NOTIFICATION_SIZE + "' must be a number of bytes");
        }
        if (maxSize <= 0) {
            throw new IllegalArgumentException("'" + MAX_NOTIFICATION_SIZE + "' must be positive");
        }
        String tablePrefix = p.get(LEDGER_TABLE_PREFIX);
        if (tablePrefix != null && !tablePrefix.isEmpty()) {
            templates.values().forEach(params -> params.putIfAbsent("tablePrefix", tablePrefix));
        }
        JmsPool pool = new JmsPool(!"false".equalsIgnoreCase(p.getOrDefault(JMS_POOL_ENABLED, "true")),
                positive(p, JMS_POOL_MAX_CONNECTIONS, 1), positive(p, JMS_POOL_MAX_SESSIONS, 500));
        String dataSourceName = p.get(LEDGER_DATA_SOURCE);
        LedgerDataSource ledgerDataSource = null;
        if (dataSourceName != null && !dataSourceName.isEmpty()) {
            if (!dataSourceName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
                throw new IllegalArgumentException("'" + LEDGER_DATA_SOURCE + "' must be a pax-jdbc dataSourceName of "
                                                   + "[A-Za-z0-9_.-]");
            }
            ledgerDataSource = new LedgerDataSource(dataSourceName, positive(p, LEDGER_DATA_SOURCE_WAIT, 30));
        }
        ReconciliationCluster cluster = null;
        if ("true".equalsIgnoreCase(clustered)) {
            if (!templates.containsKey(RECONCILIATION_ID)) {
                throw new IllegalArgumentException("'" + RECONCILIATION_PREFIX + "clustered' is set but reconciliation "
                                                   + "is not enabled");
            }
            long interval;
            try {
                interval = checkin == null ? ClusteredQuartz.DEFAULT_CHECKIN_INTERVAL : Long.parseLong(checkin);
            } catch (NumberFormatException e) {
                interval = -1;
            }
            if (interval <= 0) {
                throw new IllegalArgumentException("'" + RECONCILIATION_PREFIX + ClusteredQuartz.CHECKIN_INTERVAL_KEY
                                                   + "' must be a positive number of milliseconds");
            }
            cluster = new ReconciliationCluster(instanceId == null || instanceId.isEmpty()
                    ? ClusteredQuartz.DEFAULT_INSTANCE_ID : instanceId, interval);
        } else if (clustered != null && !"false".equalsIgnoreCase(clustered)) {
            throw new IllegalArgumentException("'" + RECONCILIATION_PREFIX + "clustered' must be true or false");
        }
        return new MerchantConfiguration(merchant, Collections.unmodifiableMap(component), brokerUrl,
                p.get(BROKER_USERNAME), p.get(BROKER_PASSWORD), ledgerFolder, servletPath, maxSize,
                Collections.unmodifiableMap(templates), pool, ledgerDataSource, cluster);
    }

    private static int positive(Map<String, String> p, String key, int defaultValue) {
        String text = p.get(key);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + key + "' must be a positive whole number");
    }

    /** {@code .../io.camelantom.merchant-shop1.cfg} is merchant {@code shop1}. */
    static String nameFromFile(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String prefix = FACTORY_PID + "-";
        if (!name.startsWith(prefix)) {
            return null;
        }
        name = name.substring(prefix.length());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public String merchant() {
        return merchant;
    }

    public JmsPool jmsPool() {
        return jmsPool;
    }

    /** The pax-jdbc DataSource the ledger uses; null: the embedded H2 ledger in {@link #ledgerFolder()}. */
    public LedgerDataSource ledgerDataSource() {
        return ledgerDataSource;
    }

    /** Reconciliation on clustered Quartz; null: Quartz in memory. */
    public ReconciliationCluster reconciliationCluster() {
        return reconciliationCluster;
    }

    /** The {@code antom} component's options, keys without the prefix. */
    public Map<String, String> componentOptions() {
        return componentOptions;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public String brokerUsername() {
        return brokerUsername;
    }

    public String brokerPassword() {
        return brokerPassword;
    }

    public Path ledgerFolder() {
        return ledgerFolder;
    }

    public String servletPath() {
        return servletPath;
    }

    public int maxNotificationSize() {
        return maxNotificationSize;
    }

    /** Template id to its parameters, for the templates to start. */
    public Map<String, Map<String, String>> templates() {
        return templates;
    }

    @Override
    public String toString() {
        return "MerchantConfiguration[merchant=" + merchant + ", templates=" + templates.keySet() + "]";
    }
}
