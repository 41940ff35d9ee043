package io.camelantom.component;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code antom:} component: pay, inquire, cancel, refund and capture through Antom (Alipay's global payment
 * gateway). Options set here are the defaults of every {@code antom:} endpoint.
 */
@Component("antom")
public class AntomComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private AntomConfiguration configuration = new AntomConfiguration();

    @Metadata(label = "security", defaultValue = "false", description = "Enable usage of global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    public AntomComponent() {
    }

    public AntomComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AntomConfiguration endpointConfiguration = configuration != null ? configuration.copy() : new AntomConfiguration();
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("The operation is required: antom:operation, e.g. antom:pay");
        }
        endpointConfiguration.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(AntomOperation.class, remaining));
        // keep secrets out of the endpoint's URI (JMX, route dumps, error messages)
        AntomEndpoint endpoint = new AntomEndpoint(AntomEndpoint.maskSecrets(uri), this, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    public AntomConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level options, shared as defaults by every endpoint. */
    public void setConfiguration(AntomConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
