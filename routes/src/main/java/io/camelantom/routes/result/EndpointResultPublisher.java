package io.camelantom.routes.result;

import java.util.Objects;
import java.util.concurrent.ExecutionException;

import io.camelantom.tracing.AntomSpans;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Publishes result messages to a Camel endpoint, e.g. {@code jms:queue:antom.results}: a fresh exchange (no header of
 * the message being processed leaks into the result), body = {@link PaymentResultMessage#toJson()}, headers =
 * {@link PaymentResultMessage#headers()}, in-only.
 * <p>
 * Two ways to send, chosen per publisher:
 * <ul>
 * <li>{@link #joiningTransaction}: on the caller's thread. Inside a route consuming JMS with {@code transacted=true}, a
 * JMS endpoint on the same connection factory joins the consumer's local transaction: the result is committed together
 * with the consumption of the message that produced it, or not at all (the order bridge: a rolled-back order publishes
 * nothing and its redelivery publishes the recorded result).</li>
 * <li>{@link #ownTransaction}: on another thread, so outside any transaction bound to the caller's thread; when
 * {@link #publish} returns, the broker has the result (persistent sends block until stored), before the caller
 * records it as published (the notification settlement: a rolled-back notification must not take its result with
 * it, because its redelivery sees the payment final and publishes nothing).</li>
 * </ul>
 */
public final class EndpointResultPublisher implements ResultPublisher {

    private final ProducerTemplate producer;
    private final String endpointUri;
    private final boolean ownTransaction;

    private EndpointResultPublisher(CamelContext context, String endpointUri, boolean ownTransaction) {
        this.endpointUri = Objects.requireNonNull(endpointUri, "endpointUri");
        this.producer = context.createProducerTemplate();
        this.ownTransaction = ownTransaction;
    }

    /** {@link #joiningTransaction}: on the caller's thread (e.g. a Quartz-started route, which has no JMS transaction). */
    public EndpointResultPublisher(CamelContext context, String endpointUri) {
        this(context, endpointUri, false);
    }

    /** Sends on the caller's thread, inside the caller's JMS transaction if there is one. */
    public static EndpointResultPublisher joiningTransaction(CamelContext context, String endpointUri) {
        return new EndpointResultPublisher(context, endpointUri, false);
    }

    /** Sends on another thread, committed by the broker when {@link #publish} returns. */
    public static EndpointResultPublisher ownTransaction(CamelContext context, String endpointUri) {
        return new EndpointResultPublisher(context, endpointUri, true);
    }

    @Override
    public void publish(PaymentResultMessage result) {
        publish((ResultMessage) result);
    }

    /** Publishes any result message (a payment's, a refund's) the same way. */
    public void publish(ResultMessage result) {
        Processor message = exchange -> {
            // part of the trace of the order or notification being processed, when Camel traces
            AntomSpans.continueTrace(exchange);
            exchange.setPattern(ExchangePattern.InOnly);
            exchange.getMessage().setBody(result.toJson());
            exchange.getMessage().getHeaders().putAll(result.headers());
        };
        Exchange sent;
        if (ownTransaction) {
            try {
                sent = producer.asyncSend(endpointUri, message).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResultNotPublishedException("Interrupted while publishing the result of "
                        + result.subject(), e);
            } catch (ExecutionException e) {
                throw new ResultNotPublishedException("Cannot publish the result of "
                        + result.subject() + " to " + endpointUri, e.getCause());
            }
        } else {
            sent = producer.send(endpointUri, message);
        }
        if (sent.getException() != null) {
            throw new ResultNotPublishedException("Cannot publish the result of " + result.subject()
                    + " to " + endpointUri, sent.getException());
        }
    }

    public String endpointUri() {
        return endpointUri;
    }

    @Override
    public String toString() {
        return "EndpointResultPublisher[" + endpointUri + (ownTransaction ? ", own transaction" : "") + "]";
    }
}
