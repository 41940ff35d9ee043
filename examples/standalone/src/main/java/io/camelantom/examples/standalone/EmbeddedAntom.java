package io.camelantom.examples.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;

/**
 * The local Antom the demo pays against unless real credentials are configured: the simulator, with a merchant key
 * pair and an Antom key pair kept as PEM files under {@code <data>/simulator-keys}, so the {@code antom} component is
 * configured exactly as for Antom (client id, private key file, Antom public key file, gateway URL).
 */
record EmbeddedAntom(Path merchantPrivateKeyFile, Path antomPublicKeyFile, AntomSimulator simulator)
        implements AutoCloseable {

    static final String CLIENT_ID = "SIMULATOR_CLIENT";

    /**
     * @param timeScale          divides Antom's notification schedule and the simulated processing delay
     * @param processingDelay    real time after which a payment answered {@code U PAYMENT_IN_PROCESS} (61, 62) completes;
     *                           longer than the component's own resends, so that the notification settles it
     * @param orderCodeScanDelay real time after which the simulated customer scans an Order Code
     */
    static EmbeddedAntom start(Path keysDir, int port, double timeScale, Duration processingDelay,
            Duration orderCodeScanDelay) {
        return start(keysDir, port, timeScale, processingDelay, orderCodeScanDelay, false);
    }

    /** @param requireEncryption refuse v2 requests without the RSA_AES {@code Encrypt} header */
    static EmbeddedAntom start(Path keysDir, int port, double timeScale, Duration processingDelay,
            Duration orderCodeScanDelay, boolean requireEncryption) {
        KeyPair merchant = keyPair(keysDir, "merchant");
        KeyPair antom = keyPair(keysDir, "antom");
        AntomSimulator simulator = AntomSimulator.builder()
                .port(port)
                .merchant(CLIENT_ID, merchant.getPublic())
                .antomKeyPair(antom)
                .timeScale(timeScale)
                // the simulator divides its delays by the time scale: give it the delays that become the real ones
                .processingDelay(Duration.ofMillis((long) (processingDelay.toMillis() * timeScale)))
                .orderCodeScanDelay(Duration.ofMillis((long) (orderCodeScanDelay.toMillis() * timeScale)))
                .requireEncryption(requireEncryption)
                .build().start();
        return new EmbeddedAntom(keysDir.resolve("merchant-private-key.pem"), keysDir.resolve("antom-public-key.pem"),
                simulator);
    }

    /** The pair kept in {@code <name>-private-key.pem} / {@code <name>-public-key.pem}, made on the first run. */
    private static KeyPair keyPair(Path dir, String name) {
        Path privateFile = dir.resolve(name + "-private-key.pem");
        Path publicFile = dir.resolve(name + "-public-key.pem");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                return new KeyPair(AntomKeys.publicKey(publicFile), AntomKeys.privateKey(privateFile, null));
            }
            Files.createDirectories(dir);
            KeyPair pair = AntomKeys.generateRsaKeyPair(2048);
            Files.writeString(privateFile, AntomKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(publicFile, AntomKeys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
            return pair;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the simulator's keys in " + dir, e);
        }
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
