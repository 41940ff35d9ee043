package io.camelantom.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.camelantom.encryption.AntomEncryption;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;

/**
 * Everything an {@link AntomClient} needs, for one merchant (client id). Immutable; build it with {@link #builder()}.
 * {@link #toString()} shows no secret.
 */
public final class AntomClientConfiguration {

    /** Client ids of Antom's sandbox start with this prefix; Antom's SDK switches to the sandbox path on it. */
    public static final String SANDBOX_CLIENT_ID_PREFIX = "SANDBOX_";

    private final String clientId;
    private final AntomSigner signer;
    private final AntomVerifier verifier;
    private final String gatewayUrl;
    private final Boolean sandbox;
    private final String agentToken;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String proxyHost;
    private final int proxyPort;
    private final String proxyUsername;
    private final String proxyPassword;
    private final SSLContext sslContext;
    private final boolean verifyResponseSignature;
    private final int maxRetries;
    private final Duration retryDelay;
    private final double retryBackoffMultiplier;
    private final int maxConnections;
    private final Clock clock;
    private final AntomApiVersion apiVersion;
    private final AntomEncryption encryption;
    private final AntomHttpClientConfigurer httpClientConfigurer;
    private final java.util.function.Consumer<String> resendListener;

    private AntomClientConfiguration(Builder b) {
        this.clientId = requireText(b.clientId, "clientId");
        this.signer = Objects.requireNonNull(b.signer, "a signer (the merchant's private key) is required");
        this.verifyResponseSignature = b.verifyResponseSignature;
        if (verifyResponseSignature && b.verifier == null) {
            throw new IllegalArgumentException(
                    "Antom's public key is required to verify responses (or set verifyResponseSignature=false, not for production)");
        }
        this.verifier = b.verifier;
        String url = b.gatewayUrl != null && !b.gatewayUrl.isBlank() ? b.gatewayUrl.strip()
                : (b.region != null ? b.region : AntomRegion.NORTH_AMERICA).getGatewayUrl();
        this.gatewayUrl = normaliseGateway(url);
        this.sandbox = b.sandbox;
        this.agentToken = b.agentToken;
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        this.proxyHost = b.proxyHost;
        this.proxyPort = b.proxyPort;
        if (proxyHost != null && !proxyHost.isBlank() && (proxyPort <= 0 || proxyPort > 65535)) {
            throw new IllegalArgumentException("proxyPort: a port between 1 and 65535 is required with proxyHost");
        }
        this.proxyUsername = b.proxyUsername;
        this.proxyPassword = b.proxyPassword;
        this.sslContext = b.sslContext;
        if (b.maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries: must not be negative");
        }
        this.maxRetries = b.maxRetries;
        this.retryDelay = b.retryDelay == null || b.retryDelay.isNegative() ? Duration.ZERO : b.retryDelay;
        if (b.retryBackoffMultiplier < 1.0) {
            throw new IllegalArgumentException("retryBackoffMultiplier: must be 1.0 or more");
        }
        this.retryBackoffMultiplier = b.retryBackoffMultiplier;
        this.maxConnections = b.maxConnections <= 0 ? 200 : b.maxConnections;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.apiVersion = b.apiVersion == null ? AntomApiVersion.v1 : b.apiVersion;
        this.httpClientConfigurer = b.httpClientConfigurer;
        this.resendListener = b.resendListener != null ? b.resendListener : operation -> {
        };
        if (b.encryption != null && apiVersion != AntomApiVersion.v2) {
            throw new IllegalArgumentException("encryption: the RSA_AES Encrypt header belongs to the v2 APIs; set apiVersion=v2");
        }
        this.encryption = b.encryption;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds {@code https://} when no scheme is given and strips trailing slashes, as Antom's SDK does. */
    static String normaliseGateway(String url) {
        String u = url;
        if (!u.contains("://")) {
            u = "https://" + u;
        }
        String scheme = u.substring(0, u.indexOf("://")).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("gatewayUrl: only https (or http for a local simulator) is supported: " + url);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Whether requests go to the sandbox path: {@code sandbox} when set, else implied by a {@code SANDBOX_} client id. */
    public boolean isSandbox() {
        return sandbox != null ? sandbox : clientId.startsWith(SANDBOX_CLIENT_ID_PREFIX);
    }

    /**
     * The path actually sent and signed: in sandbox mode the first {@code /ams/api} becomes {@code /ams/sandbox/api}
     * (risk APIs excepted, as in Antom's SDK). Paths outside {@code /ams/api} are left alone.
     */
    public String resolvePath(String apiPath) {
        if (apiPath == null || !apiPath.startsWith("/")) {
            throw new IllegalArgumentException("path: an Antom API path starting with '/' is required, e.g. /ams/api/v1/payments/pay (got "
                                               + apiPath + ")");
        }
        if (isSandbox() && apiPath.startsWith("/ams/api/") && !apiPath.startsWith("/ams/api/v1/risk/")) {
            return "/ams/sandbox/api/" + apiPath.substring("/ams/api/".length());
        }
        return apiPath;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + ": must be a positive duration");
        }
        return d;
    }

    public String getClientId() {
        return clientId;
    }

    public AntomSigner getSigner() {
        return signer;
    }

    public AntomVerifier getVerifier() {
        return verifier;
    }

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    public Boolean getSandbox() {
        return sandbox;
    }

    public String getAgentToken() {
        return agentToken;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    public boolean isVerifyResponseSignature() {
        return verifyResponseSignature;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public double getRetryBackoffMultiplier() {
        return retryBackoffMultiplier;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public Clock getClock() {
        return clock;
    }

    public AntomApiVersion getApiVersion() {
        return apiVersion;
    }

    /** The RSA_AES encryption of request and answer bodies, {@code null} when off. */
    public AntomEncryption getEncryption() {
        return encryption;
    }

    /** The user's HTTP client configurer, or {@code null}. */
    public AntomHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /** Told the operation name each time the client resends a request on its own ({@code maxRetries}). */
    public java.util.function.Consumer<String> getResendListener() {
        return resendListener;
    }

    @Override
    public String toString() {
        return "AntomClientConfiguration[clientId=" + clientId + ", gateway=" + gatewayUrl + ", sandbox=" + isSandbox()
               + ", " + signer + ", verifyResponseSignature=" + verifyResponseSignature + ", connectTimeout="
               + connectTimeout + ", requestTimeout=" + requestTimeout + ", proxy="
               + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort) + ", maxRetries=" + maxRetries + ", apiVersion="
               + apiVersion + ", encryption=" + (encryption == null ? "off" : encryption) + "]";
    }

    /** Builder of {@link AntomClientConfiguration}. */
    public static final class Builder {
        private String clientId;
        private AntomSigner signer;
        private AntomVerifier verifier;
        private AntomRegion region;
        private String gatewayUrl;
        private Boolean sandbox;
        private String agentToken;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private String proxyHost;
        private int proxyPort;
        private String proxyUsername;
        private String proxyPassword;
        private SSLContext sslContext;
        private boolean verifyResponseSignature = true;
        private int maxRetries;
        private Duration retryDelay = Duration.ofSeconds(1);
        private double retryBackoffMultiplier = 2.0;
        private int maxConnections = 200;
        private Clock clock;
        private AntomApiVersion apiVersion;
        private AntomEncryption encryption;
        private AntomHttpClientConfigurer httpClientConfigurer;
        private java.util.function.Consumer<String> resendListener;

        private Builder() {
        }

        /** Told the operation name of every automatic resend (metrics); {@code null}: nobody. */
        public Builder resendListener(java.util.function.Consumer<String> resendListener) {
            this.resendListener = resendListener;
            return this;
        }

        /** Tunes the HTTP client builder after the options above are applied; {@code null}: none. */
        public Builder httpClientConfigurer(AntomHttpClientConfigurer httpClientConfigurer) {
            this.httpClientConfigurer = httpClientConfigurer;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder signer(AntomSigner signer) {
            this.signer = signer;
            return this;
        }

        public Builder verifier(AntomVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        public Builder region(AntomRegion region) {
            this.region = region;
            return this;
        }

        /** An explicit gateway ({@code https://host[:port]}); wins over {@link #region(AntomRegion)}. */
        public Builder gatewayUrl(String gatewayUrl) {
            this.gatewayUrl = gatewayUrl;
            return this;
        }

        /** {@code null} (default): sandbox when the client id starts with {@code SANDBOX_}. */
        public Builder sandbox(Boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        public Builder agentToken(String agentToken) {
            this.agentToken = agentToken;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder proxy(String host, int port) {
            this.proxyHost = host;
            this.proxyPort = port;
            return this;
        }

        public Builder proxyCredentials(String username, String password) {
            this.proxyUsername = username;
            this.proxyPassword = password;
            return this;
        }

        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder verifyResponseSignature(boolean verifyResponseSignature) {
            this.verifyResponseSignature = verifyResponseSignature;
            return this;
        }

        /** Automatic resends of the identical request on retryable outcomes; 0 (default) disables them. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
            return this;
        }

        public Builder retryBackoffMultiplier(double retryBackoffMultiplier) {
            this.retryBackoffMultiplier = retryBackoffMultiplier;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** The clock giving {@code request-time} (tests). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** {@code v1} (default) or {@code v2}: the time format of {@code request-time}, and whether encryption may be on. */
        public Builder apiVersion(AntomApiVersion apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /** RSA_AES encryption of bodies (v2 only); {@code null} (default) sends plain JSON. */
        public Builder encryption(AntomEncryption encryption) {
            this.encryption = encryption;
            return this;
        }

        public AntomClientConfiguration build() {
            return new AntomClientConfiguration(this);
        }
    }
}
