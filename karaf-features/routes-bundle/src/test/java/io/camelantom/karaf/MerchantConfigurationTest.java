package io.camelantom.karaf;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerchantConfigurationTest {

    private static final Path DATA = Path.of("/karaf/data");

    private static Map<String, Object> minimal() {
        Map<String, Object> p = new HashMap<>();
        p.put("felix.fileinstall.filename", "file:/karaf/etc/io.camelantom.merchant-shop1.cfg");
        p.put("service.factoryPid", "io.camelantom.merchant");
        p.put("camel.antom.jms.brokerUrl", "tcp://localhost:61616");
        return p;
    }

    @Test
    void merchantNameComesFromTheFileWhenNotSet() {
        MerchantConfiguration c = MerchantConfiguration.from(minimal(), DATA);
        assertThat(c.merchant()).isEqualTo("shop1");
        assertThat(c.servletPath()).isEqualTo("/antom/shop1/notifications");
        assertThat(c.ledgerFolder()).isEqualTo(DATA.resolve("antom/shop1/ledger"));
        assertThat(c.maxNotificationSize()).isEqualTo(65536);
        assertThat(c.templates()).isEmpty();
    }

    @Test
    void componentOptionsAndTemplateParametersAreSplitByPrefix() {
        Map<String, Object> p = minimal();
        p.put("merchant", "eu-store");
        p.put("camel.component.antom.clientId", "CLIENT_1");
        p.put("camel.component.antom.privateKeyFile", "/keys/merchant.pem");
        p.put("camel.antom.routes.antom-order-bridge.ordersQueue", " erp.orders ");
        p.put("camel.antom.routes.antom-order-bridge.enabled", "true");
        p.put("camel.antom.routes.antom-notification-bridge.enabled", "true");
        p.put("camel.antom.routes.antom-reconciliation.enabled", "false");
        p.put("camel.antom.routes.antom-reconciliation.cron", "0 0/5 * * * ?");

        MerchantConfiguration c = MerchantConfiguration.from(p, DATA);

        assertThat(c.merchant()).isEqualTo("eu-store");
        assertThat(c.componentOptions()).containsOnly(Map.entry("clientId", "CLIENT_1"),
                Map.entry("privateKeyFile", "/keys/merchant.pem"));
        assertThat(c.templates()).containsOnlyKeys("antom-order-bridge", "antom-notification-bridge");
        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("ordersQueue", "erp.orders"));
        assertThat(c.templates().get("antom-notification-bridge")).isEmpty();
    }

    @Test
    void acceptsTheKeysCamelMainAndSpringBootUse() {
        Map<String, Object> p = minimal();
        p.put("camel.component.antom.client-id", "CLIENT_1");
        p.put("camel.component.antom.antom-public-key-file", "/keys/antom.pem");
        p.put("camel.antom.routes.order-bridge.orders-queue", "erp.orders");
        p.put("camel.antom.routes.order-bridge.payment-notify-url", "https://shop.example/antom/notifications");
        p.put("camel.antom.routes.reconciliation.enabled", "true");

        MerchantConfiguration c = MerchantConfiguration.from(p, DATA);

        assertThat(c.componentOptions()).containsOnly(Map.entry("clientId", "CLIENT_1"),
                Map.entry("antomPublicKeyFile", "/keys/antom.pem"));
        assertThat(c.templates()).containsOnlyKeys("antom-order-bridge", "antom-reconciliation");
        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("ordersQueue", "erp.orders"),
                Map.entry("paymentNotifyUrl", "https://shop.example/antom/notifications"));
    }

    /** Issue 19's resend parameters need no Karaf code: every key under a template's prefix is passed. */
    @Test
    void passesTheResendParameters() {
        Map<String, Object> p = minimal();
        p.put("camel.antom.routes.order-bridge.pay-resend-delay", "PT2S");
        p.put("camel.antom.routes.order-bridge.pay-resend-traffic-limit-delay", "PT10S");
        p.put("camel.antom.routes.order-bridge.pay-resend-window", "PT45S");
        p.put("camel.antom.routes.reconciliation.pay-endpoint", "antom:pay?requestTimeout=5000");

        MerchantConfiguration c = MerchantConfiguration.from(p, DATA);

        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("payResendDelay", "PT2S"),
                Map.entry("payResendTrafficLimitDelay", "PT10S"), Map.entry("payResendWindow", "PT45S"));
        assertThat(c.templates().get("antom-reconciliation")).containsOnly(
                Map.entry("payEndpoint", "antom:pay?requestTimeout=5000"));
    }

    @Test
    void missingBrokerIsRefusedByKey() {
        Map<String, Object> p = minimal();
        p.remove("camel.antom.jms.brokerUrl");
        assertThatThrownBy(() -> MerchantConfiguration.from(p, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camel.antom.jms.brokerUrl");
    }

    @Test
    void malformedSettingsAreRefusedWithoutEchoingSecrets() {
        Map<String, Object> p = minimal();
        p.put("camel.component.antom.privateKey", "-----BEGIN PRIVATE KEY-----SECRET");
        p.put("camel.antom.routes.antom-order-bridge", "x");
        assertThatThrownBy(() -> MerchantConfiguration.from(p, DATA))
                .hasMessageContaining("camel.antom.routes.antom-order-bridge").hasMessageNotContaining("SECRET");

        Map<String, Object> q = minimal();
        q.put("merchant", "../etc");
        assertThatThrownBy(() -> MerchantConfiguration.from(q, DATA)).hasMessageContaining("merchant");

        Map<String, Object> r = minimal();
        r.put("camel.antom.notifications.servletPath", "antom/");
        assertThatThrownBy(() -> MerchantConfiguration.from(r, DATA)).hasMessageContaining("servletPath");

        Map<String, Object> s = minimal();
        s.put("camel.antom.notifications.maxBodySize", "0");
        assertThatThrownBy(() -> MerchantConfiguration.from(s, DATA)).hasMessageContaining("maxBodySize");
    }

    @Test
    void toStringShowsNoValues() {
        Map<String, Object> p = minimal();
        p.put("camel.component.antom.privateKey", "SECRET");
        p.put("camel.antom.jms.password", "SECRET");
        assertThat(MerchantConfiguration.from(p, DATA).toString()).doesNotContain("SECRET");
    }

    @Test
    void embeddedLedgerPooledJmsAndInMemoryQuartzByDefault() {
        MerchantConfiguration c = MerchantConfiguration.from(minimal(), DATA);
        assertThat(c.ledgerDataSource()).isNull();
        assertThat(c.reconciliationCluster()).isNull();
        assertThat(c.jmsPool()).isEqualTo(new MerchantConfiguration.JmsPool(true, 1, 500));
    }

    @Test
    void productionKeysAreReadAndAreNotTemplateParameters() {
        Map<String, Object> p = minimal();
        p.put("camel.antom.routes.ledger.data-source", "antomledger");
        p.put("camel.antom.routes.ledger.table-prefix", "SHOP1_");
        p.put("camel.antom.ledger.dataSourceWait", "5");
        p.put("camel.antom.jms.pool.maxConnections", "2");
        p.put("camel.antom.jms.pool.maxSessionsPerConnection", "100");
        p.put("camel.antom.routes.order-bridge.orders-queue", "erp.orders");
        p.put("camel.antom.routes.reconciliation.cron", "0 0/5 * * * ?");
        p.put("camel.antom.routes.reconciliation.clustered", "true");
        p.put("camel.antom.routes.reconciliation.cluster-instance-id", "node-1");
        p.put("camel.antom.routes.reconciliation.cluster-checkin-interval", "20000");

        MerchantConfiguration c = MerchantConfiguration.from(p, DATA);

        assertThat(c.ledgerDataSource()).isEqualTo(new MerchantConfiguration.LedgerDataSource("antomledger", 5));
        assertThat(c.jmsPool()).isEqualTo(new MerchantConfiguration.JmsPool(true, 2, 100));
        assertThat(c.reconciliationCluster()).isEqualTo(new MerchantConfiguration.ReconciliationCluster("node-1", 20000));
        assertThat(c.templates()).containsOnlyKeys("antom-order-bridge", "antom-reconciliation");
        assertThat(c.templates().get("antom-reconciliation"))
                .containsOnly(Map.entry("cron", "0 0/5 * * * ?"), Map.entry("tablePrefix", "SHOP1_"));
        assertThat(c.templates().get("antom-order-bridge")).containsEntry("tablePrefix", "SHOP1_");
    }

    @Test
    void badProductionKeysAreRefusedNamingTheKey() {
        Map<String, Object> p = minimal();
        p.put("camel.antom.routes.ledger.data-source", "x)(objectClass=*");
        assertThatThrownBy(() -> MerchantConfiguration.from(p, DATA))
                .hasMessageContaining("camel.antom.routes.ledger.data-source").hasMessageNotContaining("objectClass");

        Map<String, Object> q = minimal();
        q.put("camel.antom.routes.ledger.folder", "/x");
        assertThatThrownBy(() -> MerchantConfiguration.from(q, DATA)).hasMessageContaining("camel.antom.routes.ledger.folder");

        Map<String, Object> r = minimal();
        r.put("camel.antom.routes.reconciliation.clustered", "true");
        r.put("camel.antom.routes.reconciliation.enabled", "false");
        assertThatThrownBy(() -> MerchantConfiguration.from(r, DATA))
                .hasMessageContaining("camel.antom.routes.reconciliation.clustered");

        Map<String, Object> t = minimal();
        t.put("camel.antom.routes.reconciliation.clustered", "true");
        t.put("camel.antom.routes.reconciliation.cluster-checkin-interval", "soon");
        assertThatThrownBy(() -> MerchantConfiguration.from(t, DATA))
                .hasMessageContaining("camel.antom.routes.reconciliation.cluster-checkin-interval");

        Map<String, Object> u = minimal();
        u.put("camel.antom.jms.pool.maxConnections", "0");
        assertThatThrownBy(() -> MerchantConfiguration.from(u, DATA)).hasMessageContaining("camel.antom.jms.pool.maxConnections");
    }
}
