package io.camelantom.examples.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.PaymentStatus;
import io.camelantom.simulator.SimulatedPayment;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "switch to Antom's sandbox" properties, as a --config file, with "Antom" played by a simulator the
 * test starts (which serves the sandbox path a SANDBOX_ client id selects as well): the demo starts no simulator of its own, signs
 * with the configured key files and sends the configured notification URL. No code change, only configuration.
 */
class ExternalAntomIT {

    @TempDir
    Path dir;

    @Test
    void antomCredentialsInTheConfigSwitchFromTheEmbeddedSimulator() throws Exception {
        Properties sandbox = DemoRun.readmeProperties("sandbox");
        assertThat(sandbox.stringPropertyNames()).containsExactlyInAnyOrder("camel.component.antom.client-id",
                "camel.component.antom.private-key-file", "camel.component.antom.antom-public-key-file",
                "camel.component.antom.region", "camel.antom.routes.order-bridge.payment-notify-url");
        String clientId = sandbox.getProperty("camel.component.antom.client-id");
        assertThat(clientId).startsWith("SANDBOX_");

        try (SimulatorFixture simulator = SimulatorFixture.builder(clientId)
                .simulator(b -> b.timeScale(60).orderCodeScanDelay(Duration.ofSeconds(60))).start()) {
            AntomSimulator antom = simulator.simulator();
            SimulatorFixture.KeyFiles keys = simulator.writeKeyFiles(dir);
            int port = DemoRun.freePort();
            // the snippet's keys with this machine's values; the gateway URL instead of the region points at "Antom"
            sandbox.setProperty("camel.component.antom.private-key-file", keys.merchantPrivateKey().toString());
            sandbox.setProperty("camel.component.antom.antom-public-key-file", keys.antomPublicKey().toString());
            sandbox.remove("camel.component.antom.region");
            sandbox.setProperty("camel.component.antom.gateway-url", antom.baseUrl());
            sandbox.setProperty("camel.antom.routes.order-bridge.payment-notify-url",
                    "http://127.0.0.1:" + port + "/antom/notifications");
            sandbox.setProperty("camel.server.port", Integer.toString(port));

            DemoRun run = DemoRun.run(DemoRun.config(dir, sandbox), 4, Map.of());

            assertThat(run.output).contains("Antom, client id " + clientId + ", gateway " + antom.baseUrl())
                    .doesNotContain("simulator at");
            assertThat(run.report.complete()).isTrue();
            // paid, declined (51), Order Code (scanned by "Antom"), U then notification (61)
            assertThat(run.report.counts().paid()).isEqualTo(3);
            assertThat(run.report.counts().failed()).isEqualTo(1);
            assertThat(antom.payments()).hasSize(4);
            assertThat(antom.payments()).allSatisfy(p -> assertThat(p.chargeCount())
                    .isEqualTo(p.status() == PaymentStatus.SUCCESS ? 1 : 0));
            assertThat(antom.payments()).map(SimulatedPayment::notifyUrl).filteredOn(u -> u != null)
                    .allMatch(u -> u.equals("http://127.0.0.1:" + port + "/antom/notifications"));
            // the Order Code and the 61 payment were settled by notifications the demo's notification bridge acknowledged
            assertThat(antom.notificationAttempts()).filteredOn(a -> a.acknowledged()).hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
