package io.camelantom.routes.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomConstants;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PayResponse;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentRequestIds;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.Registration;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.result.PaymentSettlement;
import io.camelantom.tracing.AntomSpans;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order bridge's work on one order message, from scratch on every (re)delivery, so a redelivery after any failure
 * lands on the ledger's current state:
 * <ol>
 * <li>read the canonical order (through the custom mapper, on a copy: the message keeps its original body);</li>
 * <li>register it in the ledger: CREATED or EXISTING and open → (re)send the identical pay request; EXISTING and final
 * → republish the recorded result, no Antom call; other money under the same order id → rejected; EXISTING and
 * open at a delivery past {@code maximumDeliveries} → parked for reconciliation, no Antom call;</li>
 * <li>S → PAID, F → FAILED (compare-and-set; the winner publishes the result); an unknown outcome (U, timeout, HTTP
 * 5xx, I/O error) → the identical request is resent while the payment is young ({@link ResendPolicy}); still
 * unknown → PROCESSING, no result (the notification settlement or reconciliation settles it).</li>
 * </ol>
 * The ledger's id ends up in the exchange property {@link #PAYMENT_REQUEST_ID_PROPERTY} for the error handler.
 */
final class OrderBridgeProcessor implements Processor {

    /** Exchange property: the paymentRequestId once the order is registered. */
    static final String PAYMENT_REQUEST_ID_PROPERTY = "CamelAntomOrderBridgePaymentRequestId";

    /** How often the broker has delivered the message, this delivery included (JMS 2, set by Artemis). */
    static final String JMS_DELIVERY_COUNT = "JMSXDeliveryCount";

    private static final Logger LOG = LoggerFactory.getLogger(OrderBridgeProcessor.class);

    private final PaymentLedger ledger;
    private final PaymentSettlement settlement;
    private final ProducerTemplate producer;
    private final String antomEndpoint;
    private final Processor orderMapper;
    private final String defaultNotifyUrl;
    private final Duration defaultExpiry;
    private final ResendPolicy resendPolicy;
    private final Clock clock;
    private final int maximumDeliveries;

    OrderBridgeProcessor(PaymentSettlement settlement, ProducerTemplate producer, String antomEndpoint,
            Processor orderMapper, String defaultNotifyUrl, Duration defaultExpiry, ResendPolicy resendPolicy,
            Clock clock, int maximumDeliveries) {
        this.ledger = settlement.ledger();
        this.settlement = settlement;
        this.producer = producer;
        this.antomEndpoint = antomEndpoint;
        this.orderMapper = orderMapper;
        this.defaultNotifyUrl = defaultNotifyUrl;
        this.defaultExpiry = defaultExpiry;
        this.resendPolicy = resendPolicy;
        this.clock = clock;
        this.maximumDeliveries = maximumDeliveries;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // the effective notify URL is stored with the order, so every resend (here or by reconciliation) carries it
        CanonicalOrder order = readOrder(exchange).withDefaultNotifyUrl(defaultNotifyUrl);
        long minor = CanonicalOrderReader.minorUnits(order.amount(), order.currency());
        Instant expiresAt = order.expiresAt() != null ? order.expiresAt().toInstant()
                : defaultExpiry == null ? null : clock.instant().plus(defaultExpiry);
        NewPayment payment = new NewPayment(order.orderId(), minor, order.currency(), order.description(), expiresAt,
                CanonicalOrderReader.toJson(order));

        Registration registration = register(payment, order.attempt());
        PaymentRecord row = registration.payment();
        exchange.setProperty(PAYMENT_REQUEST_ID_PROPERTY, row.paymentRequestId());
        exchange.getMessage().setHeader(AntomRouteHeaders.PAYMENT_REQUEST_ID, row.paymentRequestId());
        if (row.status() == PaymentStatus.CANCELLING) {
            // the ERP's cancel owns it now: its answer settles the payment and publishes the one result
            LOG.info("Order {} (payment {}) is being cancelled: no Antom call, the cancel publishes its result",
                    row.orderId(), row.paymentRequestId());
            return;
        }
        if (row.status().isFinal()) {
            LOG.info("Order {} is already {} (payment {}): republishing its result, no Antom call", row.orderId(),
                    row.status(), row.paymentRequestId());
            settlement.republish(row);
            return;
        }
        if (!registration.created()) {
            // only a row an earlier delivery registered can have had its deliveries cut off
            Integer deliveries = exchange.getMessage().getHeader(JMS_DELIVERY_COUNT, Integer.class);
            if (deliveries != null && deliveries > maximumDeliveries) {
                // more deliveries than the bridge's budget without its error handler seeing them fail: earlier
                // deliveries were cut off by crashes. Hand the payment to reconciliation now rather than risk another
                // cut-off delivery and the broker's own delivery limit dead-lettering the message with the payment
                // still PENDING.
                FailureHandling.park(ledger, row, "at delivery " + deliveries + " (maximumDeliveries "
                        + maximumDeliveries + "): earlier deliveries were cut off");
                return;
            }
        }
        // a row this message created with its pay call already counted (registerAndRecordCall) needs no recordCall
        boolean callRecorded = registration.created() && row.callCount() > 0;
        pay(row, order, callRecorded);
    }

