package io.camelantom.component;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import io.camelantom.client.AntomClient;
import io.camelantom.metrics.AntomMeters;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an Antom API. One pooled HTTP client per endpoint, created when the endpoint starts and closed when it stops.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "antom", title = "Antom", syntax = "antom:operation", producerOnly = true,
             category = { Category.SAAS, Category.API }, headersClass = AntomConstants.class)
public class AntomEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** Option names whose values never appear in the endpoint's URI, whatever Camel's own masking list holds. */
    private static final Set<String> SECRET_OPTIONS = Set.of("privatekey", "privatekeypassword", "keystorepassword",
            "keypassword", "agenttoken", "proxyusername", "proxypassword", "decryptionprivatekey");
    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&])([^=&]+)=(RAW\\([^)]*\\)|RAW\\{[^}]*\\}|[^&]*)");

    @UriParam
    private AntomConfiguration configuration;

    private static final Logger LOG = LoggerFactory.getLogger(AntomEndpoint.class);

    private volatile AntomClient client;

    public AntomEndpoint(String uri, AntomComponent component, AntomConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** The URI with every secret option's value replaced by {@code xxxxxx}. */
    static String maskSecrets(String uri) {
        Matcher m = QUERY_PARAMETER.matcher(uri);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String replacement = SECRET_OPTIONS.contains(name.toLowerCase(java.util.Locale.ROOT))
                    ? m.group(1) + name + "=xxxxxx" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return URISupport.sanitizeUri(out.toString());
    }

    @Override
    public Producer createProducer() throws Exception {
        return new AntomProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("The antom: component only sends requests (producer only)");
    }

    @Override
    public AntomComponent getComponent() {
        return (AntomComponent) super.getComponent();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // not marked required in the catalog (it usually comes from the component): checked here, before any key is read
        if (configuration.getClientId() == null || configuration.getClientId().isBlank()) {
            throw new IllegalArgumentException("clientId: is required: set it on the antom component (e.g."
                                               + " camel.component.antom.client-id) or on the endpoint " + getEndpointUri());
        }
        SSLContext sslContext = configuration.getSslContextParameters() != null
                ? configuration.getSslContextParameters().createSSLContext(getCamelContext()) : null;
        AntomMeters meters = getComponent().meters();
        client = new AntomClient(configuration.clientConfigurationBuilder(getCamelContext(), sslContext)
                .resendListener(operation -> meters.count(AntomProducer.RESENDS, "operation", operation)).build())
                .start();
        // the URI may hold a key: only the operation is named
        LOG.info("Antom endpoint antom:{} started: signing with {} (signatureProvider={})", configuration.getOperation(),
                client.getConfiguration().getSigner().getProvider().name(), configuration.getSignatureProvider());
    }

    @Override
    protected void doStop() throws Exception {
        AntomClient current = client;
        client = null;
        if (current != null) {
            current.close();
        }
        super.doStop();
    }

    /** The endpoint's client; available while the endpoint is started. */
    public AntomClient getClient() {
        AntomClient current = client;
        if (current == null) {
            throw new IllegalStateException("The endpoint " + this + " is not started");
        }
        return current;
    }

    public AntomConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AntomConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        AntomClient current = client;
        return current != null ? current.getConfiguration().getGatewayUrl()
                : configuration.getGatewayUrl() != null ? configuration.getGatewayUrl()
                : configuration.getRegion().getGatewayUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }
}
