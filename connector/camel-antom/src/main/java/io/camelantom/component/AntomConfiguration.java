package io.camelantom.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelantom.client.AntomApiVersion;
import io.camelantom.client.AntomClientConfiguration;
import io.camelantom.client.AntomHttpClientConfigurer;
import io.camelantom.client.AntomRegion;
import io.camelantom.encryption.AesKeyForm;
import io.camelantom.encryption.AesMode;
import io.camelantom.encryption.AntomEncryption;
import io.camelantom.encryption.ResponseKeyMode;
import io.camelantom.encryption.RsaAes;
import io.camelantom.encryption.RsaPadding;
import io.camelantom.encryption.SymmetricKeyEncoding;
import io.camelantom.signing.AntomKeyException;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of the {@code antom:} component. Set at component level they are the defaults of every endpoint; an
 * endpoint copies them and applies its own options on top. {@link #toString()} shows no secret.
 */
@UriParams
public class AntomConfiguration implements Cloneable {

    private static final Pattern VERSIONED = Pattern.compile("^(\\d+):(.+)$", Pattern.DOTALL);

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private AntomOperation operation;

    // required, but usually set once on the component: not marked required so that Camel's catalog (IDEs, Kaoto,
    // camel-report-maven-plugin:validate) accepts antom:pay; the endpoint checks it when it starts
    @UriParam(description = "The merchant's client id from Antom Dashboard (required: set it on the component, e.g."
                            + " camel.component.antom.client-id, or on the endpoint). A client id starting with SANDBOX_ selects"
                            + " the sandbox unless sandbox=false.")
    private String clientId;
    @UriParam(description = "The Antom gateway region (documented hosts): NORTH_AMERICA (open-na-global.alipay.com), ASIA"
                            + " (open-sea-global.alipay.com) or EUROPE (open-de-global.alipay.com). Ignored when gatewayUrl is set.",
              defaultValue = "NORTH_AMERICA")
    private AntomRegion region = AntomRegion.NORTH_AMERICA;
    @UriParam(description = "An explicit gateway URL (https://host[:port]), e.g. another Antom host or the simulator; wins over region.")
    private String gatewayUrl;
    @UriParam(description = "Whether to call Antom's sandbox: /ams/api becomes /ams/sandbox/api before signing. When not set,"
                            + " implied by a client id starting with SANDBOX_.")
    private Boolean sandbox;
    @UriParam(description = "The Antom API path for the call operation, e.g. /ams/api/v1/payments/consult.")
    private String path;
    @UriParam(description = "Whether an F (failed) answer raises an AntomFailureException. When false the exchange continues"
                            + " with the typed response and the CamelAntomResult* headers, for routes that branch on them.",
              defaultValue = "true")
    private boolean throwExceptionOnFailure = true;

    @UriParam(label = "security", secret = true,
              description = "The merchant's RSA private key: PEM (PKCS#8, PKCS#1, encrypted) or the one-line base64 form of"
                            + " Antom Dashboard. Prefer privateKeyFile or a property placeholder to keep it out of URIs.")
    private String privateKey;
    @UriParam(label = "security",
              description = "A file holding the merchant's private key (PEM, one-line base64, DER, or a .p12/.pfx keystore);"
                            + " prefix classpath: to read a PEM or base64 key from the classpath.")
    private String privateKeyFile;
    @UriParam(label = "security", secret = true,
              description = "The password of an encrypted private key (or of a .p12/.pfx privateKeyFile).")
    private String privateKeyPassword;
    @UriParam(label = "security", description = "A keystore holding the merchant's private key (alternative to privateKey).")
    private String keyStoreFile;
    @UriParam(label = "security", defaultValue = "PKCS12", description = "The keystore type.")
    private String keyStoreType = "PKCS12";
    @UriParam(label = "security", secret = true, description = "The keystore password.")
    private String keyStorePassword;
    @UriParam(label = "security", description = "The alias of the private key entry; the first key entry when not set.")
    private String keyAlias;
    @UriParam(label = "security", secret = true,
              description = "The password of the private key entry; the keystore password when not set.")
    private String keyPassword;
    @UriParam(label = "security", defaultValue = "1",
              description = "The keyVersion sent in the signature header (which of the client's keys signs).")
    private int keyVersion = 1;
    @UriParam(label = "security", defaultValue = "auto", enums = "auto,jdk,accp",
              description = "The JCA provider that signs requests and verifies answers: auto (Amazon Corretto Crypto Provider"
                            + " when its jar is on the class path and its native library loads, else the JDK), jdk, or accp"
                            + " (fail at startup without it). The provider is used directly, never registered JVM-wide;"
                            + " the startup log and the producer health check name the one in use.")
    private String signatureProvider = "auto";
    @UriParam(label = "security",
              description = "Antom's public key(s) that verify answers: PEM or one-line base64. Several keys (key rotation) are"
                            + " separated by commas; prefix a key with N: to use it only for keyVersion N.")
    private String antomPublicKey;
    @UriParam(label = "security",
              description = "File(s) holding Antom's public key(s) (PEM, base64, DER or certificate), comma-separated; prefix a"
                            + " file with N: to use it only for keyVersion N; prefix classpath: to read from the classpath.")
    private String antomPublicKeyFile;
    @UriParam(label = "security", defaultValue = "true",
              description = "Whether every answer's signature is verified. An answer that fails verification is never trusted:"
                            + " it raises AntomRetryableException. Switch off only for diagnosis.")
    private boolean verifyResponseSignature = true;
    @UriParam(label = "security", secret = true,
              description = "The ISV agent token (agent-token header) issued in Antom Dashboard, when acting for a merchant.")
    private String agentToken;
    @UriParam(label = "security",
              description = "TLS configuration (trust store, key store, protocols) of the HTTPS connection to Antom.")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration",
              description = "Connect timeout (also the wait for a pooled connection).")
    private long connectTimeout = 5000;
    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration",
              description = "How long to wait for Antom's answer. A timeout raises AntomRetryableException: the outcome is unknown.")
    private long requestTimeout = 15000;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "Automatic resends of the identical request (same body bytes) when the outcome is unknown (U, HTTP"
                            + " error, timeout, unverifiable answer). 0 disables them; Camel redelivery does the same job.")
    private int maxRetries;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration",
              description = "The delay before the first automatic resend.")
    private long retryDelay = 1000;
    @UriParam(label = "advanced", defaultValue = "2.0", description = "The factor the delay grows by after each resend.")
    private double retryBackoffMultiplier = 2.0;
    @UriParam(label = "advanced", defaultValue = "200", description = "The size of the endpoint's HTTP connection pool: the most Antom calls in flight at once (the order bridge grows to 200 consumers by default).")
    private int maxConnections = 200;

    @UriParam(label = "advanced",
              description = "Tunes the Apache HttpClient 5 builder of each endpoint, as camel-http's HttpClientConfigurer does:"
                            + " proxies, request interceptors, a connection manager of your own (pools, TLS details). Called"
                            + " when the endpoint starts, after the options above are applied; HTTP-level automatic retries stay"
                            + " off. Reference a bean, e.g. #bean:myConfigurer.")
    private AntomHttpClientConfigurer httpClientConfigurer;

    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;
    @UriParam(label = "proxy", secret = true, description = "HTTP proxy user name.")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true, description = "HTTP proxy password.")
    private String proxyPassword;

    @UriParam(label = "v2", defaultValue = "v1",
              description = "The Antom API family: v1 (AMS /ams/api/v1/...) or v2 (in-store POS /openapi/v2/payments/...:"
                            + " v2 bodies mapped from the v1 models, Request-Time as ISO-8601 with milliseconds, RSA_AES"
                            + " encryption). v2 serves pay, inquiryPayment and refund; other v2 APIs go through call.")
    private AntomApiVersion apiVersion = AntomApiVersion.v1;
    @UriParam(label = "v2", defaultValue = "/openapi/v2/payments/",
              description = "The path prefix of the v2 operations, also the signed URI. UNCONFIRMED: Antom documents"
                            + " https://host/openapi/v2/payments/<op> and lists the operations as /v2/payments/<op>.")
    private String v2PathPrefix = "/openapi/v2/payments/";
    @UriParam(label = "v2",
              description = "Whether request bodies are encrypted (and answers decrypted) with RSA_AES, the v2 Encrypt header."
                            + " Default: on for v2 (Antom's v2 header table marks Encrypt as required), refused for v1.")
    private Boolean encryption;
    @UriParam(label = "v2,security",
              description = "Antom's RSA public key that wraps each request's AES key: PEM or one-line base64. Default: the"
                            + " Antom public key that verifies signatures (UNCONFIRMED whether Antom uses one key pair for both).")
    private String antomEncryptionPublicKey;
    @UriParam(label = "v2,security",
              description = "A file holding Antom's encryption public key (prefix classpath: to read from the classpath).")
    private String antomEncryptionPublicKeyFile;
    @UriParam(label = "v2,security",
              description = "The keyVersion sent in the Encrypt header. Default: keyVersion.")
    private Integer encryptionKeyVersion;
    @UriParam(label = "v2,security", secret = true,
              description = "The merchant's RSA private key that unwraps AES keys of encrypted answers: PEM or one-line base64."
                            + " Default: the signing private key. Uses privateKeyPassword when encrypted.")
    private String decryptionPrivateKey;
    @UriParam(label = "v2,security",
              description = "A file holding the merchant's decryption private key (prefix classpath: to read from the classpath).")
    private String decryptionPrivateKeyFile;
    @UriParam(label = "v2,security", defaultValue = "256",
              description = "The AES key size in bits (128, 192 or 256); Alipay recommends 256. UNCONFIRMED for Antom v2.")
    private int aesKeySize = 256;
    @UriParam(label = "v2,security", defaultValue = "RANDOM_BYTES",
              description = "The form of each AES key: RANDOM_BYTES, or ASCII_STRING (random letters and digits used as key"
                            + " bytes, as ZOLOZ's clients do). UNCONFIRMED.")
    private AesKeyForm aesKeyForm = AesKeyForm.RANDOM_BYTES;
    @UriParam(label = "v2,security", defaultValue = "ECB",
              description = "The AES mode: ECB (AES/ECB/PKCS5Padding, no IV, every Ant gateway found) or CBC_ZERO_IV"
                            + " (AES/CBC/PKCS5Padding, zero IV). UNCONFIRMED.")
    private AesMode aesMode = AesMode.ECB;
    @UriParam(label = "v2,security", defaultValue = "PKCS1",
              description = "How RSA wraps the AES key: PKCS1 (RSA/ECB/PKCS1Padding), OAEP_SHA1 or OAEP_SHA256. UNCONFIRMED.")
    private RsaPadding rsaPadding = RsaPadding.PKCS1;
    @UriParam(label = "v2,security", defaultValue = "URL_ENCODED_BASE64",
              description = "How the wrapped AES key is written in the Encrypt header's symmetricKey: URL_ENCODED_BASE64 or"
                            + " BASE64. Answers are read in either form. UNCONFIRMED.")
    private SymmetricKeyEncoding symmetricKeyEncoding = SymmetricKeyEncoding.URL_ENCODED_BASE64;
    @UriParam(label = "v2,security", defaultValue = "application/json; charset=UTF-8",
              description = "The Content-Type of an encrypted request body (Antom's v2 docs show application/json; ZOLOZ"
                            + " sends text/plain; charset=UTF-8). UNCONFIRMED.")
    private String encryptedContentType = AntomEncryption.DEFAULT_CONTENT_TYPE;
    @UriParam(label = "v2,security", defaultValue = "AUTO",
              description = "Which AES key decrypts an encrypted answer: AUTO (the answer's own Encrypt header if any, else"
                            + " the request's key), REQUEST_KEY or RESPONSE_HEADER. UNCONFIRMED.")
    private ResponseKeyMode responseKeyMode = ResponseKeyMode.AUTO;

    public AntomConfiguration copy() {
        try {
            return (AntomConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The client configuration these options describe; loads the keys (failing with a message naming the option). */
    public AntomClientConfiguration toClientConfiguration(CamelContext context, javax.net.ssl.SSLContext sslContext) {
        return clientConfigurationBuilder(context, sslContext).build();
    }

    /** The client configuration of these options, before {@code build()} (the endpoint adds its resend listener). */
    AntomClientConfiguration.Builder clientConfigurationBuilder(CamelContext context, javax.net.ssl.SSLContext sslContext) {
        AntomClientConfiguration.Builder builder = AntomClientConfiguration.builder()
                .clientId(clientId)
                .signer(createSigner(context))
                .verifier(verifyResponseSignature || hasAntomPublicKey() ? createVerifier(context) : null)
                .verifyResponseSignature(verifyResponseSignature)
                .region(region)
                .gatewayUrl(gatewayUrl)
                .sandbox(sandbox)
                .agentToken(agentToken)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .requestTimeout(Duration.ofMillis(requestTimeout))
                .sslContext(sslContext)
                .maxRetries(maxRetries)
                .retryDelay(Duration.ofMillis(retryDelay))
                .retryBackoffMultiplier(retryBackoffMultiplier)
                .maxConnections(maxConnections)
                .apiVersion(apiVersion)
                .httpClientConfigurer(httpClientConfigurer)
                .encryption(isEncryptionEnabled() ? createEncryption(context) : null);
        if (proxyHost != null && !proxyHost.isBlank()) {
            builder.proxy(proxyHost, proxyPort == null ? 0 : proxyPort);
            if (proxyUsername != null) {
                builder.proxyCredentials(proxyUsername, proxyPassword);
            }
        }
        return builder;
    }

    private boolean hasAntomPublicKey() {
        return notBlank(antomPublicKey) || notBlank(antomPublicKeyFile);
    }

    /** The signer of the configured private key (privateKey, privateKeyFile or keyStoreFile: exactly one). */
    public AntomSigner createSigner(CamelContext context) {
        return new AntomSigner(loadPrivateKey(context), keyVersion, signatureProvider());
    }

    /** The provider the signatureProvider option selects. */
    public io.camelantom.signing.SignatureProvider signatureProvider() {
        return io.camelantom.signing.SignatureProvider.select(
                io.camelantom.signing.SignatureProvider.Choice.parse(signatureProvider));
    }

    /** Whether bodies are RSA_AES-encrypted: the encryption option, else on for v2 and off for v1. */
    public boolean isEncryptionEnabled() {
        return encryption != null ? encryption : apiVersion == AntomApiVersion.v2;
    }

    /** RSA_AES for these options: Antom's encryption key, the decryption key and the UNCONFIRMED settings. */
    public AntomEncryption createEncryption(CamelContext context) {
        if (apiVersion != AntomApiVersion.v2) {
            throw new IllegalArgumentException("encryption: the RSA_AES Encrypt header belongs to the v2 APIs; set apiVersion=v2");
        }
        java.security.PublicKey antomKey = loadKey("Antom's encryption public key", () -> {
            if (notBlank(antomEncryptionPublicKey)) {
                return AntomKeys.publicKey(antomEncryptionPublicKey);
            }
            if (notBlank(antomEncryptionPublicKeyFile)) {
                return publicKeyFile(context, antomEncryptionPublicKeyFile);
            }
            return signatureKeyForEncryption(context);
        });
        java.security.PrivateKey decryptionKey = loadKey("The merchant's decryption private key", () -> {
            if (notBlank(decryptionPrivateKey)) {
                return AntomKeys.privateKey(decryptionPrivateKey, chars(privateKeyPassword));
            }
            if (notBlank(decryptionPrivateKeyFile)) {
                return privateKeyFile(context, decryptionPrivateKeyFile);
            }
            return loadPrivateKey(context);
        });
        RsaAes rsaAes = new RsaAes(new RsaAes.Settings(aesKeySize, aesKeyForm, aesMode, rsaPadding, symmetricKeyEncoding));
        return new AntomEncryption(rsaAes, antomKey, encryptionKeyVersion != null ? encryptionKeyVersion : keyVersion,
                decryptionKey, responseKeyMode, encryptedContentType);
    }

    /** Without an explicit encryption key: the signature key of the encryption key version, else one for any version. */
    private java.security.PublicKey signatureKeyForEncryption(CamelContext context) {
        if (!hasAntomPublicKey()) {
            throw new IllegalArgumentException("Antom's encryption public key is required for encryption: set"
                                               + " antomEncryptionPublicKey, antomEncryptionPublicKeyFile or antomPublicKey");
        }
        int version = encryptionKeyVersion != null ? encryptionKeyVersion : keyVersion;
        List<AntomVerifier.VersionedKey> keys = createVerifier(context).getKeys();
        return keys.stream().filter(k -> Integer.valueOf(version).equals(k.keyVersion())).findFirst()
                .or(() -> keys.stream().filter(k -> k.keyVersion() == null).findFirst())
                .orElse(keys.get(0)).publicKey();
    }

    /** The merchant's private key (privateKey, privateKeyFile or keyStoreFile: exactly one). */
    private java.security.PrivateKey loadPrivateKey(CamelContext context) {
        int sources = (notBlank(privateKey) ? 1 : 0) + (notBlank(privateKeyFile) ? 1 : 0) + (notBlank(keyStoreFile) ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException(sources == 0
                    ? "The merchant's private key is required: set privateKey, privateKeyFile or keyStoreFile"
                    : "Set only one of privateKey, privateKeyFile and keyStoreFile");
        }
        return loadKey("The merchant's private key", () -> {
            if (notBlank(privateKey)) {
                return AntomKeys.privateKey(privateKey, chars(privateKeyPassword));
            }
            if (notBlank(privateKeyFile)) {
                return privateKeyFile(context, privateKeyFile);
            }
            return AntomKeys.privateKeyFromKeyStore(filePath(keyStoreFile), keyStoreType, chars(keyStorePassword), keyAlias,
                    chars(keyPassword));
        });
    }

    /** The verifier of the configured Antom public key(s). */
    public AntomVerifier createVerifier(CamelContext context) {
        List<AntomVerifier.VersionedKey> keys = loadKey("Antom's public key", () -> {
            List<AntomVerifier.VersionedKey> loaded = new ArrayList<>();
            addVersionedKeys(loaded, antomPublicKey, AntomKeys::publicKey);
            addVersionedKeys(loaded, antomPublicKeyFile, file -> publicKeyFile(context, file));
            return loaded;
        });
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(
                    "Antom's public key is required to verify answers: set antomPublicKey or antomPublicKeyFile");
        }
        return new AntomVerifier(keys, signatureProvider());
    }

    /** The comma-separated keys of one option, each optionally prefixed with {@code N:} (its keyVersion). */
    private static void addVersionedKeys(List<AntomVerifier.VersionedKey> keys, String option,
            Function<String, java.security.PublicKey> load) {
        if (notBlank(option)) {
            for (String entry : option.split(",")) {
                if (!entry.isBlank()) {
                    Versioned v = versioned(entry.strip());
                    keys.add(new AntomVerifier.VersionedKey(v.version(), load.apply(v.value())));
                }
            }
        }
    }

    /** Loads a key; a failure names the key, so the operator knows which option to fix (never its value). */
    private static <K> K loadKey(String key, Supplier<K> load) {
        try {
            return load.get();
        } catch (AntomKeyException e) {
            throw new AntomKeyException(key + " cannot be loaded: " + e.getMessage());
        }
    }

    private static Versioned versioned(String entry) {
        Matcher m = VERSIONED.matcher(entry);
        return m.matches() ? new Versioned(Integer.valueOf(m.group(1)), m.group(2).strip()) : new Versioned(null, entry);
    }

    private record Versioned(Integer version, String value) {
    }

    /** A public key file: {@code classpath:} (PEM or base64 text), else a path, {@code file:} prefix allowed. */
    private static java.security.PublicKey publicKeyFile(CamelContext context, String location) {
        return location.startsWith("classpath:")
                ? AntomKeys.publicKey(readText(context, location))
                : AntomKeys.publicKey(filePath(location));
    }

    /** A private key file as {@link #publicKeyFile} reads one, decrypted with privateKeyPassword when encrypted. */
    private java.security.PrivateKey privateKeyFile(CamelContext context, String location) {
        return location.startsWith("classpath:")
                ? AntomKeys.privateKey(readText(context, location), chars(privateKeyPassword))
                : AntomKeys.privateKey(filePath(location), chars(privateKeyPassword));
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    private static Path filePath(String location) {
        return Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    }

    private static String readText(CamelContext context, String location) {
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AntomKeyException("Cannot read " + location + ": " + e.getClass().getSimpleName());
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    // ---------------------------------------------------------------- getters and setters

    public AntomOperation getOperation() {
        return operation;
    }

    public void setOperation(AntomOperation operation) {
        this.operation = operation;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public AntomRegion getRegion() {
        return region;
    }

    public void setRegion(AntomRegion region) {
        this.region = region;
    }

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    public void setGatewayUrl(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public Boolean getSandbox() {
        return sandbox;
    }

    public void setSandbox(Boolean sandbox) {
        this.sandbox = sandbox;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
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

    public String getKeyStoreFile() {
        return keyStoreFile;
    }

    public void setKeyStoreFile(String keyStoreFile) {
        this.keyStoreFile = keyStoreFile;
    }

    public String getKeyStoreType() {
        return keyStoreType;
    }

    public void setKeyStoreType(String keyStoreType) {
        this.keyStoreType = keyStoreType;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
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

    public String getSignatureProvider() {
        return signatureProvider;
    }

    public void setSignatureProvider(String signatureProvider) {
        this.signatureProvider = signatureProvider;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    public void setKeyVersion(int keyVersion) {
        this.keyVersion = keyVersion;
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

    public boolean isVerifyResponseSignature() {
        return verifyResponseSignature;
    }

    public void setVerifyResponseSignature(boolean verifyResponseSignature) {
        this.verifyResponseSignature = verifyResponseSignature;
    }

    public String getAgentToken() {
        return agentToken;
    }

    public void setAgentToken(String agentToken) {
        this.agentToken = agentToken;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public double getRetryBackoffMultiplier() {
        return retryBackoffMultiplier;
    }

    public void setRetryBackoffMultiplier(double retryBackoffMultiplier) {
        this.retryBackoffMultiplier = retryBackoffMultiplier;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public AntomHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(AntomHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
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

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public AntomApiVersion getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(AntomApiVersion apiVersion) {
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

    public int getAesKeySize() {
        return aesKeySize;
    }

    public void setAesKeySize(int aesKeySize) {
        this.aesKeySize = aesKeySize;
    }

    public AesKeyForm getAesKeyForm() {
        return aesKeyForm;
    }

    public void setAesKeyForm(AesKeyForm aesKeyForm) {
        this.aesKeyForm = aesKeyForm;
    }

    public AesMode getAesMode() {
        return aesMode;
    }

    public void setAesMode(AesMode aesMode) {
        this.aesMode = aesMode;
    }

    public RsaPadding getRsaPadding() {
        return rsaPadding;
    }

    public void setRsaPadding(RsaPadding rsaPadding) {
        this.rsaPadding = rsaPadding;
    }

    public SymmetricKeyEncoding getSymmetricKeyEncoding() {
        return symmetricKeyEncoding;
    }

    public void setSymmetricKeyEncoding(SymmetricKeyEncoding symmetricKeyEncoding) {
        this.symmetricKeyEncoding = symmetricKeyEncoding;
    }

    public String getEncryptedContentType() {
        return encryptedContentType;
    }

    public void setEncryptedContentType(String encryptedContentType) {
        this.encryptedContentType = encryptedContentType;
    }

    public ResponseKeyMode getResponseKeyMode() {
        return responseKeyMode;
    }

    public void setResponseKeyMode(ResponseKeyMode responseKeyMode) {
        this.responseKeyMode = responseKeyMode;
    }

    @Override
    public String toString() {
        return "AntomConfiguration[operation=" + operation + ", clientId=" + clientId + ", gateway="
               + (gatewayUrl != null ? gatewayUrl : region) + ", sandbox=" + sandbox + ", keyVersion=" + keyVersion + ", apiVersion=" + apiVersion
               + ", encryption=" + isEncryptionEnabled() + "]";
    }
}