    private CanonicalOrder readOrder(Exchange exchange) {
        if (orderMapper == null) {
            return CanonicalOrderReader.read(exchange.getMessage().getBody());
        }
        return CanonicalOrderReader.read(CommandMapping.mappedBody(exchange, orderMapper, "order mapper", null));
    }

    private Registration register(NewPayment payment, int attempt) {
        String orderId = payment.orderId();
        Registration registration;
        if (attempt == 1) {
            // a new order: one INSERT, no read; a known one: its latest attempt, or attempt 1 if there are more
            registration = ledger.registerAndRecordCall(payment);
            if (!registration.created() && registration.payment().attempt() != 1) {
                PaymentRecord first = ledger.find(PaymentRequestIds.forAttempt(orderId, 1))
                        .orElseThrow(() -> new IllegalStateException("attempt 1 of order " + orderId + " vanished"));
                registration = new Registration(Registration.Outcome.EXISTING, first);
            }
        } else {
            Optional<PaymentRecord> requested = ledger.find(PaymentRequestIds.forAttempt(orderId, attempt));
            if (requested.isPresent()) {
                registration = new Registration(Registration.Outcome.EXISTING, requested.get());
            } else {
                PaymentRecord latest = ledger.findLatestForOrder(orderId).orElseThrow(() -> new RejectedMessageException(
                        "attempt: " + attempt + " asked for order " + orderId + ", which has no attempt yet (send "
                                + "attempt 1 first)"));
                if (latest.attempt() != attempt - 1) {
                    throw new RejectedMessageException("attempt: " + attempt + " asked for order " + orderId
                            + ", whose latest attempt is " + latest.attempt());
                }
                if (latest.status() != PaymentStatus.FAILED && latest.status() != PaymentStatus.CANCELLED) {
                    throw new RejectedMessageException("attempt: " + attempt + " asked for order " + orderId
                            + ", but attempt " + latest.attempt() + " is " + latest.status()
                            + " (a new attempt needs the previous one FAILED or CANCELLED)");
                }
                registration = ledger.registerNewAttempt(payment);
            }
        }
        PaymentRecord row = registration.payment();
        if (registration.outcome() == Registration.Outcome.CONFLICT || !row.sameMoneyAs(payment)) {
            throw new RejectedMessageException("orderId: order " + orderId + " is already registered as payment "
                    + row.paymentRequestId() + " with amount " + row.amountMinor() + " " + row.currency()
                    + " (minor units), this message has " + payment.amountMinor() + " " + payment.currency()
                    + "; one paymentRequestId cannot carry other money (Antom would answer REPEAT_REQ_INCONSISTENT)");
        }
        return registration;
    }

