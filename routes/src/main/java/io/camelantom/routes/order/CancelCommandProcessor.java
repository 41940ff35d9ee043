package io.camelantom.routes.order;

import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.RefundLedger;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.reconciliation.PaymentCancellation;
import io.camelantom.routes.result.PaymentResultMessage;
import io.camelantom.routes.result.PaymentSettlement;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's cancel command: takes the order's current attempt to CANCELLING by compare-and-set (from PENDING,
 * PROCESSING, UNKNOWN or PAID; a PENDING payment whose pay call is in flight, and an order not registered yet, are tried
 * again later: {@link TryAgainLaterException}), then {@link PaymentCancellation} calls {@code antom:cancel} and settles it, publishing one
 * result in the command's JMS transaction. While CANCELLING, neither a pay nor a PAID notification settles the payment:
 * the cancel's answer decides, so a cancel racing a notification ends in exactly one final result. An attempt already
 * FAILED or CANCELLED (or PAID and refused before, REFUND_REQUIRED) gets its recorded result again; a payment with
 * refunds is refused (Antom cannot cancel it).
 */
final class CancelCommandProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(CancelCommandProcessor.class);

    private final PaymentSettlement settlement;
    private final PaymentLedger ledger;
    private final RefundLedger refunds;
    private final PaymentCancellation cancellation;
    private final CommandMapping commands;

    CancelCommandProcessor(PaymentSettlement settlement, PaymentCancellation cancellation, CommandMapping commands) {
        this.settlement = settlement;
        this.ledger = settlement.ledger();
        this.refunds = ledger.refunds();
        this.cancellation = cancellation;
        this.commands = commands;
    }

    @Override
    public void process(Exchange exchange) {
        CanonicalCommand.Cancel command = commands.cancel(exchange);
        for (int round = 0; round < 5; round++) {
            PaymentRecord row = find(command);
            String id = row.paymentRequestId();
            switch (row.status()) {
                case FAILED, CANCELLED -> {
                    LOG.info("Cancel of order {}: payment {} is already {}; its result is published again",
                            row.orderId(), id, row.status());
                    settlement.republish(row);
                    return;
                }
                case PAID -> {
                    if (PaymentResultMessage.CANCEL_WINDOW_EXCEED.equals(row.resultCode())) {
                        LOG.info("Cancel of order {}: Antom refused to cancel payment {} before; its REFUND_REQUIRED "
                                + "result is published again", row.orderId(), id);
                        settlement.republish(row);
                        return;
                    }
                    if (refunds.hasRefunds(id)) {
                        throw new RejectedMessageException("orderId: payment " + id + " of order " + row.orderId()
                                + " has refunds and cannot be cancelled; refund what is left instead");
                    }
                    if (ledger.transition(id, PaymentStatus.PAID, PaymentStatus.CANCELLING, TransitionDetails.none())) {
                        finish(id);
                        return;
                    }
                }
                case PENDING, PROCESSING, UNKNOWN -> {
                    if (row.status() == PaymentStatus.PENDING && row.callCount() > 0) {
                        // the pay call is in flight (a cancel close behind its order): cancelled now, Antom may not have
                        // the payment yet (ORDER_NOT_EXIST) and it would wait for reconciliation; its answer comes soon
                        throw new TryAgainLaterException("orderId: payment " + id + " of order " + row.orderId()
                                + " still waits for the answer to its pay request (PENDING)");
                    }
                    if (ledger.transition(id, PaymentSettlement.OPEN, PaymentStatus.CANCELLING,
                            TransitionDetails.none())) {
                        finish(id);
                        return;
                    }
                }
                case CANCELLING -> {
                    finish(id);
                    return;
                }
            }
            // the payment changed under us: look again
        }
        throw new IllegalStateException("the payment of order " + command.orderId() + " kept changing; tried again");
    }

    private void finish(String id) {
        PaymentRecord row = ledger.find(id).orElseThrow(() -> new IllegalStateException("payment " + id + " vanished"));
        PaymentCancellation.Outcome outcome = cancellation.finish(row, null);
        LOG.info("Cancel of payment {} (order {}): {}", id, row.orderId(), outcome);
    }

    /**
     * The attempt a command names, or the order's latest. A missing order is not bad input at once: the command may
     * have overtaken its order (still on the orders queue); it is kept and tried again for
     * {@code unknownPaymentGracePeriod}, then dead-lettered ({@link TryAgainLaterException}).
     */
    private PaymentRecord find(CanonicalCommand command) {
        return command.payment(ledger).orElseThrow(() -> new TryAgainLaterException(command.noPayment()));
    }
}
