package io.camelantom.karaf;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelantom.karaf.MerchantSettings.DATA;
import static io.camelantom.karaf.MerchantSettings.read;
import static io.camelantom.karaf.MerchantSettings.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerchantConfigurationTest {

    @Test
    void merchantNameComesFromTheFileWhenNotSet() {
        MerchantConfiguration c = read();
        assertThat(c.merchant()).isEqualTo("shop1");
        assertThat(c.servletPath()).isEqualTo("/antom/shop1/notifications");
        assertThat(c.ledgerFolder()).isEqualTo(DATA.resolve("antom/shop1/ledger"));
        assertThat(c.maxNotificationSize()).isEqualTo(65536);
        assertThat(c.templates()).isEmpty();
    }

    @Test
    void componentOptionsAndTemplateParametersAreSplitByPrefix() {
        MerchantConfiguration c = read("merchant", "eu-store",
                "camel.component.antom.clientId", "CLIENT_1",
                "camel.component.antom.privateKeyFile", "/keys/merchant.pem",
                "camel.antom.routes.antom-order-bridge.ordersQueue", " erp.orders ",
                "camel.antom.routes.antom-order-bridge.enabled", "true",
                "camel.antom.routes.antom-notification-bridge.enabled", "true",
                "camel.antom.routes.antom-reconciliation.enabled", "false",
                "camel.antom.routes.antom-reconciliation.cron", "0 0/5 * * * ?");

        assertThat(c.merchant()).isEqualTo("eu-store");
        assertThat(c.componentOptions()).containsOnly(Map.entry("clientId", "CLIENT_1"),
                Map.entry("privateKeyFile", "/keys/merchant.pem"));
        assertThat(c.templates()).containsOnlyKeys("antom-order-bridge", "antom-notification-bridge");
        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("ordersQueue", "erp.orders"));
        assertThat(c.templates().get("antom-notification-bridge")).isEmpty();
    }

    @Test
    void acceptsTheKeysCamelMainAndSpringBootUse() {
        MerchantConfiguration c = read("camel.component.antom.client-id", "CLIENT_1",
                "camel.component.antom.antom-public-key-file", "/keys/antom.pem",
                "camel.antom.routes.order-bridge.orders-queue", "erp.orders",
                "camel.antom.routes.order-bridge.payment-notify-url", "https://shop.example/antom/notifications",
                "camel.antom.routes.reconciliation.enabled", "true");

        assertThat(c.componentOptions()).containsOnly(Map.entry("clientId", "CLIENT_1"),
                Map.entry("antomPublicKeyFile", "/keys/antom.pem"));
        assertThat(c.templates()).containsOnlyKeys("antom-order-bridge", "antom-reconciliation");
        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("ordersQueue", "erp.orders"),
                Map.entry("paymentNotifyUrl", "https://shop.example/antom/notifications"));
    }

    /** Issue 19's resend parameters need no Karaf code: every key under a template's prefix is passed. */
    @Test
    void passesTheResendParameters() {
        MerchantConfiguration c = read("camel.antom.routes.order-bridge.pay-resend-delay", "PT2S",
                "camel.antom.routes.order-bridge.pay-resend-traffic-limit-delay", "PT10S",
                "camel.antom.routes.order-bridge.pay-resend-window", "PT45S",
                "camel.antom.routes.reconciliation.pay-endpoint", "antom:pay?requestTimeout=5000");

        assertThat(c.templates().get("antom-order-bridge")).containsOnly(Map.entry("payResendDelay", "PT2S"),
                Map.entry("payResendTrafficLimitDelay", "PT10S"), Map.entry("payResendWindow", "PT45S"));
        assertThat(c.templates().get("antom-reconciliation")).containsOnly(
                Map.entry("payEndpoint", "antom:pay?requestTimeout=5000"));
    }

    @Test
    void missingBrokerIsRefusedByKey() {
        Map<String, Object> p = settings();
        p.remove(MerchantConfiguration.BROKER_URL);
        assertThatThrownBy(() -> MerchantConfiguration.from(p, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camel.antom.jms.brokerUrl");
    }

    @Test
    void toStringShowsNoValues() {
        assertThat(read("camel.component.antom.privateKey", "SECRET", "camel.antom.jms.password", "SECRET").toString())
                .doesNotContain("SECRET");
    }

    @Test
    void embeddedLedgerPooledJmsAndInMemoryQuartzByDefault() {
        MerchantConfiguration c = read();
        assertThat(c.ledgerDataSource()).isNull();
        assertThat(c.reconciliationCluster()).isNull();
        assertThat(c.jmsPool()).isEqualTo(new MerchantConfiguration.JmsPool(true, 1, 500));
    }

    @Test
    void productionKeysAreReadAndAreNotTemplateParameters() {
        MerchantConfiguration c = read("camel.antom.routes.ledger.data-source", "antomledger",
                "camel.antom.routes.ledger.table-prefix", "SHOP1_",
                "camel.antom.ledger.dataSourceWait", "5",
                "camel.antom.jms.pool.maxConnections", "2",
                "camel.antom.jms.pool.maxSessionsPerConnection", "100",
                "camel.antom.routes.order-bridge.orders-queue", "erp.orders",
                "camel.antom.routes.reconciliation.cron", "0 0/5 * * * ?",
                "camel.antom.routes.reconciliation.clustered", "true",
                "camel.antom.routes.reconciliation.cluster-instance-id", "node-1",
                "camel.antom.routes.reconciliation.cluster-checkin-interval", "20000");

        assertThat(c.ledgerDataSource()).isEqualTo(new MerchantConfiguration.LedgerDataSource("antomledger", 5));
        assertThat(c.jmsPool()).isEqualTo(new MerchantConfiguration.JmsPool(true, 2, 100));
        assertThat(c.reconciliationCluster()).isEqualTo(new MerchantConfiguration.ReconciliationCluster("node-1", 20000));
        assertThat(c.templates()).containsOnlyKeys("antom-order-bridge", "antom-reconciliation");
        assertThat(c.templates().get("antom-reconciliation"))
                .containsOnly(Map.entry("cron", "0 0/5 * * * ?"), Map.entry("tablePrefix", "SHOP1_"));
        assertThat(c.templates().get("antom-order-bridge")).containsEntry("tablePrefix", "SHOP1_");
    }

    /**
     * Each refused setting: the key the error must name, a part of the value it must not echo (a key, a filter
     * injection) or null, and the settings added to the minimal ones.
     */
    static Stream<Arguments> refusedSettings() {
        return Stream.of(
                refused("camel.antom.routes.antom-order-bridge", "SECRET",
                        "camel.component.antom.privateKey", "-----BEGIN PRIVATE KEY-----SECRET",
                        "camel.antom.routes.antom-order-bridge", "x"),
                refused("merchant", null, "merchant", "../etc"),
                refused("servletPath", null, "camel.antom.notifications.servletPath", "antom/"),
                refused("maxBodySize", null, "camel.antom.notifications.maxBodySize", "0"),
                refused("camel.antom.routes.ledger.data-source", "objectClass",
                        "camel.antom.routes.ledger.data-source", "x)(objectClass=*"),
                refused("camel.antom.routes.ledger.folder", null, "camel.antom.routes.ledger.folder", "/x"),
                refused("camel.antom.routes.reconciliation.clustered", null,
                        "camel.antom.routes.reconciliation.clustered", "true",
                        "camel.antom.routes.reconciliation.enabled", "false"),
                refused("camel.antom.routes.reconciliation.cluster-checkin-interval", null,
                        "camel.antom.routes.reconciliation.clustered", "true",
                        "camel.antom.routes.reconciliation.cluster-checkin-interval", "soon"),
                refused("camel.antom.jms.pool.maxConnections", null, "camel.antom.jms.pool.maxConnections", "0"));
    }

    private static Arguments refused(String namedKey, String notEchoed, String... keyValues) {
        return Arguments.of(namedKey, notEchoed, settings(keyValues));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSettings")
    void malformedSettingsAreRefusedNamingTheKey(String namedKey, String notEchoed, Map<String, Object> settings) {
        assertThatThrownBy(() -> MerchantConfiguration.from(settings, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(namedKey)
                .satisfies(e -> {
                    if (notEchoed != null) {
                        assertThat(e).hasMessageNotContaining(notEchoed);
                    }
                });
    }
}
