package io.camelantom.routes.order;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.reconciliation.AntomCalls;
import io.camelantom.routes.result.PaymentResultMessage;
import io.camelantom.routes.result.PaymentSettlement;
import io.camelantom.routes.result.RefundSettlement;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's status inquiry, JMS request/reply: the body of the reply is the ledger's view of the order (its latest or
 * named attempt and that attempt's refunds). With {@code "refresh": true}, an open payment is inquired at Antom first
 * ({@code antom:inquiryPayment}) and settled when the answer decides it (publishing its result as usual), and open
 * refunds likewise ({@code antom:inquiryRefund}). camel-jms sends the reply to {@code JMSReplyTo} with the request's
 * {@code JMSCorrelationID} (its {@code JMSMessageID} when it has none). A request without {@code JMSReplyTo} cannot be
 * answered: dead-letter queue.
 */
final class InquiryProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(InquiryProcessor.class);

    private final PaymentSettlement payments;
    private final PaymentLedger ledger;
    private final RefundSettlement refunds;
    private final AntomCalls antom;
    private final CommandMapping commands;
    private final Clock clock;

    InquiryProcessor(PaymentSettlement payments, RefundSettlement refunds, AntomCalls antom, CommandMapping commands,
            Clock clock) {
        this.payments = payments;
        this.ledger = payments.ledger();
        this.refunds = refunds;
        this.antom = antom;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        if (exchange.getPattern() != ExchangePattern.InOut) {
            throw new RejectedMessageException("JMSReplyTo: missing; a status inquiry is request/reply");
        }
        CanonicalCommand.Inquiry inquiry = commands.inquiry(exchange);
        Optional<PaymentRecord> found = inquiry.payment(ledger);
        ObjectNode reply = AntomJson.mapper().createObjectNode();
        reply.put("orderId", inquiry.orderId());
        if (found.isEmpty()) {
            reply.put("found", false);
        } else {
            PaymentRecord row = found.get();
            boolean refreshed = false;
            if (inquiry.refresh()) {
                refreshed = refresh(row);
                row = ledger.find(row.paymentRequestId()).orElse(row);
            }
            describe(reply, row, refreshed);
        }
        reply.put("time", clock.instant().toString());
        exchange.getMessage().setHeader(AntomRouteHeaders.ORDER_ID, inquiry.orderId());
        try {
            exchange.getMessage().setBody(AntomJson.mapper().writeValueAsString(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an inquiry reply", e);
        }
    }

    /** Asks Antom about an open payment and its open refunds, settling what the answers decide. */
    private boolean refresh(PaymentRecord row) {
        boolean asked = false;
        String id = row.paymentRequestId();
        if (row.status().isOpen() && ledger.recordCall(id)) {
            asked = true;
            AntomCalls.Answer a = antom.inquire(id);
            String status = a.outcome() == AntomCalls.Outcome.SUCCESS ? a.paymentStatus() : null;
            String code = a.resultCode();
            if ("SUCCESS".equals(status)) {
                // a payment whose cancel Antom refused stays REFUND_REQUIRED
                String paidCode = PaymentResultMessage.CANCEL_WINDOW_EXCEED.equals(row.resultCode())
                        ? row.resultCode() : code == null ? "SUCCESS" : code;
                payments.settle(id, PaymentStatus.PAID, new TransitionDetails(a.paymentId(), paidCode,
                        a.resultMessage()));
            } else if ("FAIL".equals(status)) {
                payments.settle(id, PaymentStatus.FAILED, new TransitionDetails(a.paymentId(),
                        code == null ? "FAIL" : code, a.resultMessage()));
            } else if ("CANCELLED".equals(status)) {
                payments.settle(id, PaymentStatus.CANCELLED, new TransitionDetails(a.paymentId(), "CANCELLED",
                        a.resultMessage()));
            } else if (status != null && row.status() == PaymentStatus.UNKNOWN) {
                payments.markProcessing(id, TransitionDetails.none().withPaymentId(a.paymentId()));
            } else if (status == null) {
                LOG.info("Inquiry of order {}: Antom's answer on payment {} decided nothing ({} {})", row.orderId(),
                        id, a.outcome(), a.resultCode());
            }
        }
        for (RefundRecord refund : refunds.ledger().findForPayment(id)) {
            if (refund.status().isFinal() || !refunds.ledger().recordCall(refund.refundRequestId())) {
                continue;
            }
            asked = true;
            AntomCalls.Answer a = antom.inquireRefund(refund.refundRequestId());
            if (a.outcome() == AntomCalls.Outcome.SUCCESS && "SUCCESS".equals(a.refundStatus())) {
                refunds.settle(refund.refundRequestId(), RefundStatus.REFUNDED, a.refundId(), "SUCCESS",
                        a.resultMessage());
            } else if (a.outcome() == AntomCalls.Outcome.SUCCESS && "FAIL".equals(a.refundStatus())) {
                refunds.settle(refund.refundRequestId(), RefundStatus.REFUND_FAILED, a.refundId(), "FAIL",
                        a.resultMessage());
            }
        }
        return asked;
    }

    private void describe(ObjectNode reply, PaymentRecord row, boolean refreshed) {
        reply.put("found", true);
        reply.put("refreshed", refreshed);
        reply.put("paymentRequestId", row.paymentRequestId());
        reply.put("attempt", row.attempt());
        reply.put("status", row.status().isFinal()
                ? PaymentResultMessage.publishedStatus(row.status(), row.resultCode()) : row.status().name());
        reply.put("final", row.status().isFinal());
        putIfPresent(reply, "paymentId", row.paymentId());
        putIfPresent(reply, "resultCode", row.resultCode());
        putIfPresent(reply, "resultMessage", row.resultMessage());
        reply.put("amount", PaymentResultMessage.majorUnits(row.amountMinor(), row.currency()));
        reply.put("currency", row.currency());
        reply.put("createdAt", row.createdAt().toString());
        reply.put("updatedAt", row.updatedAt().toString());
        List<RefundRecord> rows = refunds.ledger().findForPayment(row.paymentRequestId());
        long refunded = rows.stream().filter(r -> r.status() == RefundStatus.REFUNDED)
                .mapToLong(RefundRecord::amountMinor).sum();
        reply.put("refundedAmount", PaymentResultMessage.majorUnits(refunded, row.currency()));
        ArrayNode list = reply.putArray("refunds");
        for (RefundRecord r : rows) {
            ObjectNode n = list.addObject();
            n.put("refundId", r.erpRefundId());
            n.put("refundRequestId", r.refundRequestId());
            n.put("status", r.status().name());
            n.put("amount", PaymentResultMessage.majorUnits(r.amountMinor(), r.currency()));
            putIfPresent(n, "antomRefundId", r.refundId());
            putIfPresent(n, "resultCode", r.resultCode());
        }
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