    private void pay(PaymentRecord row, CanonicalOrder current, boolean callRecorded) {
        String id = row.paymentRequestId();
        if (!callRecorded && !ledger.recordCall(id)) {
            // settled meanwhile (a notification won): its winner published the result
            LOG.debug("Payment {} became final before the pay call; nothing to do", id);
            return;
        }
        // an existing row is paid from its stored order, so a resend is identical to the first call
        CanonicalOrder order = row.orderJson() == null ? current : CanonicalOrderReader.read(row.orderJson());
        PayRequest request = PayRequestFactory.payRequest(order, row, defaultNotifyUrl);
        Exchange reply = send(request, null);
        for (int resend = 1;; resend++) {
            AntomRetryableException u = reply.getException() instanceof AntomRetryableException r ? r : null;
            Duration wait = resendPolicy.resendAfter(u, resend, row.createdAt(), row.expiresAt(), clock.instant());
            if (wait == null) {
                break; // not resendable, no longer young, or expired by then: reconciliation takes over
            }
            LOG.info("Payment {} (order {}): outcome unknown ({}); resending the identical pay request in {} ms "
                    + "(resend {})", id, row.orderId(), outcomeOf(u), wait.toMillis(), resend);
            if (!ResendPolicy.pause(wait)) {
                break; // the route is stopping: PROCESSING, reconciliation settles it
            }
            if (!ledger.recordCall(id)) {
                LOG.debug("Payment {} became final while waiting to resend; nothing to do", id);
                return;
            }
            // the component resends the bytes it sent first for the same paymentRequestId (PendingRequest)
            reply = send(request, reply.getProperty(AntomConstants.PENDING_REQUEST));
        }
        Exception failure = reply.getException();
        if (failure instanceof AntomFailureException f) {
            settle(row, PaymentStatus.FAILED, TransitionDetails.result(f.getResultCode(), f.getResultMessage()));
        } else if (failure instanceof AntomRetryableException u) {
            String code = outcomeOf(u);
            boolean changed = settlement.markProcessing(id, TransitionDetails.result(code, u.getMessage()));
            LOG.info("Payment {} (order {}): outcome not known yet ({}); PROCESSING{}, the notification or reconciliation"
                    + " settles it", id, row.orderId(), code, changed ? "" : " (already final)");
        } else if (failure != null) {
            throw new IllegalStateException("Antom pay of " + id + " failed unexpectedly: " + failure.getMessage(),
                    failure);
        } else {
            String status = reply.getMessage().getHeader(AntomConstants.RESULT_STATUS, String.class);
            String code = reply.getMessage().getHeader(AntomConstants.RESULT_CODE, String.class);
            String message = reply.getMessage().getHeader(AntomConstants.RESULT_MESSAGE, String.class);
            String paymentId = reply.getMessage().getBody() instanceof PayResponse r ? r.getPaymentId()
                    : reply.getMessage().getHeader(AntomConstants.PAYMENT_ID, String.class);
            TransitionDetails details = TransitionDetails.result(code, message).withPaymentId(paymentId);
            if ("S".equals(status)) {
                settle(row, PaymentStatus.PAID, details);
            } else if ("F".equals(status)) {
                settle(row, PaymentStatus.FAILED, details);
            } else {
                // a U that waits for the buyer (Order Code, cashier): never resent
                settlement.markProcessing(id, details);
            }
        }
    }

    /** One pay call; {@code pending} is the first call's PendingRequest on a resend, null on the first call. */
    private Exchange send(PayRequest request, Object pending) {
        return producer.send(antomEndpoint, e -> {
            AntomSpans.continueTrace(e);
            e.getMessage().setBody(request);
            if (pending != null) {
                e.setProperty(AntomConstants.PENDING_REQUEST, pending);
            }
        });
    }

    private static String outcomeOf(AntomRetryableException u) {
        return u.getResultCode() != null ? u.getResultCode() : u.getKind().name();
    }

    private void settle(PaymentRecord row, PaymentStatus target, TransitionDetails details) {
        PaymentSettlement.Outcome outcome = settlement.settle(row.paymentRequestId(), target, details);
        LOG.debug("Payment {} (order {}) -> {}: {}", row.paymentRequestId(), row.orderId(), target, outcome);
    }
}
