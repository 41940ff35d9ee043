package io.camelantom.routes.order;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
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
            LOG.warn("Message {} to dead-letter queue {}: {}", exchange.getMessage().getHeader("JMSMessageID"),
                    deadLetterQueue, reason);
        };
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
                        if (row.status() == PaymentStatus.PENDING) {
                            ledger.transition(id, PaymentStatus.PENDING, PaymentStatus.UNKNOWN,
                                    TransitionDetails.result("TRANSIENT_ERROR", summary));
                        }
                        LOG.warn("Payment {} (order {}) parked for reconciliation after transient errors: {}", id,
                                row.orderId(), summary);
                        return;
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Cannot park payment {}: {}", id, e.toString());
                }
            }
            Integer deliveries = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
            if (deliveries != null && deliveries >= maximumDeliveries) {
                exchange.setProperty(DEAD_LETTER_PROPERTY, "not processed after " + deliveries + " deliveries: " + summary);
                return;
            }
            LOG.warn("Message {} rolled back for redelivery (delivery {}): {}",
                    exchange.getMessage().getHeader("JMSMessageID"), deliveries, summary);
            exchange.setRollbackOnly(true);
        };
    }
}
