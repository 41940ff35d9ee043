package io.camelantom.routes.order;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.camelantom.model.AntomJson;
import io.camelantom.model.AntomNotification;
import io.camelantom.model.PaymentNotification;
import io.camelantom.model.Result;
import io.camelantom.routes.ledger.PaymentEvent;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.result.PaymentSettlement;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles payments from verified {@code PAYMENT_RESULT} notifications that the notification bridge put on the
 * notifications queue (body: the notification JSON as Antom sent it). S → PAID, F → FAILED by compare-and-set from any
 * open state; the winner publishes the order's result, committed by the broker before it is recorded as published (not
 * in the notification's JMS transaction). A payment already final is left alone: whoever settled it published its
 * result; a result a crash left unpublished is the outbox repair's.
 */
final class NotificationSettlementProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSettlementProcessor.class);

    private final PaymentLedger ledger;
    private final PaymentSettlement settlement;

    NotificationSettlementProcessor(PaymentSettlement settlement) {
        this.ledger = settlement.ledger();
        this.settlement = settlement;
    }

    @Override
    public void process(Exchange exchange) {
        PaymentNotification notification = read(exchange.getMessage().getBody(), PaymentNotification.class, "payment");
        if ("PAYMENT_PENDING".equals(notification.getNotifyType())) {
            // the buyer finished, the final result follows in a PAYMENT_RESULT: nothing to settle yet
            LOG.debug("PAYMENT_PENDING for payment {}: waiting for its result", notification.getPaymentRequestId());
            return;
        }
        if (!"PAYMENT_RESULT".equals(notification.getNotifyType())) {
            throw new RejectedMessageException("notifyType: " + notification.getNotifyType()
                    + " is not settled by the order bridge (PAYMENT_RESULT and PAYMENT_PENDING only)");
        }
        String id = requiredId(notification.getPaymentRequestId(), "paymentRequestId");
        Result result = notification.getResult();
        if (result == null || result.isUnknown()) {
            LOG.debug("Notification for payment {} is not final ({}); nothing to settle", id, result);
            return;
        }
        Optional<PaymentRecord> found = ledger.find(id);
        if (found.isEmpty()) {
            // not bad input: kept and tried again for the grace period (see OrderBridgeRouteTemplate)
            throw new TryAgainLaterException("paymentRequestId: no payment " + id + " in the ledger");
        }
        PaymentRecord row = found.get();
        PaymentStatus target = result.isSuccess() ? PaymentStatus.PAID : PaymentStatus.FAILED;
        if (row.status() == PaymentStatus.CANCELLING) {
            // the ERP's cancel is under way: its answer decides (CANCELLED, or REFUND_REQUIRED if Antom refuses)
            LOG.info("Notification says payment {} (order {}) is {} while it is being cancelled: the cancel decides",
                    id, row.orderId(), target);
            return;
        }
        if (row.status().isFinal()) {
            finalAlready(row, target);
            return;
        }
        TransitionDetails details = TransitionDetails.result(result.getResultCode(), result.getResultMessage())
                .withPaymentId(notification.getPaymentId()).withSource(PaymentEvent.NOTIFICATION);
        PaymentSettlement.Outcome outcome = settlement.settle(id, target, details);
        if (outcome == PaymentSettlement.Outcome.LOST) {
            LOG.debug("Payment {} was settled by another route first", id);
        } else {
            LOG.info("Payment {} (order {}) settled {} by notification", id, row.orderId(), target);
        }
    }

    private void finalAlready(PaymentRecord row, PaymentStatus notified) {
        if (row.status() != notified) {
            LOG.warn("Notification says payment {} is {}, but the ledger has it {} (final); left for an operator",
                    row.paymentRequestId(), notified, row.status());
        }
        // otherwise nothing: whoever settled it published its result (a result still owed after a crash is the outbox
        // repair's)
    }

    /** The id a notification is settled by; a notification without it is bad input. */
    static String requiredId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new RejectedMessageException(field + ": is missing in the notification");
        }
        return id;
    }

    /** The verified notification the bridge put on the queue; {@code kind} ("payment", "refund") names it in errors. */
    static <T extends AntomNotification> T read(Object body, Class<T> type, String kind) {
        if (body == null) {
            throw new RejectedMessageException("the notification body is empty");
        }
        try {
            Object json = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body;
            return AntomJson.convert(json, type);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException("the notification is not a JSON " + kind + " notification");
        }
    }
}
