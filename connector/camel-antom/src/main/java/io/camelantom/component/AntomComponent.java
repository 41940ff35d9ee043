package io.camelantom.component;

import java.util.Map;

import io.camelantom.metrics.AntomMeters;
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

    @Metadata(label = "advanced",
              description = "The Micrometer MeterRegistry (io.micrometer.core.instrument.MeterRegistry) the component"
                            + " records its Antom calls in (meters antom.calls and antom.call.resends). When not set,"
                            + " the only MeterRegistry bean of the registry, if Micrometer is present; else nothing is"
                            + " recorded.")
    private Object meterRegistry;

    /** Resolved when the first producer starts (a metrics service may bind its registry while Camel starts). */
    private volatile AntomMeters meters;

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

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
        this.meters = null;
    }

    /** Where the calls of this component's endpoints are recorded; {@link AntomMeters#NONE} without a registry. */
    AntomMeters meters() {
        AntomMeters current = meters;
        if (current == null) {
            synchronized (this) {
                if (meters == null) {
                    meters = AntomMeters.lookup(getCamelContext().getRegistry(), meterRegistry,
                            "antom component option meterRegistry");
                }
                current = meters;
            }
        }
        return current;
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
