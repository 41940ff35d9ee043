package io.camelantom.examples.standalone;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same three route templates made from YAML ({@code dsl/antom-routes.yaml}) and XML ({@code dsl/antom-routes.xml})
 * instead of the Java DSL, with the README's queue names: the orders go through the routes those files make (the
 * order bridge, the notification bridge for the Order Code and the 61 payment, reconciliation for the lost
 * notification).
 */
class DslRoutesIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "xml" })
    void routesFromTheDslFilePayTheOrders(String dsl) throws Exception {
        Properties properties = DemoRun.readmeProperties("queues");
        properties.setProperty("demo.routes-dsl", dsl);
        DemoRun run = DemoRun.run(DemoRun.config(dir, properties), 5, Map.of());

        assertThat(run.output).contains(dsl.toUpperCase() + " DSL (classpath:dsl/antom-routes." + dsl + ")")
                .contains("orders queue    " + properties.getProperty("camel.antom.routes.order-bridge.orders-queue"))
                .contains("results queue   " + properties.getProperty("camel.antom.routes.order-bridge.results-queue"));
        StandaloneDemo.Report report = run.report;
        assertThat(report.complete()).isTrue();
        // paid, declined (51), Order Code, U then notification (61), notification lost (61, reconciliation)
        assertThat(report.counts().paid()).isEqualTo(4);
        assertThat(report.counts().failed()).isEqualTo(1);
        assertThat(report.counts().pending()).isZero();
        assertThat(report.counts().reconciled()).isEqualTo(1);
        assertThat(report.unexpectedOutcomes()).isEmpty();
        assertThat(report.chargeMismatches()).isZero();
    }
}
