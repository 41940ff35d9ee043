package io.camelantom.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.camelantom.signing.AntomKeys;

/** Starts one simulator per test (port 0) with one merchant and a compressed time scale. */
abstract class SimulatorTestSupport {

    static final String CLIENT_ID = "SANDBOX_TEST_CLIENT";
    /** Generated once: RSA key generation is slow, and keys are no state the tests change. */
    static final KeyPair MERCHANT_KEYS = AntomKeys.generateRsaKeyPair(2048);
    static final KeyPair ANTOM_KEYS = AntomKeys.generateRsaKeyPair(2048);

    private static final AtomicInteger IDS = new AtomicInteger();

    AntomSimulator simulator;
    AntomTestClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Override to change the simulator; the default compresses Antom's schedule 600 times (2 min -> 0.2 s). */
    AntomSimulator.Builder configure(AntomSimulator.Builder builder) {
        return builder;
    }

    @BeforeEach
    void startSimulator() {
        start(builder -> configure(builder
                .timeScale(600)
                .processingDelay(Duration.ofSeconds(60))
                .slowResponseDelay(Duration.ofMillis(800))));
    }

    /** Replaces this test's simulator with one made of the merchant, the Antom keys and {@code options} (no defaults). */
    void restartSimulator(UnaryOperator<AntomSimulator.Builder> options) {
        simulator.close();
        start(options);
    }

    private void start(UnaryOperator<AntomSimulator.Builder> options) {
        simulator = options.apply(AntomSimulator.builder().merchant(CLIENT_ID, MERCHANT_KEYS.getPublic()).antomKeyPair(ANTOM_KEYS))
                .build().start();
        client = new AntomTestClient(simulator.baseUrl(), CLIENT_ID, MERCHANT_KEYS, simulator.antomPublicKey());
    }

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** A call to the simulator's admin API ({@code path} below its base URL), unsigned as an operator makes it. */
    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String newId(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }
}
