package io.camelantom.routes.order;

import java.util.concurrent.atomic.AtomicInteger;

import io.camelantom.metrics.AntomMeters;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The order bridge's meters, all tagged {@code name} with the instance's name: {@code antom.orders.received} (each
 * order message once, not its redeliveries), {@code antom.payments.in.flight} (orders being paid now) and
 * {@code antom.orders.dead.letters} (tag {@code reason}: REJECTED bad input, GRACE_EXPIRED a message naming what the
 * ledger never came to know, DELIVERIES_EXHAUSTED transient errors that outlived every delivery, OTHER). The results
 * are counted by their publisher ({@code ResultPublisher#countedIn}).
 */
final class OrderBridgeMeters {

    private final AntomMeters meters;
    private final AtomicInteger inFlight = new AtomicInteger();

    OrderBridgeMeters(AntomMeters meters) {
        this.meters = meters;
        meters.gauge("antom.payments.in.flight", "orders of this bridge being paid now", null, inFlight::get);
        meters.add("antom.orders.received", 0);
    }

    /** The orders' processor, counting what it receives and what it has in hand. */
    Processor orders(Processor orderProcessor) {
        if (!meters.isRecording()) {
            return orderProcessor;
        }
        return exchange -> {
            if (!Boolean.TRUE.equals(exchange.isExternalRedelivered())
                    && exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER) == null) {
                meters.count("antom.orders.received");
            }
            inFlight.incrementAndGet();
            try {
                orderProcessor.process(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    /** A dead-letter step, counting each message it sends to the dead-letter queue. */
    Processor deadLetters(Processor deadLetter) {
        if (!meters.isRecording()) {
            return deadLetter;
        }
        return exchange -> {
            deadLetter.process(exchange);
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String reason = cause instanceof RejectedMessageException ? "REJECTED"
                    : cause instanceof TryAgainLaterException ? "GRACE_EXPIRED"
                    : exchange.getProperty(FailureHandling.DEAD_LETTER_PROPERTY) != null ? "DELIVERIES_EXHAUSTED"
                    : "OTHER";
            meters.count("antom.orders.dead.letters", "reason", reason);
        };
    }
}
