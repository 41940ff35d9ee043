package io.camelantom.karaf.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

import javax.management.MBeanServerConnection;

import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Karaf deployment end to end on a real Apache Karaf 4.4.10: our two features repositories are added and
 * {@code camel-antom-routes} installed over JMX (what {@code feature:repo-add} and {@code feature:install} do), every
 * bundle must be active, a merchant configuration is dropped into {@code etc/}, the order bridge in Karaf pays
 * against the simulator running in this JVM, the simulator's signed notification posted to Karaf's HTTP port goes
 * through the notification bridge into Artemis (and settles a payment that was still in process), and changing the
 * configuration file reconfigures the routes while the same Karaf process keeps running.
 */
class KarafBootIT {

    private static final String CLIENT_ID = "KARAF_CLIENT_1";
    private static final String MERCHANT = "shop1";
    private static final String SECOND_CLIENT_ID = "KARAF_CLIENT_2";
    private static final String[] STRING = { String.class.getName() };

    @TempDir
    Path temp;

    @Test
    void installsFromOurRepositoriesPaysAndBridgesNotificationsToArtemis() throws Exception {
        String version = System.getProperty("project.version");
        Path buildRepository = Path.of(System.getProperty("karaf.build.repo"));
        publishFeatureDescriptors(buildRepository, version);
        KeyPair secondMerchantKeys = AntomKeys.generateRsaKeyPair(2048);

        try (EmbeddedBroker broker = new EmbeddedBroker(temp.resolve("broker")).tcpPort(KarafInstance.freePort()).start();
             SimulatorFixture simulator = SimulatorFixture.builder(CLIENT_ID).simulator(b -> b
                     .merchant(SECOND_CLIENT_ID, secondMerchantKeys.getPublic()).timeScale(600).processingDelay(Duration.ofSeconds(60)))
                     .start();
             KarafInstance karaf = new KarafInstance(Path.of(System.getProperty("karaf.dist")), temp)
                     .configure(Path.of(System.getProperty("karaf.local.repo")), buildRepository)) {
            AntomSimulator antom = simulator.simulator();
            long started = System.nanoTime();
            karaf.start(temp.resolve("karaf-console.log"));
            MBeanServerConnection jmx = karaf.awaitJmx(Duration.ofMinutes(3));
            log("Karaf up (JMX) after %d s", started);

            jmx.invoke(KarafInstance.features(), "addRepository",
                    new Object[] { "mvn:io.camelantom/camel-antom-karaf-features/" + version + "/xml/camel-wrapped-features" }, STRING);
            jmx.invoke(KarafInstance.features(), "addRepository",
                    new Object[] { "mvn:io.camelantom/camel-antom-karaf-features/" + version + "/xml/features" }, STRING);
            // throws (and fails the test) when the features do not resolve
            jmx.invoke(KarafInstance.features(), "installFeature", new Object[] { "camel-antom-routes" }, STRING);
            log("camel-antom-routes installed after %d s", started);
            assertEveryBundleActive(jmx, karaf);

            // keys under etc/antom/shop1, named through ${karaf.etc} as in the sample file; ledger in its default folder
            Path keys = karaf.etc().resolve("antom/" + MERCHANT);
            Path antomPublicKey = simulator.writeKeyFiles(keys).antomPublicKey();
            String notifyUrl = "http://127.0.0.1:" + karaf.httpPort() + "/antom/" + MERCHANT + "/notifications";
            Path config = karaf.etc().resolve("io.camelantom.merchant-" + MERCHANT + ".cfg");
            String settings = String.join("\n",
                    "camel.component.antom.client-id = " + CLIENT_ID,
                    "camel.component.antom.gateway-url = " + antom.baseUrl(),
                    "camel.component.antom.private-key-file = ${karaf.etc}/antom/" + MERCHANT + "/merchant-private-key.pem",
                    "camel.component.antom.antom-public-key-file = ${karaf.etc}/antom/" + MERCHANT + "/antom-public-key.pem",
                    "camel.antom.jms.brokerUrl = " + broker.tcpUrl(),
                    "camel.antom.routes.notification-bridge.enabled = true",
                    "camel.antom.routes.order-bridge.payment-notify-url = " + notifyUrl,
                    "camel.antom.routes.order-bridge.concurrent-consumers = 1",
                    "camel.antom.routes.reconciliation.cron = 0/10 * * * * ?",
                    "");
            Files.writeString(config, settings + "camel.antom.routes.order-bridge.results-queue = antom.results\n");
            awaitServlet(notifyUrl, Duration.ofMinutes(2), karaf);
            log("merchant routes up after %d s", started);

            ActiveMQConnectionFactory client = new ActiveMQConnectionFactory(broker.tcpUrl());
            try (JMSContext jms = client.createContext(JMSContext.SESSION_TRANSACTED)) {
                // paid at once: the order bridge in Karaf calls antom:pay against the simulator
                send(jms, "antom.orders", order("KARAF-1", "12.34"));
                String paid = receive(jms, "antom.results", Duration.ofSeconds(90), karaf);
                assertThat(paid).contains("\"orderId\":\"KARAF-1\"").contains("\"status\":\"PAID\"");
                assertThat(antom.chargeCount("KARAF-1")).isEqualTo(1);

                // in process at first: only the notification (simulator -> Karaf's HTTP port -> servlet ->
                // notification bridge -> Artemis -> order bridge) can settle it
                send(jms, "antom.orders", order("KARAF-2", "12.61"));
                String settled = receive(jms, "antom.results", Duration.ofSeconds(90), karaf);
                assertThat(settled).contains("\"orderId\":\"KARAF-2\"").contains("\"status\":\"PAID\"");
                assertThat(antom.notificationAttempts("KARAF-2"))
                        .as("the simulator's notification was acknowledged by Karaf").anyMatch(a -> a.acknowledged());
                log("paid and notified after %d s", started);

                // reconfigure: a new results queue, same Karaf process
                long pid = karaf.pid();
                long starts = merchantStarts(karaf);
                Files.writeString(config, settings + "camel.antom.routes.order-bridge.results-queue = antom.results.changed\n");
                awaitMerchantStarts(karaf, starts + 1, Duration.ofMinutes(2));
                assertThat(karaf.home().resolve("data/antom/" + MERCHANT + "/ledger/ledger.mv.db")).exists();
                send(jms, "antom.orders", order("KARAF-3", "12.35"));
                String moved = receive(jms, "antom.results.changed", Duration.ofSeconds(120), karaf);
                assertThat(moved).contains("\"orderId\":\"KARAF-3\"").contains("\"status\":\"PAID\"");
                assertThat(karaf.pid()).isEqualTo(pid);
                log("reconfigured after %d s", started);

                // a second merchant (another factory configuration): its own context, keys, queues, servlet, ledger
                Path secondKey = Files.writeString(keys.resolve("shop2-private-key.pem"), AntomKeys.toPem(secondMerchantKeys.getPrivate()));
                String secondNotifyUrl = "http://127.0.0.1:" + karaf.httpPort() + "/antom/shop2/notifications";
                Path secondConfig = karaf.etc().resolve("io.camelantom.merchant-shop2.cfg");
                Files.writeString(secondConfig, String.join("\n",
                        "camel.component.antom.client-id = " + SECOND_CLIENT_ID,
                        "camel.component.antom.gateway-url = " + antom.baseUrl(),
                        "camel.component.antom.private-key-file = " + secondKey,
                        "camel.component.antom.antom-public-key-file = " + antomPublicKey,
                        "camel.antom.jms.brokerUrl = " + broker.tcpUrl(),
                        "camel.antom.ledger.folder = " + temp.resolve("ledger2"),
                        "camel.antom.routes.notification-bridge.payment-result-destination = jms:queue:shop2.notifications.payment",
                        "camel.antom.routes.order-bridge.orders-queue = shop2.orders",
                        "camel.antom.routes.order-bridge.results-queue = shop2.results",
                        "camel.antom.routes.order-bridge.dead-letter-queue = shop2.orders.DLQ",
                        "camel.antom.routes.order-bridge.notifications-queue = shop2.notifications.payment",
                        "camel.antom.routes.order-bridge.payment-notify-url = " + secondNotifyUrl,
                        ""));
                awaitServlet(secondNotifyUrl, Duration.ofMinutes(2), karaf);
                send(jms, "shop2.orders", order("SHOP2-1", "7.61"));
                String second = receive(jms, "shop2.results", Duration.ofSeconds(90), karaf);
                assertThat(second).contains("\"orderId\":\"SHOP2-1\"").contains("\"status\":\"PAID\"");
                log("second merchant paid (by notification) after %d s", started);

                // removing the file stops that merchant: its servlet is gone, the first merchant keeps working
                Files.delete(secondConfig);
                awaitStatus(secondNotifyUrl, 404, Duration.ofMinutes(1), karaf);
                awaitStatus(notifyUrl, 405, Duration.ofSeconds(5), karaf);

                ledgerOnPostgres(jmx, karaf, jms, broker.tcpUrl(), antomPublicKey, antom, started);
            }
            String karafLog = Files.readString(karaf.log(), StandardCharsets.UTF_8);
            String keyBody = AntomKeys.toBase64(simulator.merchantKeys().getPrivate());
            assertThat(karafLog).as("no private key material in Karaf's log")
                    .doesNotContain(keyBody.substring(40, 100)).doesNotContain("PRIVATE KEY");
            assertThat(karafLog).as("no database password in Karaf's log").doesNotContain(DATABASE_PASSWORD);
            assertEveryBundleActive(jmx, karaf);
        } finally {
            keepKarafLog();
        }
    }

