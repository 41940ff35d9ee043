package io.camelantom.routes.order;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelantom.model.Amount;
import io.camelantom.model.AntomJson;
import io.camelantom.model.RefundRequest;
import io.camelantom.routes.ledger.NewRefund;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentRequestIds;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.RefundLedger;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundRegistration;
import io.camelantom.routes.reconciliation.AntomCalls;
import io.camelantom.routes.reconciliation.RefundSender;
import io.camelantom.routes.result.RefundSettlement;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's refund command: registers the refund in the refund ledger (its refundRequestId derived from the ERP's
 * refund id; the amount checked against what was paid and already refunded, in one locked transaction), then calls
 * {@code antom:refund} with the identical stored request. S → REFUNDED, F → REFUND_FAILED (Antom's code), by
 * compare-and-set; the winner publishes the refund result in the command's JMS transaction. U, a timeout, HTTP 5xx or
 * an I/O error → the identical request is resent while the refund is young ({@link ResendPolicy}, as for pay; not
 * after {@code REFUND_IN_PROCESS}); still unknown → PROCESSING: the REFUND_RESULT notification or reconciliation's
 * inquiryRefund settles it. A refund id already
 * final gets its recorded result again; bad input, a refund over what is left, another money under the same refund id
 * → dead-letter queue.
 */
final class RefundCommandProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RefundCommandProcessor.class);

    private final RefundSettlement settlement;
    private final RefundLedger refunds;
    private final PaymentLedger payments;
    private final AntomCalls antom;
    private final CommandMapping commands;
    private final String notifyUrl;
    private final ResendPolicy resendPolicy;
    private final Clock clock;

    RefundCommandProcessor(RefundSettlement settlement, AntomCalls antom, CommandMapping commands, String notifyUrl,
            ResendPolicy resendPolicy, Clock clock) {
        this.settlement = settlement;
        this.refunds = settlement.ledger();
        this.payments = refunds.payments();
        this.antom = antom;
        this.commands = commands;
        this.notifyUrl = notifyUrl;
        this.resendPolicy = resendPolicy;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        CanonicalCommand.Refund command = commands.refund(exchange);
        long minor = CanonicalOrderReader.minorUnits(command.amount(), command.currency());
        PaymentRecord paid = command.payment(payments)
                .orElseThrow(() -> new RejectedMessageException(command.noPayment()));
        if (paid.status() != PaymentStatus.PAID) {
            // checked again, atomically, when the refund is registered
            throw new RejectedMessageException("orderId: payment " + paid.paymentRequestId() + " is " + paid.status()
                    + "; only a PAID payment is refunded");
        }
        NewRefund refund = new NewRefund(command.refundId(), paid.paymentRequestId(), minor, command.currency(),
                command.reason(), requestJson(command, paid, minor));
        RefundRegistration registration = refunds.register(refund);
        if (registration.outcome() == RefundRegistration.Outcome.REFUSED
                || registration.outcome() == RefundRegistration.Outcome.CONFLICT) {
            throw new RejectedMessageException(registration.reason());
        }
        RefundRecord row = registration.refund();
        if (row.status().isFinal()) {
            LOG.info("Refund {} (order {}) is already {}: its result is published again, no Antom call",
                    row.refundRequestId(), row.orderId(), row.status());
            settlement.republish(row);
            return;
        }
        AntomCalls.Answer answer = RefundSender.call(settlement, antom, row);
        for (int resend = 1; answer != null; resend++) {
            Duration wait = answer.outcome() != AntomCalls.Outcome.UNKNOWN ? null
                    : resendPolicy.resendAfter(answer.unknown(), resend, row.createdAt(), null, clock.instant());
            if (wait == null) {
                RefundSender.settle(settlement, row, answer);
                return;
            }
            LOG.info("Refund {} (order {}): outcome unknown ({}); resending the identical refund request in {} ms "
                    + "(resend {})", row.refundRequestId(), row.orderId(), answer.error(), wait.toMillis(), resend);
            if (!ResendPolicy.pause(wait)) {
                RefundSender.settle(settlement, row, answer); // the route is stopping: PROCESSING
                return;
            }
            answer = RefundSender.call(settlement, antom, row);
        }
        LOG.debug("Refund {} was settled by another route first", row.refundRequestId());
    }

    private String requestJson(CanonicalCommand.Refund command, PaymentRecord paid, long minor) {
        if (paid.paymentId() == null) {
            throw new RejectedMessageException("orderId: payment " + paid.paymentRequestId() + " is "
                    + paid.status() + " without Antom's paymentId; only a PAID payment is refunded");
        }
        RefundRequest request = new RefundRequest();
        request.setRefundRequestId(PaymentRequestIds.forRefund(command.refundId()));
        request.setPaymentId(paid.paymentId());
        if (command.refundId().length() <= 64) {
            request.setReferenceRefundId(command.refundId());
        }
        request.setRefundAmount(Amount.ofMinorUnits(minor, command.currency()));
        request.setRefundReason(command.reason());
        request.setRefundNotifyUrl(notifyUrl);
        try {
            return AntomJson.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a refund request", e);
        }
    }
}
