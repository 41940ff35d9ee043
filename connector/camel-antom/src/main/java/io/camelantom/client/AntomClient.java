package io.camelantom.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.encryption.AntomEncryption;
import io.camelantom.encryption.AntomEncryptionException;
import io.camelantom.encryption.RsaAes;
import io.camelantom.model.AntomJson;
import io.camelantom.model.Result;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.SignatureHeader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Antom for one merchant: signs the exact body bytes it sends, verifies the answer's signature against the path
 * it sent, and sorts the outcome into success / failure / unknown.
 * <ul>
 * <li>{@code S} and {@code F} answers (verified) are returned as an {@link AntomReply}; {@link AntomReply#throwIfFailed()}
 * turns {@code F} into an {@link AntomFailureException}.</li>
 * <li>{@code U}, HTTP errors, timeouts, I/O errors and answers that cannot be verified raise an
 * {@link AntomRetryableException}. A {@code U} answer that asks the buyer to act (an order code to scan, a page to
 * open) is returned as a reply instead: resending cannot change it, the buyer has to act first.</li>
 * </ul>
 * With {@code maxRetries} &gt; 0 the client resends the <b>identical</b> body on retryable outcomes (only
 * {@code request-time} and the signature change), with exponential backoff.
 * <p>
 * One pooled keep-alive Apache HttpClient per instance: {@link #start()} creates it, {@link #close()} releases it. No
 * JVM-wide property or provider is touched, so several merchants can share a JVM. Thread-safe once started.
 */
public class AntomClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AntomClient.class);
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
    private static final ContentType JSON_UTF8 = ContentType.create("application/json", StandardCharsets.UTF_8);
    /** v2's Request-Time: ISO-8601 with milliseconds and offset, e.g. 2019-04-04T12:08:56.253+05:30 [doc]. */
    private static final java.time.format.DateTimeFormatter V2_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final AntomClientConfiguration configuration;
    private volatile CloseableHttpClient httpClient;
    /** The non-blocking client, made on first use (a client that only ever sends synchronously never has one). */
    private volatile CloseableHttpAsyncClient httpAsyncClient;
    /** Waits between non-blocking resends; a timer, not a thread per waiting request. */
    private volatile ScheduledExecutorService retryScheduler;

    public AntomClient(AntomClientConfiguration configuration) {
        this.configuration = configuration;
    }

    public AntomClientConfiguration getConfiguration() {
        return configuration;
    }

    /** Creates the pooled HTTP client. Idempotent. */
    public synchronized AntomClient start() {
        if (httpClient != null) {
            return this;
        }
        if (configuration.getGatewayUrl().startsWith("http://")) {
            LOG.warn("Antom gateway {} is plain HTTP: acceptable for a local simulator only", configuration.getGatewayUrl());
        }
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tlsStrategy())
                .setDefaultConnectionConfig(connectionConfig())
                .setMaxConnTotal(configuration.getMaxConnections())
                .setMaxConnPerRoute(configuration.getMaxConnections())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig())
                // retries are ours: an HTTP-level resend of a POST must never happen behind our back
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-antom");
        useProxy((proxy, credentials) -> builder.setProxy(proxy).setDefaultCredentialsProvider(credentials));
        if (configuration.getHttpClientConfigurer() != null) {
            configuration.getHttpClientConfigurer().configureHttpClient(builder);
            // whatever the configurer did: a POST is resent by us (identical bytes) or by Camel, never by HttpClient
            builder.disableAutomaticRetries();
        }
        httpClient = builder.build();
        LOG.debug("Started {}", configuration);
        return this;
    }

    // the settings both HTTP clients (blocking and non-blocking) are made with

    private DefaultClientTlsStrategy tlsStrategy() {
        return configuration.getSslContext() != null ? new DefaultClientTlsStrategy(configuration.getSslContext())
                : DefaultClientTlsStrategy.createDefault();
    }

    private ConnectionConfig connectionConfig() {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(configuration.getConnectTimeout()))
                .setSocketTimeout(Timeout.of(configuration.getRequestTimeout()))
                .setTimeToLive(TimeValue.ofMinutes(5))
                .build();
    }

    private RequestConfig requestConfig() {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(configuration.getConnectTimeout()))
                .setResponseTimeout(Timeout.of(configuration.getRequestTimeout()))
                .build();
    }

    /** Hands the configured proxy and its credentials to a client builder; does nothing when no proxy is set. */
    private void useProxy(BiConsumer<HttpHost, CredentialsProvider> builder) {
        if (configuration.getProxyHost() != null && !configuration.getProxyHost().isBlank()) {
            HttpHost proxy = new HttpHost(configuration.getProxyHost(), configuration.getProxyPort());
            builder.accept(proxy, proxyCredentials(proxy));
        }
    }

    /** The proxy's credentials, or null when none are configured (HttpClient then uses none). */
    private BasicCredentialsProvider proxyCredentials(HttpHost proxy) {
        if (configuration.getProxyUsername() == null) {
            return null;
        }
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        String password = configuration.getProxyPassword() == null ? "" : configuration.getProxyPassword();
        credentials.setCredentials(new AuthScope(proxy),
                new UsernamePasswordCredentials(configuration.getProxyUsername(), password.toCharArray()));
        return credentials;
    }

    /** The non-blocking HTTP client, made on first use with the same timeouts, pool size, TLS and proxy. */
    private CloseableHttpAsyncClient asyncClient() {
        CloseableHttpAsyncClient client = httpAsyncClient;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (httpClient == null) {
                throw new IllegalStateException("The Antom client is not started");
            }
            if (httpAsyncClient == null) {
                PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(tlsStrategy())
                        // Antom's gateway speaks HTTP/1.1 as the blocking client does
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .setDefaultConnectionConfig(connectionConfig())
                        .setMaxConnTotal(configuration.getMaxConnections())
                        .setMaxConnPerRoute(configuration.getMaxConnections())
                        .build();
                HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                        .setConnectionManager(connections)
                        // one I/O thread: signing happens on the caller's thread, verification is cheap
                        .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                        .setDefaultRequestConfig(requestConfig())
                        // retries are ours, as in the blocking client
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        .setUserAgent("camel-antom");
                useProxy((proxy, credentials) -> builder.setProxy(proxy).setDefaultCredentialsProvider(credentials));
                CloseableHttpAsyncClient created = builder.build();
                created.start();
                retryScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "camel-antom-resend-" + configuration.getClientId());
                    thread.setDaemon(true);
                    return thread;
                });
                httpAsyncClient = created;
            }
            return httpAsyncClient;
        }
    }

    /**
     * Whether {@link #sendAsync} is available: not when an {@link AntomHttpClientConfigurer} tunes the blocking client,
     * whose settings the non-blocking client could not honour.
     */
    public boolean supportsAsync() {
        return configuration.getHttpClientConfigurer() == null;
    }

    @Override
    public synchronized void close() {
        CloseableHttpClient client = httpClient;
        httpClient = null;
        if (client != null) {
            client.close(CloseMode.GRACEFUL);
        }
        ScheduledExecutorService scheduler = retryScheduler;
        retryScheduler = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        CloseableHttpAsyncClient async = httpAsyncClient;
        httpAsyncClient = null;
        if (async != null) {
            async.close(CloseMode.GRACEFUL);
        }
    }

    public boolean isStarted() {
        return httpClient != null;
    }

    /**
     * Sends a request, resending it on retryable outcomes when {@code maxRetries} &gt; 0.
     *
     * @param  operation               the operation name, for messages
     * @param  apiPath                 the production API path, e.g. {@code /ams/api/v1/payments/pay}
     * @param  body                    the exact body bytes to send (keep them to resend the identical request)
     * @return                         the verified S or F answer (or a U answer that waits for the buyer)
     * @throws AntomRetryableException when the outcome is unknown after every attempt
     */
    public AntomReply send(String operation, String apiPath, byte[] body) {
        return send(operation, apiPath, body, configuration.getMaxRetries());
    }

    /** As {@link #send(String, String, byte[])} with an explicit number of automatic retries. */
    public AntomReply send(String operation, String apiPath, byte[] body, int maxRetries) {
        Duration delay = configuration.getRetryDelay();
        for (int attempt = 1;; attempt++) {
            try {
                return sendOnce(operation, apiPath, body);
            } catch (AntomRetryableException e) {
                AntomRetryableException last = attempt > 1 ? e.withAttempts(attempt) : e;
                if (attempt > maxRetries) {
                    throw last;
                }
                Duration next = announceResend(operation, e, delay, attempt, maxRetries);
                if (!sleep(delay)) {
                    // interrupted (the route is stopping): the outcome is still unknown, say so
                    throw last;
                }
                delay = next;
            }
        }
    }

    /**
     * Logs and counts a resend that is about to wait {@code delay} (both the blocking and the non-blocking send);
     * returns the delay before the resend after it.
     */
    private Duration announceResend(String operation, AntomRetryableException e, Duration delay, int attempt, int maxRetries) {
        LOG.info("Antom {} outcome unknown ({}: {}); resending the identical request in {} ms (retry {} of {})",
                operation, e.getKind(), e.getMessage(), delay.toMillis(), attempt, maxRetries);
        configuration.getResendListener().accept(operation);
        return Duration.ofMillis((long) (delay.toMillis() * configuration.getRetryBackoffMultiplier()));
    }

    private static boolean sleep(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends a request once; see {@link #send(String, String, byte[])}. */
    public AntomReply sendOnce(String operation, String apiPath, byte[] body) {
        CloseableHttpClient client = httpClient;
        if (client == null) {
            throw new IllegalStateException("The Antom client is not started");
        }
        Prepared request = prepare(operation, apiPath, body);
        HttpPost post = new HttpPost(URI.create(request.uri()));
        request.headers().forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(request.wire(), request.contentType()));
        RawAnswer answer;
        try {
            answer = client.execute(post, response -> {
                HttpEntity entity = response.getEntity();
                byte[] bytes = entity == null ? new byte[0] : EntityUtils.toByteArray(entity, MAX_RESPONSE_BYTES);
                return rawAnswer(response, bytes);
            });
        } catch (IOException e) {
            throw transportFailure(operation, request.path(), e);
        }
        return interpret(operation, request.path(), answer, request.sealed());
    }

    /**
     * Sends a request without blocking the calling thread, resending it on retryable outcomes when {@code maxRetries}
     * &gt; 0 (the wait between two attempts is a scheduled task, not a sleeping thread). The future completes with what
     * {@link #send(String, String, byte[], int)} returns or throws ({@link AntomRetryableException} when the outcome is
     * still unknown). Completion runs on the HTTP client's I/O thread: chain blocking work with an executor of your own.
     */
    public CompletableFuture<AntomReply> sendAsync(String operation, String apiPath, byte[] body, int maxRetries) {
        CompletableFuture<AntomReply> result = new CompletableFuture<>();
        attemptAsync(operation, apiPath, body, maxRetries, 1, configuration.getRetryDelay(), result);
        return result;
    }

    /** As {@link #sendAsync(String, String, byte[], int)} with the configured {@code maxRetries}. */
    public CompletableFuture<AntomReply> sendAsync(String operation, String apiPath, byte[] body) {
        return sendAsync(operation, apiPath, body, configuration.getMaxRetries());
    }

    private void attemptAsync(String operation, String apiPath, byte[] body, int maxRetries, int attempt, Duration delay,
            CompletableFuture<AntomReply> result) {
        CompletableFuture<AntomReply> once;
        try {
            once = sendOnceAsync(operation, apiPath, body);
        } catch (RuntimeException e) {
            once = CompletableFuture.failedFuture(e);
        }
        once.whenComplete((reply, error) -> {
            if (error == null) {
                result.complete(reply);
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (!(cause instanceof AntomRetryableException e)) {
                result.completeExceptionally(cause);
                return;
            }
            AntomRetryableException last = attempt > 1 ? e.withAttempts(attempt) : e;
            ScheduledExecutorService scheduler = retryScheduler;
            if (attempt > maxRetries || scheduler == null) {
                result.completeExceptionally(last);
                return;
            }
            Duration next = announceResend(operation, e, delay, attempt, maxRetries);
            try {
                scheduler.schedule(() -> attemptAsync(operation, apiPath, body, maxRetries, attempt + 1, next, result),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the client is closing: the outcome is still unknown, say so
                result.completeExceptionally(last);
            }
        });
    }

    /** Sends a request once without blocking; see {@link #sendAsync(String, String, byte[], int)}. */
    public CompletableFuture<AntomReply> sendOnceAsync(String operation, String apiPath, byte[] body) {
        CloseableHttpAsyncClient client = asyncClient();
        Prepared request = prepare(operation, apiPath, body);
        SimpleHttpRequest post = SimpleHttpRequest.create("POST", URI.create(request.uri()));
        request.headers().forEach(post::setHeader);
        post.setBody(request.wire(), request.contentType());
        CompletableFuture<AntomReply> result = new CompletableFuture<>();
        client.execute(SimpleRequestProducer.create(post), SimpleResponseConsumer.create(),
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        try {
                            byte[] bytes = response.getBodyBytes() == null ? new byte[0] : response.getBodyBytes();
                            if (bytes.length > MAX_RESPONSE_BYTES) {
                                throw new IOException("the answer is larger than " + MAX_RESPONSE_BYTES + " bytes");
                            }
                            result.complete(interpret(operation, request.path(), rawAnswer(response, bytes), request.sealed()));
                        } catch (IOException e) {
                            result.completeExceptionally(transportFailure(operation, request.path(), e));
                        } catch (RuntimeException e) {
                            result.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(e instanceof IOException io
                                ? transportFailure(operation, request.path(), io)
                                : new AntomRetryableException(AntomRetryableException.Kind.IO_ERROR,
                                        "Antom " + operation + " " + request.path() + " failed with "
                                                + e.getClass().getSimpleName() + ": " + e.getMessage()
                                                + ": the outcome is unknown; resend the identical request or inquire",
                                        operation, request.path(), null, 0, 1, e));
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new AntomRetryableException(AntomRetryableException.Kind.IO_ERROR,
                                "Antom " + operation + " " + request.path() + " was cancelled (the client is stopping):"
                                        + " the outcome is unknown; resend the identical request or inquire",
                                operation, request.path(), null, 0, 1, null));
                    }
                });
        return result;
    }

    /** The signed (and, with RSA_AES, encrypted) request, the same for both HTTP clients. */
    private Prepared prepare(String operation, String apiPath, byte[] body) {
        String path = configuration.resolvePath(apiPath);
        String requestTime = configuration.getApiVersion() == AntomApiVersion.v2
                ? V2_TIME.format(configuration.getClock().instant().atZone(configuration.getClock().getZone()))
                : String.valueOf(configuration.getClock().millis());
        // encrypt first, then sign: the signature covers the ciphertext that is sent
        AntomEncryption encryption = configuration.getEncryption();
        RsaAes.Sealed sealed = encryption == null ? null : encryption.sealRequest(body);
        byte[] wire = sealed == null ? body : sealed.body();
        SignatureHeader signature = configuration.getSigner().sign("POST", path, configuration.getClientId(), requestTime, wire);

        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("client-id", configuration.getClientId());
        headers.put("request-time", requestTime);
        headers.put("signature", signature.format());
        if (sealed != null) {
            headers.put("encrypt", sealed.header());
        }
        if (configuration.getAgentToken() != null && !configuration.getAgentToken().isBlank()) {
            headers.put("agent-token", configuration.getAgentToken());
        }
        headers.put("Accept", "application/json");
        LOG.debug("Antom {} POST {} ({} body bytes)", operation, path, body.length);
        return new Prepared(configuration.getGatewayUrl() + path, path, wire, headers,
                sealed == null ? JSON_UTF8 : ContentType.parse(encryption.getContentType()), sealed);
    }

    private record Prepared(String uri, String path, byte[] wire, java.util.Map<String, String> headers,
            ContentType contentType, RsaAes.Sealed sealed) {
    }

    private RawAnswer rawAnswer(org.apache.hc.core5.http.HttpResponse response, byte[] bytes) {
        String responseTime = header(response.getFirstHeader("response-time"));
        if (responseTime == null && configuration.getApiVersion() == AntomApiVersion.v2) {
            // v2's header table names Request-Time on both sides [doc]
            responseTime = header(response.getFirstHeader("request-time"));
        }
        return new RawAnswer(response.getCode(), bytes, header(response.getFirstHeader("signature")),
                responseTime, header(response.getFirstHeader("client-id")), header(response.getFirstHeader("encrypt")));
    }

    private static AntomRetryableException transportFailure(String operation, String path, IOException e) {
        if (e instanceof InterruptedIOException) {
            // SocketTimeoutException, ConnectTimeoutException, ConnectionRequestTimeoutException
            return new AntomRetryableException(AntomRetryableException.Kind.TIMEOUT,
                    "Antom " + operation + " " + path + " timed out (" + e.getClass().getSimpleName()
                                                                       + "): the outcome is unknown; resend the identical request or inquire",
                    operation, path, null, 0, 1, e);
        }
        return new AntomRetryableException(AntomRetryableException.Kind.IO_ERROR,
                "Antom " + operation + " " + path + " failed with " + e.getClass().getSimpleName() + ": " + e.getMessage()
                                                                       + ": the outcome is unknown; resend the identical request or inquire",
                operation, path, null, 0, 1, e);
    }

    private AntomReply interpret(String operation, String path, RawAnswer wireAnswer, RsaAes.Sealed sealed) {
        RawAnswer answer = wireAnswer;
        Result claimed = parseResult(answer.body());
        if (answer.status() != 200) {
            AntomReply reply = new AntomReply(operation, path, answer.status(), answer.body(), claimed, false);
            throw new AntomRetryableException(AntomRetryableException.Kind.HTTP_ERROR,
                    "Antom " + operation + " " + path + " answered HTTP " + answer.status()
                                                                       + (claimed != null ? " (unverified: " + claimed + ")" : "")
                                                                       + ": the outcome is unknown; resend the identical request or inquire",
                    operation, path, reply, answer.status(), 1, null);
        }
        boolean verified = false;
        if (configuration.isVerifyResponseSignature()) {
            try {
                if (answer.clientId() != null && !answer.clientId().equals(configuration.getClientId())) {
                    // Antom echoes our client id; an answer for another client is not an answer to us
                    throw new AntomSignatureException(AntomSignatureException.Reason.MISSING_SIGNED_PART,
                            "the answer's client-id '" + answer.clientId() + "' is not ours");
                }
                configuration.getVerifier().verify("POST", path, configuration.getClientId(), answer.responseTime(),
                        answer.body(), answer.signature());
                verified = true;
            } catch (AntomSignatureException e) {
                AntomReply reply = new AntomReply(operation, path, answer.status(), answer.body(), claimed, false);
                String hint = claimed != null && answer.signature() == null
                        ? " Antom sends unsigned answers when it rejects the request itself (unverified claim: " + claimed
                          + "): check clientId, the private key and keyVersion."
                        : " Check the configured Antom public key(s).";
                throw new AntomRetryableException(AntomRetryableException.Kind.UNVERIFIED_RESPONSE,
                        "Antom " + operation + " " + path + ": the answer cannot be trusted, " + e.getMessage() + "." + hint
                                                                                    + " The outcome is unknown.",
                        operation, path, reply, answer.status(), 1, e);
            }
        }
        if (sealed != null && !AntomEncryption.looksLikeJson(answer.body())) {
            // verified over the ciphertext; now it must decrypt, or nothing in it is trusted
            try {
                byte[] plaintext = configuration.getEncryption().openAnswer(answer.body(), answer.encrypt(), sealed.key());
                answer = answer.withBody(plaintext);
                claimed = parseResult(plaintext);
            } catch (AntomEncryptionException e) {
                AntomReply reply = new AntomReply(operation, path, answer.status(), answer.body(), null, false);
                throw new AntomRetryableException(AntomRetryableException.Kind.UNDECRYPTABLE_RESPONSE,
                        "Antom " + operation + " " + path + ": the encrypted answer cannot be decrypted (" + e.getReason()
                                                                                                   + ": " + e.getMessage()
                                                                                                   + "). Check the decryption private key and the RSA_AES settings. The outcome is unknown.",
                        operation, path, reply, answer.status(), 1, e);
            }
        }
        // an answer in clear to an encrypted request is what Antom sends when it cannot use the request's key; its
        // signature was checked like any other
        AntomReply reply = new AntomReply(operation, path, answer.status(), answer.body(), claimed, verified);
        if (claimed == null || claimed.getResultStatus() == null) {
            throw new AntomRetryableException(AntomRetryableException.Kind.INVALID_RESPONSE,
                    "Antom " + operation + " " + path + " answered without a result: the outcome is unknown", operation, path,
                    reply, answer.status(), 1, null);
        }
        LOG.debug("Antom {} {} answered {}", operation, path, claimed);
        if (claimed.isUnknown() && !waitsForBuyer(answer.body())) {
            throw new AntomRetryableException(AntomRetryableException.Kind.RESULT_UNKNOWN,
                    "Antom " + operation + " " + path + " answered " + claimed
                                                                              + ": the outcome is not final; resend the identical request or inquire",
                    operation, path, reply, answer.status(), 1, null);
        }
        return reply;
    }

    /** A U answer with an order code or a redirect is the normal first step of Order Code and online payments. */
    private static boolean waitsForBuyer(byte[] body) {
        try {
            JsonNode tree = AntomJson.readTree(body);
            return tree.hasNonNull("orderCodeForm") || tree.hasNonNull("normalUrl")
                   || tree.path("redirectActionForm").hasNonNull("redirectUrl");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Result parseResult(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            // only the result is needed here: no tree of the whole answer
            return AntomJson.readObjectField(body, "result", Result.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String header(Header header) {
        return header == null ? null : header.getValue();
    }

    private record RawAnswer(int status, byte[] body, String signature, String responseTime, String clientId,
            String encrypt) {

        RawAnswer withBody(byte[] plaintext) {
            return new RawAnswer(status, plaintext, signature, responseTime, clientId, encrypt);
        }
    }

    @Override
    public String toString() {
        return "AntomClient[" + configuration + "]";
    }
}
