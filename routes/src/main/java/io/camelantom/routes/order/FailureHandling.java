package io.camelantom.routes.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.LedgerException;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.builder.Builder;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bridge's routes do with a message they cannot process: the two error paths of {@link OrderBridgeRouteTemplate}.
 */
final class FailureHandling {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandling.class);
    /** Exchange property set when the message must go to the dead-letter queue after transient errors. */
    static final String DEAD_LETTER_PROPERTY = "CamelAntomOrderBridgeDeadLetter";

    private FailureHandling() {
    }

    /**
     * Bad input: the original message goes to the dead-letter queue with the reason in
     * {@link AntomRouteHeaders#DEAD_LETTER_REASON}; one WARN line (the reason names fields, never personal data).
     */
    static Processor deadLetter(String deadLetterQueue) {
        return exchange -> {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String reason = cause instanceof RejectedMessageException r ? r.getMessage()
                    : exchange.getProperty(DEAD_LETTER_PROPERTY, String.class);
            if (reason == null) {
                reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            exchange.getMessage().setHeader(AntomRouteHeaders.DEAD_LETTER_REASON, reason);
            if (exchange.getFromEndpoint() instanceof JmsEndpoint from) {
                exchange.getMessage().setHeader(AntomRouteHeaders.DEAD_LETTER_ORIGIN, from.getDestinationName());
            }
            LOG.warn("Message {} to dead-letter queue {}: {}", exchange.getMessage().getHeader("JMSMessageID"),
                    deadLetterQueue, reason);
        };
    }

    /**
     * Adds to {@code route} the bad-input policy of every consumer of the bridge: a {@link RejectedMessageException}
     * goes through the processor bean {@code deadLetter} ({@link #deadLetter}) to {@code deadLetterUri}, not retried.
     */
    static void deadLetterBadInput(RouteDefinition route, String deadLetter, String deadLetterUri) {
        route.onException(RejectedMessageException.class)
                .handled(true)
                .process(deadLetter)
                .to(deadLetterUri);
    }

    /**
     * Adds to {@code route} the transient-error policy of every consumer of the bridge: the ledger's outage waited out
     * ({@link #waitOutLedgerOutage}); any other error redelivered in place {@code maximumRedeliveries} times, backing
     * off from {@code redeliveryDelay} (milliseconds) by {@code backOffMultiplier}, then handed to the processor bean
     * {@code afterRedeliveries} ({@link #parkOrRollBack}); a message it gives up on ({@link #DEAD_LETTER_PROPERTY})
     * goes through the processor bean {@code deadLetter} to {@code deadLetterUri}. The values may be property
     * placeholders. Add it after the route's handlers of particular exceptions.
     */
    static void redeliverThenParkOrRollBack(RouteDefinition route, String maximumRedeliveries, String redeliveryDelay,
            String backOffMultiplier, String afterRedeliveries, String deadLetter, String deadLetterUri) {
        waitOutLedgerOutage(route, redeliveryDelay, backOffMultiplier);
        route.onException(Exception.class)
                .maximumRedeliveries(maximumRedeliveries)
                .redeliveryDelay(redeliveryDelay)
                .backOffMultiplier(backOffMultiplier)
                .useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .process(afterRedeliveries)
                .filter(Builder.exchangeProperty(DEAD_LETTER_PROPERTY).isNotNull())
                    .process(deadLetter)
                    .to(deadLetterUri)
                .end();
    }

    /** Longest wait between two attempts while the ledger's database is unreachable. */
    static final long LEDGER_OUTAGE_MAXIMUM_DELAY_MILLIS = 30_000;

    /**
     * Adds to {@code route} the one policy for the ledger's database being unreachable ({@link #ledgerUnavailable}):
     * redelivered in place without end, backing off from {@code redeliveryDelay} (milliseconds) by
     * {@code backOffMultiplier} up to {@link #LEDGER_OUTAGE_MAXIMUM_DELAY_MILLIS}; never dead-lettered or parked. The
     * values may be property placeholders. Added before the route's catch-all {@code onException(Exception.class)}.
     */
    private static void waitOutLedgerOutage(RouteDefinition route, String redeliveryDelay, String backOffMultiplier) {
        route.onException(LedgerException.class)
                .onWhen(FailureHandling::ledgerUnavailable)
                .maximumRedeliveries(-1)
                .redeliveryDelay(redeliveryDelay)
                .backOffMultiplier(backOffMultiplier)
                .useExponentialBackOff()
                .maximumRedeliveryDelay(LEDGER_OUTAGE_MAXIMUM_DELAY_MILLIS)
                .retryAttemptedLogLevel(LoggingLevel.WARN);
    }

    /**
     * Whether the exchange failed because the ledger's database is unreachable ({@link LedgerException#databaseUnavailable()}):
     * such a message is not given up on; its consumer waits the outage out, trying again in place (the JMS transaction
     * stays open, so a crash meanwhile leaves the message on the queue).
     */
    static boolean ledgerUnavailable(Exchange exchange) {
        LedgerException e = exchange.getException(LedgerException.class);
        if (e == null) {
            e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LedgerException.class);
        }
        return e != null && e.databaseUnavailable();
    }

    /**
     * Transient errors exhausted (the route's redeliveries are spent). An order whose payment is open is parked: a
     * PENDING payment becomes UNKNOWN (we cannot tell whether Antom got the request), PROCESSING and UNKNOWN stay, and
     * the message is consumed: reconciliation settles it, never as FAILED from here. Otherwise (no payment registered
     * yet, the ledger unreachable, a final payment whose result could not be published) the JMS transaction is rolled
     * back so the broker redelivers the message, until {@code maximumDeliveries}, after which it goes to the
     * dead-letter queue.
     */
    static Processor parkOrRollBack(PaymentLedger ledger, int maximumDeliveries, boolean parkOrders) {
        return exchange -> {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String summary = cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            String id = exchange.getProperty(OrderBridgeProcessor.PAYMENT_REQUEST_ID_PROPERTY, String.class);
            if (parkOrders && id != null) {
                try {
                    PaymentRecord row = ledger.find(id).orElse(null);
                    if (row != null && !row.status().isFinal()) {
                        park(ledger, row, "after transient errors: " + summary);
                        return;
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Cannot park payment {}: {}", id, e.toString());
                }
            }
            Integer deliveries = exchange.getMessage().getHeader(OrderBridgeProcessor.JMS_DELIVERY_COUNT, Integer.class);
            if (deliveries != null && deliveries >= maximumDeliveries) {
                exchange.setProperty(DEAD_LETTER_PROPERTY, "not processed after " + deliveries + " deliveries: " + summary);
                return;
            }
            LOG.warn("Message {} rolled back for redelivery (delivery {}): {}",
                    exchange.getMessage().getHeader("JMSMessageID"), deliveries, summary);
            exchange.setRollbackOnly(true);
        };
    }

    /**
     * Parks an open payment for reconciliation: PENDING becomes UNKNOWN ({@code TRANSIENT_ERROR}: whether Antom got the
     * request is not known), PROCESSING and UNKNOWN stay. The caller then consumes the message; reconciliation settles
     * the payment, never as FAILED from here.
     */
    static void park(PaymentLedger ledger, PaymentRecord row, String why) {
        if (row.status() == PaymentStatus.PENDING) {
            ledger.transition(row.paymentRequestId(), PaymentStatus.PENDING, PaymentStatus.UNKNOWN,
                    TransitionDetails.result("TRANSIENT_ERROR", why));
        }
        LOG.warn("Payment {} (order {}) parked for reconciliation {}", row.paymentRequestId(), row.orderId(), why);
    }

    /**
     * A valid message that cannot be processed yet ({@link TryAgainLaterException}: a payment notification for a payment
     * the ledger does not know, a cancel ahead of its order or its pay answer, a refund notification for an unknown
     * refund): within {@code grace} of the first
     * time it was seen, it is kept, to be sent back to its own queue with a delivery delay in the same JMS transaction;
     * after it, the exchange property {@link #DEAD_LETTER_PROPERTY} says why it goes to the dead-letter queue. The first
     * time travels with the message ({@link AntomRouteHeaders#UNKNOWN_PAYMENT_SINCE}); the notification bridge's Artemis
     * duplicate-detection id is removed from the copy, which Artemis would otherwise drop as a duplicate of the original
     * (and roll back the transaction with it).
     */
    static Processor keepForLater(Duration grace, Clock clock) {
        return exchange -> {
            TryAgainLaterException cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                    TryAgainLaterException.class);
            Long since = exchange.getMessage().getHeader(AntomRouteHeaders.UNKNOWN_PAYMENT_SINCE, Long.class);
            Instant now = clock.instant();
            Instant first = since == null ? now : Instant.ofEpochMilli(since);
            String what = cause == null ? "not processable yet" : cause.getMessage();
            if (Duration.between(first, now).compareTo(grace) >= 0) {
                exchange.setProperty(DEAD_LETTER_PROPERTY, what + " " + grace + " after the message first arrived ("
                        + first + ")");
                return;
            }
            exchange.getMessage().setHeader(AntomRouteHeaders.UNKNOWN_PAYMENT_SINCE, first.toEpochMilli());
            exchange.getMessage().removeHeader(ARTEMIS_DUPLICATE_ID);
            LOG.info("Message {} kept and tried again ({}; first seen {}, dead-lettered after {})",
                    exchange.getMessage().getHeader("JMSMessageID"), what, first, grace);
        };
    }

    /** {@code org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID}. */
    private static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";
}
