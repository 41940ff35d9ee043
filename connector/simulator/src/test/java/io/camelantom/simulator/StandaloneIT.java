package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelantom.signing.AntomKeys;

class StandaloneIT {

    @TempDir
    Path keysDir;

    private AntomSimulator start(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AntomSimulator simulator = AntomSimulatorMain.create(AntomSimulatorMain.Options.parse(args), new PrintStream(out, true,
                StandardCharsets.UTF_8)).start();
        AntomSimulatorMain.printAddress(simulator, new PrintStream(out, true, StandardCharsets.UTF_8));
        printed = out.toString(StandardCharsets.UTF_8);
        return simulator;
    }

    private String printed;

    @Test
    void generatesTheKeysAClientNeedsAndAcceptsRequestsSignedWithThem() throws Exception {
        try (AntomSimulator simulator = start("--port", "0", "--keys-dir", keysDir.toString())) {
            assertThat(printed).contains(simulator.baseUrl()).contains(AntomSimulatorMain.DEFAULT_CLIENT_ID)
                    .contains(keysDir.resolve("merchant-private-key.pem").toString())
                    .contains(keysDir.resolve("antom-public-key.pem").toString());
            PrivateKey merchantPrivate = AntomKeys.privateKey(keysDir.resolve("merchant-private-key.pem"), null);
            PublicKey merchantPublic = AntomKeys.publicKey(keysDir.resolve("merchant-public-key.pem"));
            PublicKey antomPublic = AntomKeys.publicKey(keysDir.resolve("antom-public-key.pem"));
            assertThat(antomPublic).isEqualTo(simulator.antomPublicKey());

            AntomTestClient client = new AntomTestClient(simulator.baseUrl(), AntomSimulatorMain.DEFAULT_CLIENT_ID,
                    new KeyPair(merchantPublic, merchantPrivate), antomPublic);
            assertThat(client.callVerified("pay", AntomTestClient.payRequest("standalone-1", "1000")).resultCode()).isEqualTo("SUCCESS");
        }
        // a second run reuses the keys, so a configured client keeps working
        PublicKey firstAntomKey = AntomKeys.publicKey(keysDir.resolve("antom-public-key.pem"));
        try (AntomSimulator again = start("--port", "0", "--keys-dir", keysDir.toString())) {
            assertThat(again.antomPublicKey()).isEqualTo(firstAntomKey);
            assertThat(printed).contains("Reusing");
        }
    }

    @Test
    void takesMerchantKeysAndTheAntomKeyFromFiles() throws Exception {
        KeyPair merchantA = AntomKeys.generateRsaKeyPair(2048);
        KeyPair antom = AntomKeys.generateRsaKeyPair(2048);
        Path merchantKeyFile = keysDir.resolve("a.pem");
        java.nio.file.Files.writeString(merchantKeyFile, AntomKeys.toPem(merchantA.getPublic()));
        Path antomKeyFile = keysDir.resolve("antom.pem");
        java.nio.file.Files.writeString(antomKeyFile, AntomKeys.toPem(antom.getPrivate()));
        try (AntomSimulator simulator = start("--port", "0", "--keys-dir", keysDir.resolve("out").toString(), "--client-id", "MERCHANT_A",
                "--merchant-public-key", merchantKeyFile.toString(), "--antom-private-key", antomKeyFile.toString(), "--time-scale", "10")) {
            assertThat(simulator.antomPublicKey()).isEqualTo(antom.getPublic());
            assertThat(simulator.clientIds()).containsExactly("MERCHANT_A");
            AntomTestClient client = new AntomTestClient(simulator.baseUrl(), "MERCHANT_A", merchantA, antom.getPublic());
            assertThat(client.callVerified("pay", AntomTestClient.payRequest("files-1", "1000")).resultCode()).isEqualTo("SUCCESS");
        }
    }

    @Test
    void httpsWritesTrustMaterialIntoTheKeysDir() throws Exception {
        try (AntomSimulator simulator = start("--port", "0", "--https", "--keys-dir", keysDir.toString())) {
            assertThat(simulator.baseUrl()).startsWith("https://");
            assertThat(simulator.trustStoreFile()).isEqualTo(keysDir.resolve("antom-simulator-truststore.p12"));
            assertThat(printed).contains("antom-simulator-truststore.p12");
        }
    }
}
