package io.camelantom.routes.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.result.PaymentResultMessage;
import io.camelantom.routes.result.PaymentSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the ERP's cancel of a payment the ledger holds as CANCELLING: {@code antom:cancel}, then settles it by
 * compare-and-set from CANCELLING, so exactly one result tells the ERP what happened. Shared by the order bridge's
 * cancel command and reconciliation (which finishes a cancel whose answer was unknown, or cut off by a crash).
 *
 * <table>
 * <caption>cancel answer → ledger (result)</caption>
 * <tr><td>S</td><td>CANCELLED (CANCELLED)</td></tr>
 * <tr><td>F ORDER_NOT_EXIST, no pay request ever sent</td><td>CANCELLED (no call to Antom at all)</td></tr>
 * <tr><td>F ORDER_NOT_EXIST after a pay request</td><td>stays CANCELLING (the pay may be in flight); reconciliation
 * cancels again after its grace period, then CANCELLED with code ORDER_NOT_EXIST</td></tr>
 * <tr><td>another F (CANCEL_WINDOW_EXCEED, ORDER_STATUS_INVALID...)</td><td>inquire: SUCCESS → PAID with the cancel's
 * code (REFUND_REQUIRED for CANCEL_WINDOW_EXCEED); FAIL → FAILED; CANCELLED → CANCELLED; still processing →
 * PROCESSING with CANCEL_WINDOW_EXCEED (reconciliation's refused path) or stays CANCELLING</td></tr>
 * <tr><td>U, HTTP error, timeout</td><td>stays CANCELLING; reconciliation finishes it</td></tr>
 * </table>
 */
public final class PaymentCancellation {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCancellation.class);
    private static final Set<PaymentStatus> CANCELLING = EnumSet.of(PaymentStatus.CANCELLING);

    /** What {@link #finish} did. */
    public enum Outcome {
        /** This caller settled it (CANCELLED, PAID/REFUND_REQUIRED, FAILED) and published its result. */
        SETTLED,
        /** Left CANCELLING or moved back to PROCESSING: the outcome is not known yet. */
        LEFT_OPEN,
        /** Someone else settled it first: nothing done. */
        LOST
    }

    private final PaymentSettlement settlement;
    private final PaymentLedger ledger;
    private final AntomCalls antom;
    private final Clock clock;

    public PaymentCancellation(PaymentSettlement settlement, AntomCalls antom, Clock clock) {
        this.settlement = Objects.requireNonNull(settlement, "settlement");
        this.ledger = settlement.ledger();
        this.antom = Objects.requireNonNull(antom, "antom");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Finishes the cancel of a CANCELLING payment.
     *
     * @param row                 the payment as read, CANCELLING
     * @param orderNotExistGrace  how long after the payment's last change {@code ORDER_NOT_EXIST} still means "maybe in
     *                            flight"; null: never settle on ORDER_NOT_EXIST after a pay request (the command)
     */
    public Outcome finish(PaymentRecord row, Duration orderNotExistGrace) {
        String id = row.paymentRequestId();
        if (row.status() != PaymentStatus.CANCELLING) {
            return Outcome.LOST;
        }
        if (row.callCount() == 0) {
            // never sent to Antom, and no pay can be sent any more (recordCall refuses CANCELLING)
            return settled(row, PaymentStatus.CANCELLED, new TransitionDetails(null, "CANCELLED",
                    "cancelled on the ERP's request before it was sent to Antom"));
        }
        if (!ledger.recordCall(id, CANCELLING)) {
            return Outcome.LOST;
        }
        AntomCalls.Answer cancel = antom.cancel(id);
        switch (cancel.outcome()) {
            case SUCCESS -> {
                return settled(row, PaymentStatus.CANCELLED, new TransitionDetails(cancel.paymentId(), "CANCELLED",
                        "cancelled on the ERP's request"));
            }
            case FAILURE -> {
                if (AntomCodes.ORDER_NOT_EXIST.equals(cancel.resultCode())) {
                    Duration quiet = Duration.between(row.updatedAt(), clock.instant());
                    if (orderNotExistGrace != null && quiet.compareTo(orderNotExistGrace) >= 0) {
                        return settled(row, PaymentStatus.CANCELLED, TransitionDetails.result(
                                AntomCodes.ORDER_NOT_EXIST, "cancelled on the ERP's request; Antom never received the "
                                        + "pay request (ORDER_NOT_EXIST, confirmed by a cancel): nothing charged"));
                    }
                    LOG.info("Cancel of payment {} (order {}): Antom does not know it (ORDER_NOT_EXIST); a pay request "
                            + "may still be in flight: left CANCELLING, reconciliation cancels it again", id,
                            row.orderId());
                    return Outcome.LEFT_OPEN;
                }
                return refused(row, cancel);
            }
            default -> {
                LOG.warn("Cancel of payment {} (order {}) gave no answer ({}); left CANCELLING, reconciliation "
                        + "finishes it", id, row.orderId(), cancel.error());
                return Outcome.LEFT_OPEN;
            }
        }
    }

    /** Antom refused the cancel with F: the payment's own state decides. */
    private Outcome refused(PaymentRecord row, AntomCalls.Answer cancel) {
        String id = row.paymentRequestId();
        String code = cancel.resultCode();
        AntomCalls.Answer inquiry = ledger.recordCall(id, CANCELLING) ? antom.inquire(id) : null;
        if (inquiry == null) {
            return Outcome.LOST;
        }
        String status = inquiry.outcome() == AntomCalls.Outcome.SUCCESS ? inquiry.paymentStatus() : null;
        if ("SUCCESS".equals(status)) {
            String message = AntomCodes.CANCEL_WINDOW_EXCEED.equals(code)
                    ? "paid; Antom refused the cancel (cancel window exceeded): refund it"
                    : "paid; Antom refused the cancel (" + code + ": " + cancel.resultMessage() + ")";
            Outcome o = settled(row, PaymentStatus.PAID, new TransitionDetails(inquiry.paymentId(), code, message));
            if (o == Outcome.SETTLED) {
                LOG.warn("Cancel of payment {} (order {}) refused by Antom ({}): the payment is paid, published as {}",
                        id, row.orderId(), code, AntomCodes.CANCEL_WINDOW_EXCEED.equals(code)
                                ? PaymentResultMessage.REFUND_REQUIRED : "PAID");
            }
            return o;
        }
        if ("FAIL".equals(status)) {
            return settled(row, PaymentStatus.FAILED, new TransitionDetails(inquiry.paymentId(),
                    inquiry.resultCode() == null ? "FAIL" : inquiry.resultCode(), inquiry.resultMessage()));
        }
        if ("CANCELLED".equals(status)) {
            return settled(row, PaymentStatus.CANCELLED, new TransitionDetails(inquiry.paymentId(), "CANCELLED",
                    "cancelled on the ERP's request"));
        }
        if (status != null && AntomCodes.CANCEL_WINDOW_EXCEED.equals(code)) {
            // still processing and not cancellable: reconciliation inquires and reports REFUND_REQUIRED if it pays
            ledger.transition(id, CANCELLING, PaymentStatus.PROCESSING, new TransitionDetails(inquiry.paymentId(),
                    code, "Antom refused the cancel (cancel window exceeded) while the payment is " + status));
            LOG.warn("Cancel of payment {} (order {}) refused (CANCEL_WINDOW_EXCEED) while it is {}: back to "
                    + "PROCESSING, reconciliation settles it", id, row.orderId(), status);
            return Outcome.LEFT_OPEN;
        }
        LOG.warn("Cancel of payment {} (order {}) refused ({}: {}) and its state is {}; left CANCELLING, "
                + "reconciliation tries again", id, row.orderId(), code, cancel.resultMessage(),
                status == null ? "unknown" : status);
        return Outcome.LEFT_OPEN;
    }

    private Outcome settled(PaymentRecord row, PaymentStatus target, TransitionDetails details) {
        PaymentSettlement.Outcome o = settlement.settle(row.paymentRequestId(), CANCELLING, target, details);
        if (o == PaymentSettlement.Outcome.SETTLED) {
            LOG.info("Payment {} (order {}) settled {} by the ERP's cancel ({})", row.paymentRequestId(),
                    row.orderId(), target, details.resultCode());
            return Outcome.SETTLED;
        }
        return Outcome.LOST;
    }
}
