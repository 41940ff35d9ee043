package io.camelantom.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.camelantom.encryption.ResponseKeyMode;
import io.camelantom.encryption.RsaAes;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSigner;
import io.camelantom.simulator.tls.TlsMaterial;

/**
 * A local Antom: a real HTTP(S) server that serves the v1 payments API, verifies merchants' request signatures, signs
 * its responses and notifications with its own "Antom" key, keeps payments, refunds and captures, and lets tests
 * steer outcomes (amount triggers), complete in-store flows and inject faults. Several instances may run in one JVM;
 * nothing is static or JVM-wide.
 *
 * <pre>{@code
 * try (AntomSimulator antom = AntomSimulator.builder().merchant("CLIENT_1", merchantKeys.getPublic()).build().start()) {
 *     // point the client at antom.baseUrl(), verify responses with antom.antomPublicKey()
 * }
 * }</pre>
 */
public final class AntomSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AntomSimulator.class);

    /** Antom's notification schedule: the wait before each delivery, counted from the previous one. */
    public static final List<Duration> ANTOM_NOTIFICATION_SCHEDULE = List.of(Duration.ZERO, Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6),
            Duration.ofHours(15));

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Builder config;
    private final Map<String, PublicKey> merchants;
    private final KeyPair antomKeyPair;
    private final Faults faults = new Faults();
    private static final int MAX_RECEIVED_REQUESTS = 1000;
    /** Guarded by itself: an ArrayDeque knows its size (a ConcurrentLinkedDeque counts its nodes on every size()). */
    private final java.util.Deque<ReceivedRequest> receivedRequests = new java.util.ArrayDeque<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final int instance = INSTANCES.incrementAndGet();

    private HttpServer server;
    private ExecutorService httpExecutor;
    private ScheduledExecutorService scheduler;
    private HttpClient notificationClient;
    private NotificationSender notifications;
    private PaymentsApi payments;
    private TlsMaterial tls;
    private String baseUrl;
    private boolean started;

    private AntomSimulator(Builder config) {
        this.config = config;
        this.merchants = Map.copyOf(config.merchants);
        this.antomKeyPair = config.antomKeyPair != null ? config.antomKeyPair : AntomKeys.generateRsaKeyPair(2048);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the server, starts the notification sender and returns {@code this}. */
    public synchronized AntomSimulator start() {
        if (started) {
            throw new IllegalStateException("the simulator is already started");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(config.host, config.port);
            if (config.https) {
                Path dir = config.trustMaterialDir != null ? config.trustMaterialDir
                        : Files.createTempDirectory("antom-simulator-tls-");
                tls = config.keyStoreFile != null ? TlsMaterial.fromKeyStoreFile(config.keyStoreFile, config.keyStorePassword, dir)
                        : TlsMaterial.selfSigned(config.host, dir);
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Antom simulator to " + config.host + ":" + config.port, e);
        }
        httpExecutor = Executors.newCachedThreadPool(daemonThreads("antom-simulator-" + instance + "-http"));
        scheduler = Executors.newScheduledThreadPool(4, daemonThreads("antom-simulator-" + instance + "-scheduler"));
        HttpClient.Builder notificationClientBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(httpExecutor);
        if (config.notificationSslContext != null) {
            notificationClientBuilder.sslContext(config.notificationSslContext);
        }
        notificationClient = notificationClientBuilder.build();

        String scheme = config.https ? "https" : "http";
        String host = "0.0.0.0".equals(config.host) || "::".equals(config.host) ? "127.0.0.1" : config.host;
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        baseUrl = scheme + "://" + host + ":" + server.getAddress().getPort();

        AmsJson json = new AmsJson(mapper, config.clock.getZone());
        AntomSigner signer = new AntomSigner(antomKeyPair.getPrivate(), config.antomKeyVersion);
        List<Duration> scaledSchedule = config.notificationSchedule.stream()
                .map(d -> Duration.ofNanos((long) (d.toNanos() / config.timeScale))).toList();
        notifications = new NotificationSender(scheduler, notificationClient, signer, faults, scaledSchedule, config.clock, json);
        payments = new PaymentsApi(new PaymentsApi.Settings(config.timeScale, config.cancelWindow, config.processingDelay,
                config.orderCodeScanDelay, config.cashierCompletionDelay, config.slowResponseDelay), config.clock, json,
                scheduler, notifications, () -> baseUrl);
        AmsApiHandler api = new AmsApiHandler(merchants, signer, config.antomKeyVersion, faults, payments, json, config.clock,
                new AmsApiHandler.Encryption(new RsaAes(config.encryptionSettings), antomKeyPair.getPrivate(),
                        config.requireEncryption, config.encryptedAnswerKey));
        AdminHandler admin = new AdminHandler(this, mapper);
        server.createContext("/", exchange -> dispatch(exchange, api, admin, receivedRequests));
        server.setExecutor(httpExecutor);
        server.start();
        scheduler.scheduleWithFixedDelay(this::expireDuePayments, 250, 250, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("Antom simulator listening on {} for client ids {}", baseUrl, merchants.keySet());
        return this;
    }

    private void expireDuePayments() {
        try {
            payments.expireDuePayments();
        } catch (RuntimeException e) {
            LOG.warn("expiry check failed", e);
        }
    }

    private static void dispatch(HttpExchange exchange, AmsApiHandler api, AdminHandler admin,
                                 java.util.Deque<ReceivedRequest> received) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (AmsApiHandler.isApiPath(path)) {
                record(exchange, path, received);
                api.handle(exchange);
            } else if (path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/cashier/")
                       || path.startsWith("/orderCode/")) {
                admin.handle(exchange);
            } else {
                byte[] body = ("{\"error\":\"not found: the Antom API is under /ams/api/v1/payments/, /openapi/v2/payments/, /v2/payments/ and "
                               + "/ams/sandbox/api/v1/payments/, the admin API under /admin/\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("failed to answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    private static void record(HttpExchange exchange, String path, java.util.Deque<ReceivedRequest> received) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), n -> new java.util.ArrayList<>()).addAll(values));
        headers.replaceAll((name, values) -> List.copyOf(values));
        ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(), path, headers);
        synchronized (received) {
            received.addLast(request);
            if (received.size() > MAX_RECEIVED_REQUESTS) {
                received.pollFirst();
            }
        }
    }

    /** Stops the server, pending notifications and timers. */
    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        server.stop(0);
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        LOG.info("Antom simulator on {} stopped", baseUrl);
    }

    // ------------------------------------------------------------ addresses and keys

    /** {@code http://127.0.0.1:<port>} or {@code https://...}, no trailing slash. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    public int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /** The public key clients configure as Antom's. */
    public PublicKey antomPublicKey() {
        return antomKeyPair.getPublic();
    }

    public String antomPublicKeyPem() {
        return AntomKeys.toPem(antomKeyPair.getPublic());
    }

    public int antomKeyVersion() {
        return config.antomKeyVersion;
    }

    /** The client ids this simulator accepts. */
    public java.util.Set<String> clientIds() {
        return merchants.keySet();
    }

    /** An SSLContext trusting the simulator's certificate (HTTPS mode), {@code null} in HTTP mode. */
    public SSLContext clientSslContext() {
        return tls == null ? null : tls.clientContext();
    }

    /** The PKCS#12 truststore written in HTTPS mode (password {@link #trustStorePassword()}), {@code null} in HTTP mode. */
    public Path trustStoreFile() {
        return tls == null ? null : tls.trustStoreFile();
    }

    /** The truststore's password ({@code changeit}; a truststore holds nothing secret). */
    public String trustStorePassword() {
        return TlsMaterial.TRUST_STORE_PASSWORD;
    }

    /** The server certificate as PEM, written in HTTPS mode, {@code null} in HTTP mode. */
    public Path certificatePemFile() {
        return tls == null ? null : tls.certificatePemFile();
    }

    // ------------------------------------------------------------ state and admin

    /** How many times money was taken for this paymentRequestId (0 or 1). */
    public int chargeCount(String paymentRequestId) {
        requireStarted();
        return payments.chargeCount(paymentRequestId);
    }

    public Optional<SimulatedPayment> payment(String paymentRequestId) {
        requireStarted();
        return payments.payment(paymentRequestId);
    }

    public List<SimulatedPayment> payments() {
        requireStarted();
        return payments.payments();
    }

    /** The customer scans the Order Code: the payment completes per its amount trigger, then the notification follows. */
    public void scanOrderCode(String paymentRequestId) {
        requireStarted();
        payments.scanOrderCode(paymentRequestId);
    }

    /** Finishes a PROCESSING payment (cashier, Order Code, U triggers): SUCCESS (money taken) or FAIL. */
    public void completePayment(String paymentRequestId, boolean success) {
        requireStarted();
        payments.completePayment(paymentRequestId, success);
    }

    public Faults faults() {
        return faults;
    }

    public List<NotificationAttempt> notificationAttempts(String paymentRequestId) {
        requireStarted();
        return notifications.attempts(paymentRequestId);
    }

    public List<NotificationAttempt> notificationAttempts() {
        requireStarted();
        return notifications.attempts();
    }

    /** The last API requests received (at most 1000), oldest first: method, path and headers, no body. */
    public List<ReceivedRequest> receivedRequests() {
        synchronized (receivedRequests) {
            return List.copyOf(receivedRequests);
        }
    }

    /** Forgets all payments, refunds, captures, notification attempts (pending resends stop), received requests and faults. */
    public void reset() {
        requireStarted();
        synchronized (receivedRequests) {
            receivedRequests.clear();
        }
        payments.reset();
        notifications.reset();
        faults.clear();
    }

    Optional<SimulatedPayment> paymentByIdOrCode(String idOrCode) {
        return payments.paymentByIdOrCode(idOrCode);
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started: call start() first");
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Checks a delay given to the builder or to {@link Faults}. */
    /** A port to bind, checked where the builder and the command line take it: 0 (any free port) to 65535. */
    static int validPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 0 and 65535");
        }
        return port;
    }

    /** A time scale, checked where the builder and the command line take it: a finite factor above zero. */
    static double validTimeScale(double factor, String what) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(what + " must be a positive number");
        }
        return factor;
    }

    static Duration nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        return d;
    }

    @Override
    public String toString() {
        return "AntomSimulator[" + (baseUrl == null ? "not started" : baseUrl) + ", clientIds=" + merchants.keySet() + "]";
    }

    // ------------------------------------------------------------ builder

    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private boolean https;
        private Path keyStoreFile;
        private char[] keyStorePassword;
        private Path trustMaterialDir;
        private final Map<String, PublicKey> merchants = new LinkedHashMap<>();
        private KeyPair antomKeyPair;
        private int antomKeyVersion = 1;
        private double timeScale = 1.0;
        private Clock clock = Clock.systemDefaultZone();
        private Duration cancelWindow = Duration.ofHours(24);
        private Duration processingDelay = Duration.ofSeconds(10);
        private Duration orderCodeScanDelay;
        private Duration cashierCompletionDelay;
        private Duration slowResponseDelay = Duration.ofSeconds(10);
        private List<Duration> notificationSchedule = ANTOM_NOTIFICATION_SCHEDULE;
        private SSLContext notificationSslContext;
        private boolean requireEncryption;
        private RsaAes.Settings encryptionSettings = RsaAes.Settings.defaults();
        private ResponseKeyMode encryptedAnswerKey = ResponseKeyMode.REQUEST_KEY;

        private Builder() {
        }

        /** Port to bind; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = validPort(port, "port");
            return this;
        }

        /** Address to bind, default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Serve HTTPS: a self-signed certificate is generated unless {@link #keyStore} is given. */
        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        /** A PKCS#12 keystore (first key entry) to serve HTTPS with, instead of a generated certificate. */
        public Builder keyStore(Path file, char[] password) {
            this.keyStoreFile = Objects.requireNonNull(file, "file");
            this.keyStorePassword = password == null ? null : password.clone();
            return this;
        }

        /** Where the truststore and certificate PEM are written in HTTPS mode; a new temp folder by default. */
        public Builder trustMaterialDir(Path dir) {
            this.trustMaterialDir = dir;
            return this;
        }

        /** Registers a merchant: its client id and the public key its requests are verified with. Repeatable. */
        public Builder merchant(String clientId, PublicKey merchantPublicKey) {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("clientId is required");
            }
            merchants.put(clientId, Objects.requireNonNull(merchantPublicKey, "merchantPublicKey"));
            return this;
        }

        /** The simulator's own "Antom" key pair; a 2048-bit pair is generated when absent. */
        public Builder antomKeyPair(KeyPair keyPair) {
            this.antomKeyPair = keyPair;
            return this;
        }

        public Builder antomKeyVersion(int keyVersion) {
            this.antomKeyVersion = keyVersion;
            return this;
        }

        /** Divides the notification schedule and the simulated delays (processing, auto-scan, cashier) by this factor. */
        public Builder timeScale(double factor) {
            this.timeScale = validTimeScale(factor, "timeScale");
            return this;
        }

        /** Time source for creation, expiry and cancel-window decisions and for the times in messages. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder cancelWindow(Duration window) {
            this.cancelWindow = positive(window, "cancelWindow");
            return this;
        }

        /** How long 61/62-trigger payments stay PROCESSING (scaled). Default 10 s. */
        public Builder processingDelay(Duration d) {
            this.processingDelay = nonNegative(d, "processingDelay");
            return this;
        }

        /** Order Codes are scanned automatically after this (scaled); {@code null} (default): only on request. */
        public Builder orderCodeScanDelay(Duration d) {
            this.orderCodeScanDelay = d == null ? null : nonNegative(d, "orderCodeScanDelay");
            return this;
        }

        /** Cashier payments complete automatically after this (scaled); {@code null} (default): only on request. */
        public Builder cashierCompletionDelay(Duration d) {
            this.cashierCompletionDelay = d == null ? null : nonNegative(d, "cashierCompletionDelay");
            return this;
        }

        /** Real (unscaled) delay of the slow-response trigger (71). Default 10 s. */
        public Builder slowResponseDelay(Duration d) {
            this.slowResponseDelay = nonNegative(d, "slowResponseDelay");
            return this;
        }

        /** Waits before each notification delivery, each counted from the previous one. Default Antom's. */
        public Builder notificationSchedule(List<Duration> schedule) {
            if (schedule == null || schedule.isEmpty()) {
                throw new IllegalArgumentException("the notification schedule needs at least one delivery");
            }
            schedule.forEach(d -> nonNegative(d, "notification schedule entry"));
            this.notificationSchedule = List.copyOf(schedule);
            return this;
        }

        /**
         * The TLS trust used to deliver notifications to {@code https} notify URLs (e.g. a merchant endpoint with a
         * test certificate); the JVM's default trust when absent. Verification is never switched off.
         */
        public Builder notificationSslContext(SSLContext sslContext) {
            this.notificationSslContext = sslContext;
            return this;
        }

        /** v2: refuse a request without the {@code Encrypt} header (F PARAM_ILLEGAL). Default false. */
        public Builder requireEncryption(boolean required) {
            this.requireEncryption = required;
            return this;
        }

        /**
         * v2: the RSA_AES settings (AES mode, RSA padding, key size of the answer keys it makes, header encoding); the
         * simulator's "Antom" key pair is also its encryption key pair. Default {@link RsaAes.Settings#defaults()}.
         */
        public Builder encryptionSettings(RsaAes.Settings settings) {
            this.encryptionSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * v2: how an answer to an encrypted request is encrypted: {@link ResponseKeyMode#REQUEST_KEY} (default, with the
         * request's AES key, no header) or {@link ResponseKeyMode#RESPONSE_HEADER} (a fresh key wrapped with the
         * merchant's public key, in the answer's own {@code Encrypt} header).
         */
        public Builder encryptedAnswerKey(ResponseKeyMode mode) {
            this.encryptedAnswerKey = mode == ResponseKeyMode.RESPONSE_HEADER ? mode : ResponseKeyMode.REQUEST_KEY;
            return this;
        }

        public AntomSimulator build() {
            if (merchants.isEmpty()) {
                throw new IllegalStateException("register at least one merchant (client id and merchant public key)");
            }
            return new AntomSimulator(this);
        }

        private static Duration positive(Duration d, String what) {
            if (nonNegative(d, what).isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }

        @Override
        public String toString() {
            return "AntomSimulator.Builder[port=" + port + ", https=" + https + ", clientIds=" + merchants.keySet() + "]";
        }
    }
}
