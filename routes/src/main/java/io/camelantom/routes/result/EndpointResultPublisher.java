package io.camelantom.routes.result;

import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;

/**
 * Publishes result messages to a Camel endpoint, e.g. {@code jms:queue:antom.results}: a fresh exchange (no header of
 * the message being processed leaks into the result), body = {@link PaymentResultMessage#toJson()}, headers =
 * {@link PaymentResultMessage#headers()}, in-only.
 * <p>
 * The send runs on the caller's thread. Inside a route consuming JMS with {@code transacted=true}, a JMS endpoint on the
 * same connection factory therefore joins the consumer's local transaction: the result is committed together with the
 * consumption of the message that produced it, or not at all.
 */
public final class EndpointResultPublisher implements ResultPublisher {

    private final ProducerTemplate producer;
    private final String endpointUri;

    public EndpointResultPublisher(CamelContext context, String endpointUri) {
        this.endpointUri = Objects.requireNonNull(endpointUri, "endpointUri");
        this.producer = context.createProducerTemplate();
    }

    @Override
    public void publish(PaymentResultMessage result) {
        Exchange sent = producer.send(endpointUri, ExchangePattern.InOnly, exchange -> {
            exchange.getMessage().setBody(result.toJson());
            exchange.getMessage().getHeaders().putAll(result.headers());
        });
        if (sent.getException() != null) {
            throw new ResultNotPublishedException("Cannot publish the result of payment " + result.paymentRequestId()
                    + " to " + endpointUri, sent.getException());
        }
    }

    public String endpointUri() {
        return endpointUri;
    }

    @Override
    public String toString() {
        return "EndpointResultPublisher[" + endpointUri + "]";
    }
}
