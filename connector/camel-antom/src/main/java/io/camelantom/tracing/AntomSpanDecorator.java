package io.camelantom.tracing;

import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * How camel-telemetry tracers (camel-opentelemetry2) name and tag the span of an {@code antom:} call: the operation
 * as span name and attribute {@code antom.operation}, then, once Antom answered, the ids and result of
 * {@link AntomSpans}. Found by camel-telemetry through {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}.
 */
public class AntomSpanDecorator extends AbstractSpanDecorator {

    @Override
    public String getComponent() {
        return "antom";
    }

    @Override
    public String getComponentClassName() {
        return AntomComponent.class.getName();
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return endpoint instanceof AntomEndpoint antom && antom.getConfiguration().getOperation() != null
                ? "antom:" + antom.getConfiguration().getOperation() : super.getOperationName(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        if (endpoint instanceof AntomEndpoint antom && antom.getConfiguration().getOperation() != null) {
            span.setTag("antom.operation", antom.getConfiguration().getOperation().name());
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        TelemetrySpans.tag(span, exchange);
    }
}