    /**
     * A third merchant in production shape (examples/karaf/README.md, "Production"): feature camel-antom-postgresql, a
     * pax-jdbc DataSource (etc/org.ops4j.datasource-antomledger.cfg, dbcp2 pool) on a real PostgreSQL server, named by
     * camel.antom.routes.ledger.data-source; pooled JMS (the default); reconciliation on clustered Quartz in that
     * database. Its order is paid with the ledger row in PostgreSQL and the node checked in in Quartz's tables. A fourth
     * merchant naming a DataSource that does not exist is not started, and the log says which key is wrong.
     */
    private void ledgerOnPostgres(MBeanServerConnection jmx, KarafInstance karaf, JMSContext jms, String brokerUrl,
            Path antomPublicKey, AntomSimulator antom, long started) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(temp.resolve("postgres-work").toFile())
                .setDataDirectory(temp.resolve("postgres-data")).start()) {
            jmx.invoke(KarafInstance.features(), "installFeature", new Object[] { "camel-antom-postgresql" }, STRING);
            log("camel-antom-postgresql installed after %d s", started);
            Files.writeString(karaf.etc().resolve("org.ops4j.datasource-antomledger.cfg"), String.join("\n",
                    "osgi.jdbc.driver.class = org.postgresql.Driver",
                    "dataSourceName = antomledger",
                    "url = " + postgres.getJdbcUrl("postgres", "postgres"),
                    "user = postgres",
                    "password = " + DATABASE_PASSWORD,
                    "pool = dbcp2",
                    "xa = false",
                    "jdbc.pool.maxTotal = 8",
                    ""));
            String common = String.join("\n",
                    "camel.component.antom.client-id = " + CLIENT_ID,
                    "camel.component.antom.gateway-url = " + antom.baseUrl(),
                    "camel.component.antom.private-key-file = ${karaf.etc}/antom/" + MERCHANT + "/merchant-private-key.pem",
                    "camel.component.antom.antom-public-key-file = " + antomPublicKey,
                    "camel.antom.jms.brokerUrl = " + brokerUrl,
                    "");
            Files.writeString(karaf.etc().resolve("io.camelantom.merchant-shop4.cfg"), common + String.join("\n",
                    "camel.antom.routes.ledger.data-source = nosuchledger",
                    "camel.antom.ledger.dataSourceWait = 1",
                    "camel.antom.routes.order-bridge.orders-queue = shop4.orders",
                    ""));
            Path shop3 = karaf.etc().resolve("io.camelantom.merchant-shop3.cfg");
            Files.writeString(shop3, common + String.join("\n",
                    "camel.antom.routes.ledger.data-source = antomledger",
                    "camel.antom.routes.order-bridge.orders-queue = shop3.orders",
                    "camel.antom.routes.order-bridge.results-queue = shop3.results",
                    "camel.antom.routes.order-bridge.dead-letter-queue = shop3.orders.DLQ",
                    "camel.antom.routes.order-bridge.notifications-queue = shop3.notifications.payment",
                    "camel.antom.routes.order-bridge.concurrent-consumers = 1",
                    "camel.antom.routes.reconciliation.results-queue = shop3.results",
                    "camel.antom.routes.reconciliation.cron = 0/2 * * * * ?",
                    "camel.antom.routes.reconciliation.clustered = true",
                    "camel.antom.routes.reconciliation.cluster-instance-id = karaf-node-1",
                    ""));
            awaitLog(karaf, "Antom merchant 'shop3' started", Duration.ofMinutes(2));
            assertThat(logLines(karaf, "ledger antomledger, JMS pooled-jms around Artemis, reconciliation Quartz clustered"))
                    .isEqualTo(1);
            send(jms, "shop3.orders", order("SHOP3-1", "12.34"));
            String paid = receive(jms, "shop3.results", Duration.ofSeconds(90), karaf);
            assertThat(paid).contains("\"orderId\":\"SHOP3-1\"").contains("\"status\":\"PAID\"");
            assertThat(antom.chargeCount("SHOP3-1")).isEqualTo(1);
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                assertThat(queryString(db, "SELECT status FROM antom_payment WHERE order_id = 'SHOP3-1'")).isEqualTo("PAID");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!"1".equals(queryString(db, "SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = 'antom-shop3'"
                                                   + " AND prev_fire_time > 0")) && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                assertThat(queryString(db, "SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = 'antom-shop3'"
                                           + " AND prev_fire_time > 0")).as("reconciliation fired through Quartz's tables").isEqualTo("1");
                assertThat(queryString(db, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'antom-shop3'"
                                           + " AND instance_name = 'karaf-node-1'")).isEqualTo("1");
            }
            log("merchant on PostgreSQL paid after %d s", started);

            awaitLog(karaf, "'camel.antom.routes.ledger.data-source': no DataSource service named 'nosuchledger'",
                    Duration.ofSeconds(30));
            assertThat(logLines(karaf, "Antom merchant 'shop4' started")).isZero();

            // stop the merchant (its Quartz scheduler and pool) before its database goes away
            Files.delete(shop3);
            Files.delete(karaf.etc().resolve("io.camelantom.merchant-shop4.cfg"));
            awaitLog(karaf, "(antom-shop3) shutdown", Duration.ofMinutes(1));
        }
    }

    private static final String DATABASE_PASSWORD = "pg-Secret-4711";

    private static String queryString(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The Karaf log outlives the temp folder, for the build's reports. */
    private void keepKarafLog() {
        Path log = temp.resolve("karaf/data/log/karaf.log");
        String copy = System.getProperty("karaf.log.copy");
        if (copy != null && Files.exists(log)) {
            try {
                Files.copy(log, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                System.out.println("[KarafBootIT] could not keep " + log + ": " + e);
            }
        }
    }

    /** The features XML files as the Maven artifacts users add ({@code mvn:.../xml/features}). */
    private static void publishFeatureDescriptors(Path repository, String version) throws Exception {
        Path featureDir = Path.of(System.getProperty("karaf.feature.dir"));
        Path folder = Files.createDirectories(repository.resolve("io/camelantom/camel-antom-karaf-features/" + version));
        for (String classifier : new String[] { "features", "camel-wrapped-features" }) {
            Files.copy(featureDir.resolve(classifier + ".xml"),
                    folder.resolve("camel-antom-karaf-features-" + version + "-" + classifier + ".xml"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Fragments never become active; these are Karaf's own (the JMX bundle list does not tell fragments apart). */
    private static final Set<String> KARAF_FRAGMENTS = Set.of("org.apache.karaf.features.extension",
            "org.ops4j.pax.web.pax-web-compatibility-servlet31");

    private static void assertEveryBundleActive(MBeanServerConnection jmx, KarafInstance karaf) throws Exception {
        List<String[]> bundles = KarafInstance.bundleStates(jmx);
        List<String> notActive = new ArrayList<>();
        for (String[] b : bundles) {
            if (!"Active".equals(b[2]) && !KARAF_FRAGMENTS.contains(b[1])) {
                notActive.add(b[0] + " " + b[1] + " " + b[2] + ": " + KarafInstance.diag(jmx, b[0]));
            }
        }
        if (!notActive.isEmpty()) {
            fail("Bundles not active:\n" + String.join("\n", notActive) + "\n" + tail(karaf.log(), 60));
        }
        assertThat(bundles).extracting(b -> b[1]).contains("io.camelantom.camel-antom", "io.camelantom.camel-antom-routes",
                "io.camelantom.camel-antom-karaf", "io.camelantom.artemis-jakarta-client", "camel-core-osgi");
    }

    private static void awaitServlet(String url, Duration timeout, KarafInstance karaf) throws Exception {
        awaitStatus(url, 405, timeout, karaf);
    }

    /** Polls GET until the given status: 405 = the notification servlet (POST only) is there, 404 = it is gone. */
    private static void awaitStatus(String url, int expected, Duration timeout, KarafInstance karaf) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            try {
                // the servlet answers GET with 405: it only takes POSTed notifications
                status = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == expected) {
                    return;
                }
            } catch (java.io.IOException e) {
                status = -1;
            }
            Thread.sleep(1000);
        }
        fail(url + " did not answer " + expected + " (last status " + status + ")\n" + tail(karaf.log(), 80));
    }

    /** How often the merchant's DS component said it started (Karaf's log is the operator's view too). */
    private static long merchantStarts(KarafInstance karaf) throws java.io.IOException {
        return logLines(karaf, "Antom merchant '" + MERCHANT + "' started");
    }

    private static long logLines(KarafInstance karaf, String text) throws java.io.IOException {
        try (java.util.stream.Stream<String> lines = Files.lines(karaf.log(), StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private static void awaitLog(KarafInstance karaf, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (logLines(karaf, text) == 0) {
            if (System.nanoTime() > deadline) {
                fail("Karaf's log never said: " + text + "\n" + tail(karaf.log(), 80));
            }
            Thread.sleep(500);
        }
    }

    private static void awaitMerchantStarts(KarafInstance karaf, long count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (merchantStarts(karaf) < count) {
            if (System.nanoTime() > deadline) {
                fail("The merchant was not restarted with the changed file\n" + tail(karaf.log(), 80));
            }
            Thread.sleep(500);
        }
    }

    private static void send(JMSContext jms, String queue, String body) {
        jms.createProducer().send(jms.createQueue(queue), body);
        jms.commit();
    }

    private static String receive(JMSContext jms, String queue, Duration timeout, KarafInstance karaf) throws Exception {
        // one consumer per call, closed after it: an open consumer would keep prefetching the next results
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue))) {
            Message message = consumer.receive(timeout.toMillis());
            if (message == null) {
                fail("Nothing on " + queue + " within " + timeout + "\n" + tail(karaf.log(), 80));
            }
            jms.commit();
            return message.getBody(String.class);
        }
    }

    private static String order(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
               + "\"description\":\"Coffee beans\",\"buyerId\":\"C-1\",\"storeId\":\"S-1\","
               + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"281012020000123456\","
               + "\"scenario\":\"PaymentCode\"}}";
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "--- " + file + " (last " + lines + " lines) ---\n"
                   + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (Exception e) {
            return "(no " + file + ": " + e + ")";
        }
    }

    private static void log(String format, long startedNanos) {
        System.out.printf("[KarafBootIT] " + format + "%n", (System.nanoTime() - startedNanos) / 1_000_000_000L);
    }
}
