package io.camelantom.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.camelantom.client.AntomRegion;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code antom:} component's options as Spring Boot properties {@code camel.component.antom.*}: every option of
 * the component's Camel metadata ({@code META-INF/io/camelantom/component/antom.json}), the same names in kebab case
 * ({@code camel.component.antom.client-id}). Non-null values are copied onto the component when Camel creates it; an
 * endpoint copies the component's values and applies its own URI options on top.
 * <p>
 * Differences to the Camel metadata, for Spring Boot's sake: the three durations are {@link Duration}s (a plain number
 * is milliseconds, as in Camel; {@code 5s} also works), and the two object options ({@code configuration},
 * {@code ssl-context-parameters}) are bean references ({@code #bean:name}) that Camel resolves.
 * No {@code toString()}: secrets ({@code private-key}, passwords, {@code agent-token}, proxy credentials) appear nowhere.
 */
@ConfigurationProperties(prefix = "camel.component.antom")
public class AntomComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the antom component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The component-level options as one bean: a reference to an io.camelantom.component.AntomConfiguration bean,
     * #bean:name (or #name). The single options below are applied on top of it.
     */
    private String configuration;

    /**
     * The merchant's client id from Antom Dashboard (required: set it on the component, e.g.
     * camel.component.antom.client-id, or on the endpoint). A client id starting with SANDBOX_ selects the sandbox
     * unless sandbox=false.
     */
    private String clientId;

    /**
     * An explicit gateway URL (https://host:port), e.g. another Antom host or the simulator; wins over region.
     */
    private String gatewayUrl;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The Antom API path for the call operation, e.g. /ams/api/v1/payments/consult.
     */
    private String path;

    /**
     * The Antom gateway region (documented hosts): NORTH_AMERICA (open-na-global.alipay.com), ASIA (open-sea-
     * global.alipay.com) or EUROPE (open-de-global.alipay.com). Ignored when gatewayUrl is set.
     */
    private AntomRegion region = AntomRegion.NORTH_AMERICA;

    /**
     * Whether to call Antom's sandbox: /ams/api becomes /ams/sandbox/api before signing. When not set, implied by a
     * client id starting with SANDBOX_.
     */
    private Boolean sandbox;

    /**
     * Whether an F (failed) answer raises an AntomFailureException. When false the exchange continues with the typed
     * response and the CamelAntomResult headers, for routes that branch on them.
     */
    private Boolean throwExceptionOnFailure = true;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Connect timeout (also the wait for a pooled connection). A number is milliseconds; 5s, 2m are accepted.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofMillis(5000);

    /**
     * The size of the endpoint's HTTP connection pool.
     */
    private Integer maxConnections = 20;

    /**
     * Automatic resends of the identical request (same body bytes) when the outcome is unknown (U, HTTP error,
     * timeout, unverifiable answer). 0 disables them; Camel redelivery does the same job.
     */
    private Integer maxRetries = 0;

    /**
     * How long to wait for Antom's answer. A timeout raises AntomRetryableException: the outcome is unknown. A
     * number is milliseconds; 5s, 2m are accepted.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration requestTimeout = Duration.ofMillis(15000);

    /**
     * The factor the delay grows by after each resend.
     */
    private Double retryBackoffMultiplier = 2.0;

    /**
     * The delay before the first automatic resend. A number is milliseconds; 5s, 2m are accepted.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryDelay = Duration.ofMillis(1000);

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * HTTP proxy host.
     */
    private String proxyHost;

    /**
     * HTTP proxy password. Secret: never logged; prefer an environment variable or a placeholder.
     */
    private String proxyPassword;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * HTTP proxy user name. Secret: never logged; prefer an environment variable or a placeholder.
     */
    private String proxyUsername;

    /**
     * The ISV agent token (agent-token header) issued in Antom Dashboard, when acting for a merchant. Secret: never
     * logged; prefer an environment variable or a placeholder.
     */
    private String agentToken;

    /**
     * Antom's public key(s) that verify answers: PEM or one-line base64. Several keys (key rotation) are separated
     * by commas; prefix a key with N: to use it only for keyVersion N.
     */
    private String antomPublicKey;

    /**
     * File(s) holding Antom's public key(s) (PEM, base64, DER or certificate), comma-separated; prefix a file with
     * N: to use it only for keyVersion N; prefix classpath: to read from the classpath.
     */
    private String antomPublicKeyFile;

    /**
     * The alias of the private key entry; the first key entry when not set.
     */
    private String keyAlias;

    /**
     * The password of the private key entry; the keystore password when not set. Secret: never logged; prefer an
     * environment variable or a placeholder.
     */
    private String keyPassword;

    /**
     * A keystore holding the merchant's private key (alternative to privateKey).
     */
    private String keyStoreFile;

    /**
     * The keystore password. Secret: never logged; prefer an environment variable or a placeholder.
     */
    private String keyStorePassword;

    /**
     * The keystore type.
     */
    private String keyStoreType = "PKCS12";

    /**
     * The keyVersion sent in the signature header (which of the client's keys signs).
     */
    private Integer keyVersion = 1;

    /**
     * The JCA provider that signs requests and verifies answers: auto (Amazon Corretto Crypto Provider when its jar is
     * on the class path and its native library loads, else the JDK), jdk, or accp (fail at startup without it). The
     * provider is used directly, never registered JVM-wide; the startup log and the producer health check name the
     * one in use.
     */
    private String signatureProvider = "auto";

    /**
     * The merchant's RSA private key: PEM (PKCS#8, PKCS#1, encrypted) or the one-line base64 form of Antom
     * Dashboard. Prefer privateKeyFile or a property placeholder to keep it out of URIs. Secret: never logged;
     * prefer an environment variable or a placeholder.
     */
    private String privateKey;

    /**
     * A file holding the merchant's private key (PEM, one-line base64, DER, or a .p12/.pfx keystore); prefix
     * classpath: to read a PEM or base64 key from the classpath.
     */
    private String privateKeyFile;

    /**
     * The password of an encrypted private key (or of a .p12/.pfx privateKeyFile). Secret: never logged; prefer an
     * environment variable or a placeholder.
     */
    private String privateKeyPassword;

    /**
     * Tunes the Apache HttpClient 5 builder of each endpoint, as camel-http's HttpClientConfigurer does: proxies,
     * request interceptors, a connection manager of your own (pools, TLS details). Called when the endpoint starts,
     * after the other options are applied; HTTP-level automatic retries stay off. A reference to an
     * io.camelantom.client.AntomHttpClientConfigurer bean: #bean:name (or #name).
     */
    private String httpClientConfigurer;

    /**
     * TLS configuration (trust store, key store, protocols) of the HTTPS connection to Antom. A reference to an
     * org.apache.camel.support.jsse.SSLContextParameters bean: #bean:name (or #name).
     */
    private String sslContextParameters;

    /**
     * Enable usage of global SSL context parameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * The Micrometer MeterRegistry the component records its Antom calls in (antom.calls, antom.call.resends). A
     * reference to an io.micrometer.core.instrument.MeterRegistry bean: #bean:name (or #name). When not set, the only
     * MeterRegistry bean (Spring Boot's, with the actuator), if Micrometer is present.
     */
    private String meterRegistry;

    /**
     * Whether every answer's signature is verified. An answer that fails verification is never trusted: it raises
     * AntomRetryableException. Switch off only for diagnosis.
     */
    private Boolean verifyResponseSignature = true;

    public String getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(String meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public String getConfiguration() {
        return configuration;
    }

    public void setConfiguration(String configuration) {
        this.configuration = configuration;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    public void setGatewayUrl(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public AntomRegion getRegion() {
        return region;
    }

    public void setRegion(AntomRegion region) {
        this.region = region;
    }

    public Boolean getSandbox() {
        return sandbox;
    }

    public void setSandbox(Boolean sandbox) {
        this.sandbox = sandbox;
    }

    public Boolean getThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(Boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Double getRetryBackoffMultiplier() {
        return retryBackoffMultiplier;
    }

    public void setRetryBackoffMultiplier(Double retryBackoffMultiplier) {
        this.retryBackoffMultiplier = retryBackoffMultiplier;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getAgentToken() {
        return agentToken;
    }

    public void setAgentToken(String agentToken) {
        this.agentToken = agentToken;
    }

    public String getAntomPublicKey() {
        return antomPublicKey;
    }

    public void setAntomPublicKey(String antomPublicKey) {
        this.antomPublicKey = antomPublicKey;
    }

    public String getAntomPublicKeyFile() {
        return antomPublicKeyFile;
    }

    public void setAntomPublicKeyFile(String antomPublicKeyFile) {
        this.antomPublicKeyFile = antomPublicKeyFile;
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    public void setKeyAlias(String keyAlias) {
        this.keyAlias = keyAlias;
    }

    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }

    public String getKeyStoreFile() {
        return keyStoreFile;
    }

    public void setKeyStoreFile(String keyStoreFile) {
        this.keyStoreFile = keyStoreFile;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    public String getKeyStoreType() {
        return keyStoreType;
    }

    public void setKeyStoreType(String keyStoreType) {
        this.keyStoreType = keyStoreType;
    }

    public String getSignatureProvider() {
        return signatureProvider;
    }

    public void setSignatureProvider(String signatureProvider) {
        this.signatureProvider = signatureProvider;
    }

    public Integer getKeyVersion() {
        return keyVersion;
    }

    public void setKeyVersion(Integer keyVersion) {
        this.keyVersion = keyVersion;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile;
    }

    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    public String getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(String httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getVerifyResponseSignature() {
        return verifyResponseSignature;
    }

    public void setVerifyResponseSignature(Boolean verifyResponseSignature) {
        this.verifyResponseSignature = verifyResponseSignature;
    }

    // ---------------------------------------------------------------- v2 in-store and RSA_AES

    /**
     * The Antom API family: v1 (AMS /ams/api/v1/..., default) or v2 (in-store POS /openapi/v2/payments/...: v2 bodies
     * mapped from the v1 models, Request-Time as ISO-8601 with milliseconds, RSA_AES encryption). v2 serves pay,
     * inquiryPayment and refund; other v2 APIs go through call.
     */
    private io.camelantom.client.AntomApiVersion apiVersion;

    /**
     * The path prefix of the v2 operations, also the signed URI (default /openapi/v2/payments/). UNCONFIRMED: Antom
     * documents https://host/openapi/v2/payments/ and lists the operations as /v2/payments/.
     */
    private String v2PathPrefix;

    /**
     * Whether request bodies are encrypted (and answers decrypted) with RSA_AES, the v2 Encrypt header. Default: on
     * for v2 (Antom's v2 header table marks Encrypt as required), refused for v1.
     */
    private Boolean encryption;

    /**
     * Antom's RSA public key that wraps each request's AES key: PEM or one-line base64. Default: the Antom public key
     * that verifies signatures (UNCONFIRMED whether Antom uses one key pair for both).
     */
    private String antomEncryptionPublicKey;

    /**
     * A file holding Antom's encryption public key (prefix classpath: to read from the classpath).
     */
    private String antomEncryptionPublicKeyFile;

    /**
     * The keyVersion sent in the Encrypt header. Default: keyVersion.
     */
    private Integer encryptionKeyVersion;

    /**
     * The merchant's RSA private key that unwraps AES keys of encrypted answers: PEM or one-line base64. Default: the
     * signing private key. Secret: never logged; prefer an environment variable or a placeholder.
     */
    private String decryptionPrivateKey;

    /**
     * A file holding the merchant's decryption private key (prefix classpath: to read from the classpath).
     */
    private String decryptionPrivateKeyFile;

    /**
     * The AES key size in bits (128, 192 or 256; default 256). UNCONFIRMED for Antom v2.
     */
    private Integer aesKeySize;

    /**
     * The form of each AES key: RANDOM_BYTES (default) or ASCII_STRING (random letters and digits used as key
     * bytes). UNCONFIRMED.
     */
    private io.camelantom.encryption.AesKeyForm aesKeyForm;

    /**
     * The AES mode: ECB (AES/ECB/PKCS5Padding, no IV; default) or CBC_ZERO_IV. UNCONFIRMED.
     */
    private io.camelantom.encryption.AesMode aesMode;

    /**
     * How RSA wraps the AES key: PKCS1 (default), OAEP_SHA1 or OAEP_SHA256. UNCONFIRMED.
     */
    private io.camelantom.encryption.RsaPadding rsaPadding;

    /**
     * How the wrapped AES key is written in the Encrypt header: URL_ENCODED_BASE64 (default) or BASE64.
     * UNCONFIRMED.
     */
    private io.camelantom.encryption.SymmetricKeyEncoding symmetricKeyEncoding;

    /**
     * The Content-Type of an encrypted request body (default application/json; charset=UTF-8). UNCONFIRMED.
     */
    private String encryptedContentType;

    /**
     * Which AES key decrypts an encrypted answer: AUTO (default), REQUEST_KEY or RESPONSE_HEADER. UNCONFIRMED.
     */
    private io.camelantom.encryption.ResponseKeyMode responseKeyMode;

    public io.camelantom.client.AntomApiVersion getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(io.camelantom.client.AntomApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getV2PathPrefix() {
        return v2PathPrefix;
    }

    public void setV2PathPrefix(String v2PathPrefix) {
        this.v2PathPrefix = v2PathPrefix;
    }

    public Boolean getEncryption() {
        return encryption;
    }

    public void setEncryption(Boolean encryption) {
        this.encryption = encryption;
    }

    public String getAntomEncryptionPublicKey() {
        return antomEncryptionPublicKey;
    }

    public void setAntomEncryptionPublicKey(String antomEncryptionPublicKey) {
        this.antomEncryptionPublicKey = antomEncryptionPublicKey;
    }

    public String getAntomEncryptionPublicKeyFile() {
        return antomEncryptionPublicKeyFile;
    }

    public void setAntomEncryptionPublicKeyFile(String antomEncryptionPublicKeyFile) {
        this.antomEncryptionPublicKeyFile = antomEncryptionPublicKeyFile;
    }

    public Integer getEncryptionKeyVersion() {
        return encryptionKeyVersion;
    }

    public void setEncryptionKeyVersion(Integer encryptionKeyVersion) {
        this.encryptionKeyVersion = encryptionKeyVersion;
    }

    public String getDecryptionPrivateKey() {
        return decryptionPrivateKey;
    }

    public void setDecryptionPrivateKey(String decryptionPrivateKey) {
        this.decryptionPrivateKey = decryptionPrivateKey;
    }

    public String getDecryptionPrivateKeyFile() {
        return decryptionPrivateKeyFile;
    }

    public void setDecryptionPrivateKeyFile(String decryptionPrivateKeyFile) {
        this.decryptionPrivateKeyFile = decryptionPrivateKeyFile;
    }

    public Integer getAesKeySize() {
        return aesKeySize;
    }

    public void setAesKeySize(Integer aesKeySize) {
        this.aesKeySize = aesKeySize;
    }

    public io.camelantom.encryption.AesKeyForm getAesKeyForm() {
        return aesKeyForm;
    }

    public void setAesKeyForm(io.camelantom.encryption.AesKeyForm aesKeyForm) {
        this.aesKeyForm = aesKeyForm;
    }

    public io.camelantom.encryption.AesMode getAesMode() {
        return aesMode;
    }

    public void setAesMode(io.camelantom.encryption.AesMode aesMode) {
        this.aesMode = aesMode;
    }

    public io.camelantom.encryption.RsaPadding getRsaPadding() {
        return rsaPadding;
    }

    public void setRsaPadding(io.camelantom.encryption.RsaPadding rsaPadding) {
        this.rsaPadding = rsaPadding;
    }

    public io.camelantom.encryption.SymmetricKeyEncoding getSymmetricKeyEncoding() {
        return symmetricKeyEncoding;
    }

    public void setSymmetricKeyEncoding(io.camelantom.encryption.SymmetricKeyEncoding symmetricKeyEncoding) {
        this.symmetricKeyEncoding = symmetricKeyEncoding;
    }

    public String getEncryptedContentType() {
        return encryptedContentType;
    }

    public void setEncryptedContentType(String encryptedContentType) {
        this.encryptedContentType = encryptedContentType;
    }

    public io.camelantom.encryption.ResponseKeyMode getResponseKeyMode() {
        return responseKeyMode;
    }

    public void setResponseKeyMode(io.camelantom.encryption.ResponseKeyMode responseKeyMode) {
        this.responseKeyMode = responseKeyMode;
    }
}
