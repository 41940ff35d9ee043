package io.camelantom.simulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.AntomSimulatorMain;

/**
 * The setup a test needs to pay against the simulator: one merchant's key pair, a started simulator that knows it,
 * and the values a client is configured with. Free of JUnit and of Camel (the simulator has no Camel at runtime), so
 * it serves any test framework; the {@code antom} component takes {@link #componentOptions()} by name, for example
 * with Camel's {@code PropertyBindingSupport.bindProperties(context, component.getConfiguration(), options)}.
 *
 * <pre>{@code
 * try (SimulatorFixture antom = SimulatorFixture.builder("CLIENT_1").simulator(b -> b.timeScale(600)).start()) {
 *     ...
 *     assertThat(antom.simulator().chargeCount("order-42")).isEqualTo(1);
 * }
 * }</pre>
 *
 * @param clientId the merchant's client id, the component's {@code clientId}
 * @param merchantKeys the merchant's key pair: its public key is registered with the simulator, its private key signs
 *        requests
 * @param simulator the started simulator
 */
public record SimulatorFixture(String clientId, KeyPair merchantKeys, AntomSimulator simulator) implements AutoCloseable {

    /** File names of {@link #writeKeyFiles(Path)}: the same as the standalone simulator writes. */
    public static final String MERCHANT_PRIVATE_KEY_FILE = AntomSimulatorMain.MERCHANT_PRIVATE_KEY;
    public static final String ANTOM_PUBLIC_KEY_FILE = AntomSimulatorMain.ANTOM_PUBLIC_KEY;

    /** A fixture for the merchant {@code clientId}; nothing starts before {@link Builder#start()}. */
    public static Builder builder(String clientId) {
        return new Builder(clientId);
    }

    /** A started simulator for {@code clientId} with a new merchant key pair and the simulator's defaults. */
    public static SimulatorFixture start(String clientId) {
        return builder(clientId).start();
    }

    /** The merchant's private key as PKCS#8 PEM, the form the component's {@code privateKey} option takes. */
    public String merchantPrivateKeyPem() {
        return AntomKeys.toPem(merchantKeys.getPrivate());
    }

    /** The simulator's "Antom" public key as PEM, the component's {@code antomPublicKey}. */
    public String antomPublicKeyPem() {
        return simulator.antomPublicKeyPem();
    }

    /** The simulator's base URL, the component's {@code gatewayUrl}. */
    public String gatewayUrl() {
        return simulator.baseUrl();
    }

    /**
     * The {@code antom} component's options that point it at this simulator, by the component's option names:
     * {@code clientId}, {@code privateKey}, {@code antomPublicKey}, {@code gatewayUrl}. A new, modifiable map on each
     * call (Camel's property binding removes the entries it binds).
     */
    public Map<String, Object> componentOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("clientId", clientId);
        options.put("privateKey", merchantPrivateKeyPem());
        options.put("antomPublicKey", antomPublicKeyPem());
        options.put("gatewayUrl", gatewayUrl());
        return options;
    }

    /**
     * {@link #componentOptions()} as property placeholders named {@code prefix + option name}, e.g. with prefix
     * {@code "antom."} the placeholder {@code {{antom.gatewayUrl}}} (for routes, Kamelets and property files).
     */
    public Properties placeholders(String prefix) {
        Properties properties = new Properties();
        componentOptions().forEach((name, value) -> properties.setProperty(prefix + name, value.toString()));
        return properties;
    }

    /**
     * Writes the merchant's private key and the Antom public key as PEM files into {@code dir} (created when missing),
     * named as the standalone simulator names them, for applications configured with key files.
     */
    public KeyFiles writeKeyFiles(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateKey = Files.writeString(dir.resolve(MERCHANT_PRIVATE_KEY_FILE), merchantPrivateKeyPem());
            Path antomPublicKey = Files.writeString(dir.resolve(ANTOM_PUBLIC_KEY_FILE), antomPublicKeyPem());
            return new KeyFiles(privateKey, antomPublicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key files to " + dir, e);
        }
    }

    /** Stops the simulator. */
    @Override
    public void close() {
        simulator.close();
    }

    @Override
    public String toString() {
        // no key material
        return "SimulatorFixture[clientId=" + clientId + ", " + simulator + "]";
    }

    /** Where {@link #writeKeyFiles(Path)} put the merchant's private key and the Antom public key. */
    public record KeyFiles(Path merchantPrivateKey, Path antomPublicKey) {
    }

    /** Chooses the merchant's keys and the simulator's settings. */
    public static final class Builder {

        private final String clientId;
        private KeyPair merchantKeys;
        private Consumer<AntomSimulator.Builder> simulatorSettings = b -> {
        };

        private Builder(String clientId) {
            this.clientId = clientId;
        }

        /** The merchant's key pair (default: a new 2048-bit RSA pair; share one across tests to save its cost). */
        public Builder merchantKeys(KeyPair keys) {
            this.merchantKeys = keys;
            return this;
        }

        /**
         * Further settings of the simulator (time scale, delays, clock, HTTPS, more merchants); the merchant of this
         * fixture is registered already.
         */
        public Builder simulator(Consumer<AntomSimulator.Builder> settings) {
            this.simulatorSettings = settings;
            return this;
        }

        /** Starts the simulator (port 0 unless set: a free port). */
        public SimulatorFixture start() {
            KeyPair keys = merchantKeys != null ? merchantKeys : AntomKeys.generateRsaKeyPair(2048);
            AntomSimulator.Builder builder = AntomSimulator.builder().merchant(clientId, keys.getPublic());
            simulatorSettings.accept(builder);
            return new SimulatorFixture(clientId, keys, builder.build().start());
        }
    }
}
