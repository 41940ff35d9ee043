package io.camelantom.routes.reconciliation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz in clustered mode on the ledger's database (see {@code routes/README.md}, "Clustered Quartz"): a JDBC
 * JobStore with {@code isClustered=true}, so of several nodes running the same {@code quartz:} trigger exactly one
 * fires each time.
 * <ul>
 * <li>{@link #createTablesIfMissing} applies Quartz's own DDL, shipped in the quartz jar
 * ({@code org/quartz/impl/jdbcjobstore/tables_h2.sql}, {@code tables_postgres.sql}), when {@code QRTZ_LOCKS} is
 * missing.</li>
 * <li>{@link #component} makes a {@code quartz} component for one node.</li>
 * <li>{@link #addTo} does both for a CamelContext, as the runtimes do for
 * {@code camel.antom.routes.reconciliation.clustered=true} (Spring Boot's starter, Karaf's merchant files).</li>
 * </ul>
 * Quartz looks data sources up by name in its own JVM-wide registry ({@link DBConnectionManager}); the node's
 * DataSource is registered there under a name made of the cluster name and the node's instance id, so several
 * clusters and nodes can share a JVM. Nothing else is global.
 */
public final class ClusteredQuartz {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredQuartz.class);

    private ClusteredQuartz() {
    }

    /**
     * Creates Quartz's tables ({@code QRTZ_*}) on an H2 or PostgreSQL database unless {@code QRTZ_LOCKS} exists. Two
     * nodes starting at once may both try; the loser's failure is logged and ignored when the tables are there.
     */
    public static void createTablesIfMissing(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (tableExists(c.getMetaData(), "QRTZ_LOCKS")) {
                return;
            }
            boolean postgres = isPostgres(c);
            String script = read(postgres ? "tables_postgres.sql" : "tables_h2.sql");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements(script)) {
                    if (!postgres) {
                        // H2 2.x no longer knows the IMAGE alias the script was written for
                        statement = statement.replaceAll("(?i)\\bIMAGE\\b", "BLOB");
                    }
                    s.execute(statement);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!tableExists(c.getMetaData(), "QRTZ_LOCKS")) {
                    throw e;
                }
                LOG.debug("Quartz tables created by another node meanwhile", e);
            } finally {
                c.setAutoCommit(true);
            }
            LOG.info("Created Quartz's tables (QRTZ_*) for the clustered JobStore");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create Quartz's tables", e);
        }
    }

    /** The keys a runtime reads under {@code camel.antom.routes.reconciliation.}: not template parameters. */
    public static final String CLUSTERED_KEY = "clustered";
    public static final String INSTANCE_ID_KEY = "cluster-instance-id";
    public static final String CHECKIN_INTERVAL_KEY = "cluster-checkin-interval";
    /** Defaults of the keys above: Quartz makes the instance id (host name and time); 15 s between check-ins. */
    public static final String DEFAULT_INSTANCE_ID = "AUTO";
    public static final long DEFAULT_CHECKIN_INTERVAL = 15_000;

    /**
     * Creates Quartz's tables when missing and adds a clustered quartz component named {@code componentName} (the
     * reconciliation template's {@code quartzComponent}) to {@code context}. The cluster is named after the
     * CamelContext, which must be the same on every node anyway (camel-quartz finds the context of a fired job by
     * name); two merchants of one Karaf have two contexts and so two clusters, even on one database.
     *
     * @throws IllegalStateException when the context already has a component of that name
     */
    public static QuartzComponent addTo(CamelContext context, String componentName, DataSource dataSource,
            String instanceId, long clusterCheckinInterval) {
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException(INSTANCE_ID_KEY + ": empty; a node id distinct per node, or AUTO");
        }
        if (clusterCheckinInterval <= 0) {
            throw new IllegalArgumentException(CHECKIN_INTERVAL_KEY + ": must be a positive number of milliseconds");
        }
        if (context.hasComponent(componentName) != null) {
            throw new IllegalStateException("the CamelContext already has a component named '" + componentName
                                            + "'; clustered reconciliation makes it (reconciliation's quartz-component)");
        }
        createTablesIfMissing(dataSource);
        QuartzComponent quartz = component(dataSource, context.getName(), instanceId.strip(), clusterCheckinInterval);
        context.addComponent(componentName, quartz);
        LOG.info("Reconciliation on clustered Quartz: component {}, cluster {}, instance {}", componentName,
                context.getName(), instanceId.strip());
        return quartz;
    }

    /**
     * A {@code quartz} component for one node of a cluster: JDBC JobStore ({@link LedgerJobStore}) on
     * {@code dataSource}, {@code isClustered=true}, rows keyed by {@code clusterName}.
     *
     * @param clusterName            the same on every node (Quartz's {@code SCHED_NAME})
     * @param instanceId             distinct per node, or {@code AUTO} (host name and time)
     * @param clusterCheckinInterval milliseconds between a node's check-ins; a node silent for longer is taken over
     */
    public static QuartzComponent component(DataSource dataSource, String clusterName, String instanceId,
            long clusterCheckinInterval) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(instanceId, "instanceId");
        String schedulerName = clusterName + "@" + instanceId;
        String dataSourceName = "antom-ledger:" + schedulerName;
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the DataSource belongs to the application
            }

            @Override
            public void initialize() {
            }
        });
        Map<String, Object> p = new HashMap<>();
        p.put("org.quartz.scheduler.instanceName", schedulerName);
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.jobStore.class", LedgerJobStore.class.getName());
        p.put("org.quartz.jobStore.clusterName", clusterName);
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", Long.toString(clusterCheckinInterval));
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.put("org.quartz.jobStore.dataSource", dataSourceName);
        p.put("org.quartz.jobStore.driverDelegateClass", delegateFor(dataSource));
        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(p);
        // the scheduler name above is already per node; Camel's prefix would make it per CamelContext name
        quartz.setPrefixInstanceName(false);
        return quartz;
    }

    private static String delegateFor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return isPostgres(c) ? PostgreSQLDelegate.class.getName() : StdJDBCDelegate.class.getName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the Quartz database", e);
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static boolean tableExists(DatabaseMetaData meta, String table) throws SQLException {
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String read(String file) {
        String path = "org/quartz/impl/jdbcjobstore/" + file;
        try (InputStream in = StdJDBCDelegate.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's " + path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Quartz's " + path, e);
        }
    }

    /** The script's statements without comments, transaction commands and DROPs (tables are created only when missing). */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("--") || t.startsWith("#")) {
                continue;
            }
            text.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String s : text.toString().split(";")) {
            String t = s.strip();
            String upper = t.toUpperCase(Locale.ROOT);
            if (t.isEmpty() || upper.equals("COMMIT") || upper.startsWith("DROP ") || upper.startsWith("BEGIN")) {
                continue;
            }
            statements.add(t);
        }
        return statements;
    }
}
