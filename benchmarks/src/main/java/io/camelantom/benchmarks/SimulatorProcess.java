package io.camelantom.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The Antom simulator in its own JVM (HTTPS, generated keys in the run's folder), so its CPU is measured apart from
 * the application's and it does not share the application's heap or JIT.
 */
final class SimulatorProcess implements AutoCloseable {

    static final String CLIENT_ID = "BENCHMARK_CLIENT";
    private static final Pattern RUNNING = Pattern.compile("Antom simulator running: (\\S+)");
    private static final Pattern TRUST = Pattern.compile("TLS truststore \\(PKCS12, password (\\S+)\\): (\\S+)");

    final Process process;
    final String baseUrl;
    final Path keysDir;
    final Path trustStore;
    final String trustStorePassword;
    final SSLContext sslContext;
    private final HttpClient admin;

    private SimulatorProcess(Process process, String baseUrl, Path keysDir, Path trustStore, String trustStorePassword)
            throws Exception {
        this.process = process;
        this.baseUrl = baseUrl;
        this.keysDir = keysDir;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, trustStorePassword.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        sslContext = SSLContext.getInstance("TLS");
        sslContext.init(null, trust.getTrustManagers(), null);
        admin = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts the simulator from this JVM's class path and waits for its address. */
    static SimulatorProcess start(Path dir, String heap) throws Exception {
        Path keysDir = dir.resolve("simulator-keys");
        Files.createDirectories(keysDir);
        Path log = dir.resolve("simulator.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the JDK's HTTP server writes an answer's headers and body separately; without TCP_NODELAY each
                // answer waits for the client's delayed ACK (~40 ms), which would cap one caller at ~20 calls/s
                heap, "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
                "io.camelantom.simulator.AntomSimulatorMain",
                "--port", "0", "--https", "--keys-dir", keysDir.toString(), "--client-id", CLIENT_ID));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String baseUrl = null;
        String password = null;
        Path trustStore = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        String line;
        while ((baseUrl == null || trustStore == null) && System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher running = RUNNING.matcher(line);
            if (running.find()) {
                baseUrl = running.group(1);
            }
            Matcher trust = TRUST.matcher(line);
            if (trust.find()) {
                password = trust.group(1);
                trustStore = Path.of(trust.group(2));
            }
        }
        if (baseUrl == null || trustStore == null) {
            process.destroyForcibly();
            throw new IllegalStateException("The simulator did not start:\n" + seen);
        }
        Files.writeString(log, seen);
        Thread drain = new Thread(() -> {
            try (var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND)) {
                String rest;
                while ((rest = out.readLine()) != null) {
                    writer.write(rest);
                    writer.newLine();
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "simulator-output");
        drain.setDaemon(true);
        drain.start();
        return new SimulatorProcess(process, baseUrl, keysDir, trustStore, password);
    }

    Path merchantPrivateKey() {
        return keysDir.resolve("merchant-private-key.pem");
    }

    Path antomPrivateKey() {
        return keysDir.resolve("antom-private-key.pem");
    }

    Path antomPublicKey() {
        return keysDir.resolve("antom-public-key.pem");
    }

    /** Sets the latency the simulator adds to every API answer. */
    void latency(long millis) throws Exception {
        HttpResponse<String> response = admin.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMillis\":" + millis + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The simulator refused the latency fault: " + response.body());
        }
    }

    /** CPU time the simulator's process has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
