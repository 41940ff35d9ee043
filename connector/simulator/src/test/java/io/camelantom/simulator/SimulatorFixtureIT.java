package io.camelantom.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelantom.model.AntomJson;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.testing.InStorePayments;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test kit: what it hands a client is what the simulator it started accepts and signs with. */
class SimulatorFixtureIT {

    @TempDir
    Path dir;

    @Test
    void aClientConfiguredFromTheFixturePaysOnce() {
        try (SimulatorFixture antom = SimulatorFixture.builder("KIT_CLIENT").simulator(b -> b.timeScale(600)).start()) {
            assertThat(antom.componentOptions()).containsOnlyKeys("clientId", "privateKey", "antomPublicKey", "gatewayUrl")
                    .containsEntry("clientId", "KIT_CLIENT")
                    .containsEntry("gatewayUrl", antom.simulator().baseUrl())
                    .containsEntry("antomPublicKey", antom.simulator().antomPublicKeyPem())
                    .containsEntry("privateKey", AntomKeys.toPem(antom.merchantKeys().getPrivate()));
            AntomTestClient client = new AntomTestClient(antom.gatewayUrl(), antom.clientId(), antom.merchantKeys(),
                    AntomKeys.publicKey(antom.antomPublicKeyPem()));
            String body = new String(AntomJson.canonicalBytes(InStorePayments.userPresented("kit-1", "1000")),
                    StandardCharsets.UTF_8);

            AntomTestClient.Response paid = client.call("pay", body);
            client.verify(paid);
            assertThat(paid.resultCode()).isEqualTo("SUCCESS");
            assertThat(antom.simulator().chargeCount("kit-1")).isEqualTo(1);
            assertThat(antom.simulator().payment("kit-1").orElseThrow().status()).isEqualTo(PaymentStatus.SUCCESS);
        }
    }

    @Test
    void theLastTwoDigitsOfTheAmountChooseTheOutcome() {
        try (SimulatorFixture antom = SimulatorFixture.start("KIT_CLIENT")) {
            AntomTestClient client = new AntomTestClient(antom.gatewayUrl(), antom.clientId(), antom.merchantKeys(),
                    antom.simulator().antomPublicKey());
            String declined = new String(AntomJson.canonicalBytes(InStorePayments.userPresented("kit-51", "1051")),
                    StandardCharsets.UTF_8);
            assertThat(client.call("pay", declined).resultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
            assertThat(antom.simulator().chargeCount("kit-51")).isZero();
        }
    }

    @Test
    void anotherMerchantsKeyIsRefused() {
        try (SimulatorFixture antom = SimulatorFixture.start("KIT_CLIENT")) {
            AntomTestClient stranger = new AntomTestClient(antom.gatewayUrl(), antom.clientId(),
                    AntomKeys.generateRsaKeyPair(2048), antom.simulator().antomPublicKey());
            String body = new String(AntomJson.canonicalBytes(InStorePayments.userPresented("kit-stranger", "1000")),
                    StandardCharsets.UTF_8);
            assertThat(stranger.call("pay", body).resultCode()).isEqualTo("INVALID_SIGNATURE");
            assertThat(antom.simulator().payment("kit-stranger")).isEmpty();
        }
    }

    @Test
    void keyFilesAndPlaceholdersCarryTheSameValues() throws Exception {
        try (SimulatorFixture antom = SimulatorFixture.builder("KIT_CLIENT")
                .merchantKeys(SimulatorTestSupport.MERCHANT_KEYS).start()) {
            SimulatorFixture.KeyFiles files = antom.writeKeyFiles(dir.resolve("keys"));
            assertThat(files.merchantPrivateKey()).hasFileName("merchant-private-key.pem");
            assertThat(files.antomPublicKey()).hasFileName("antom-public-key.pem");
            assertThat(Files.readString(files.merchantPrivateKey()))
                    .isEqualTo(AntomKeys.toPem(SimulatorTestSupport.MERCHANT_KEYS.getPrivate()));
            assertThat(Files.readString(files.antomPublicKey())).isEqualTo(antom.antomPublicKeyPem());

            assertThat(antom.placeholders("antom.")).containsOnlyKeys("antom.clientId", "antom.privateKey",
                    "antom.antomPublicKey", "antom.gatewayUrl").containsEntry("antom.gatewayUrl", antom.gatewayUrl());
            // no key material in what a test log would show
            assertThat(antom.toString()).contains("KIT_CLIENT").doesNotContain("PRIVATE KEY")
                    .doesNotContain(antom.antomPublicKeyPem());
        }
    }

    @Test
    void closingStopsTheSimulator() {
        SimulatorFixture antom = SimulatorFixture.start("KIT_CLIENT");
        AntomTestClient client = new AntomTestClient(antom.gatewayUrl(), antom.clientId(), antom.merchantKeys(),
                antom.simulator().antomPublicKey());
        antom.close();
        assertThatThrownBy(() -> client.call("pay", "{}")).isInstanceOf(RuntimeException.class);
    }
}
