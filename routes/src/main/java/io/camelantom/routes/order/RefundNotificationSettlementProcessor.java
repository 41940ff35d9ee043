package io.camelantom.routes.order;

import java.util.Optional;

import io.camelantom.model.RefundNotification;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;
import io.camelantom.routes.result.RefundSettlement;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles refunds from verified {@code REFUND_RESULT} notifications (the notification bridge's
 * {@code refundResultDestination}): {@code refundStatus} SUCCESS → REFUNDED, FAIL → REFUND_FAILED (the notification's
 * result code), by compare-and-set from PENDING or PROCESSING; the winner publishes the refund result (committed by the
 * broker before it is recorded). A refund already final is left alone. A refund the ledger does not know is kept and tried
 * again for {@code unknownPaymentGracePeriod} (it may race its registration), then dead-lettered with the reason (a
 * refund made outside the bridge, e.g. in Antom's dashboard); another notifyType → dead-letter queue at once.
 */
final class RefundNotificationSettlementProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RefundNotificationSettlementProcessor.class);

    private final RefundSettlement settlement;

    RefundNotificationSettlementProcessor(RefundSettlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public void process(Exchange exchange) {
        RefundNotification notification = NotificationSettlementProcessor.read(exchange.getMessage().getBody(),
                RefundNotification.class, "refund");
        if (!"REFUND_RESULT".equals(notification.getNotifyType())) {
            throw new RejectedMessageException("notifyType: " + notification.getNotifyType()
                    + " is not settled by the refund route (REFUND_RESULT only)");
        }
        String id = NotificationSettlementProcessor.requiredId(notification.getRefundRequestId(), "refundRequestId");
        Optional<RefundRecord> found = settlement.ledger().find(id);
        if (found.isEmpty()) {
            // not bad input at once: it can overtake the refund's registration (after a crash, on another node);
            // kept and tried again for the grace period, then dead-lettered (a refund made outside the bridge)
            throw new TryAgainLaterException("refundRequestId: no refund " + id + " in the ledger (a refund made "
                    + "outside the order bridge?)");
        }
        RefundRecord row = found.get();
        String status = notification.getRefundStatus();
        RefundStatus target = "SUCCESS".equals(status) ? RefundStatus.REFUNDED
                : "FAIL".equals(status) ? RefundStatus.REFUND_FAILED : null;
        if (target == null) {
            LOG.debug("REFUND_RESULT for refund {} with refundStatus {}: nothing to settle", id, status);
            return;
        }
        if (row.status().isFinal()) {
            if (row.status() != target) {
                LOG.warn("Notification says refund {} is {}, but the ledger has it {} (final); left for an operator",
                        id, target, row.status());
            }
            return;
        }
        String code = notification.getResult() == null ? null : notification.getResult().getResultCode();
        String message = notification.getResult() == null ? null : notification.getResult().getResultMessage();
        if (settlement.settle(id, target, notification.getRefundId(), code == null ? status : code, message)) {
            LOG.info("Refund {} (order {}) settled {} by notification", id, row.orderId(), target);
        }
    }
}
