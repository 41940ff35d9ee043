package io.camelantom.examples.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import io.camelantom.examples.testing.PrometheusText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 in camel-main: with Camel's own metrics support switched on (camel-micrometer-prometheus,
 * {@code camel.metrics.enabled}, the management server), the demo's two first sample orders (one paid, one declined)
 * go through the real order bridge against the simulator over HTTP, and the management server's Prometheus text
 * shows the antom: component's calls and the templates' meters with those values.
 */
class MetricsIT {

    @TempDir
    Path dir;

    @Test
    void camelMainServesTheConnectorsMetricsAsPrometheusText() throws Exception {
        int managementPort = DemoRun.freePort();
        Properties p = new Properties();
        // one HTTP server for Antom's notifications and the management paths (/observe/...): with two, camel-main
        // 4.14's platform-http consumers look for the server on the default port
        p.setProperty("camel.server.port", Integer.toString(managementPort));
        p.setProperty("camel.metrics.enabled", "true");
        p.setProperty("camel.management.enabled", "true");
        p.setProperty("camel.management.metrics-enabled", "true");
        p.setProperty("camel.management.host", "127.0.0.1");
        p.setProperty("camel.management.port", Integer.toString(managementPort));
        p.setProperty("camel.antom.routes.reconciliation.enabled", "false");
        AtomicReference<String> scrape = new AtomicReference<>();

        DemoRun run = DemoRun.run(DemoRun.config(dir, p), 2, Map.of(), context -> {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                scrape.set(response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(run.report.counts().paid()).isEqualTo(1);
        assertThat(run.report.counts().failed()).isEqualTo(1);
        PrometheusText metrics = new PrometheusText(scrape.get());
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay", "outcome", "S", "result_code", "SUCCESS"))
                .isEqualTo(1);
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay", "outcome", "F", "result_code",
                "USER_BALANCE_NOT_ENOUGH")).isEqualTo(1);
        String bridge = "antom-order-bridge";
        assertThat(metrics.value("antom_orders_received_total", "name", bridge)).isEqualTo(2);
        assertThat(metrics.value("antom_results_published_total", "name", bridge, "status", "PAID")).isEqualTo(1);
        assertThat(metrics.value("antom_results_published_total", "name", bridge, "status", "FAILED")).isEqualTo(1);
        assertThat(metrics.valueOrZero("antom_orders_dead_letters_total")).isZero();
        assertThat(metrics.value("antom_payments_in_flight", "name", bridge)).isZero();
        assertThat(metrics.value("antom_ledger_payments", "name", bridge, "status", "PAID")).isEqualTo(1);
        assertThat(metrics.value("antom_ledger_payments", "name", bridge, "status", "FAILED")).isEqualTo(1);
        assertThat(metrics.value("antom_ledger_results_owed", "name", bridge)).isZero();
        // Camel's own route meters are served by the same registry
        assertThat(scrape.get()).contains("camel_exchanges_total");
    }
}
