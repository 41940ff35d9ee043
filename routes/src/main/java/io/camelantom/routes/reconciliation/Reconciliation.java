package io.camelantom.routes.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.camelantom.model.PayRequest;
import io.camelantom.routes.ledger.BadLedgerRow;
import io.camelantom.routes.ledger.LedgerBatch;
import io.camelantom.routes.ledger.PaymentEvent;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.RefundLedger;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.order.PayRequestFactory;
import io.camelantom.routes.result.PaymentResultMessage;
import io.camelantom.routes.result.PaymentSettlement;
import io.camelantom.routes.result.RefundSettlement;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation instance: {@link #runOnce()} is one pass over the ledger's PROCESSING and UNKNOWN payments that
 * are due (see {@code routes/README.md}, "Reconciliation", for the rules). As a {@link Processor} it runs one pass per
 * exchange (the quartz route) and puts the {@link ReconciliationReport} in the body.
 * <p>
 * Safe with several nodes and overlapping runs: a payment is only inquired by the caller whose
 * {@link PaymentLedger#claimForCheck claim} won, and only the caller whose final transition wins publishes its result
 * ({@link PaymentSettlement}). Every decision about time (age, closing time, grace period) uses the given clock, the
 * same one as the ledger's.
 */
public class Reconciliation implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    /** The result code of a PENDING payment taken over ({@link #takeOverStalledPayments}); replaced when it settles. */
    static final String PENDING_TIMEOUT = "PENDING_TIMEOUT";

    private final String name;
    private final PaymentSettlement settlement;
    private final PaymentLedger ledger;
    private final AntomCalls antom;
    private final ReconciliationSettings settings;
    private final Clock clock;
    private final Consumer<ReconciliationReport> metrics;
    private final PaymentCancellation cancellation;
    private final RefundSettlement refunds;

    Reconciliation(String name, PaymentSettlement settlement, RefundSettlement refunds, AntomCalls antom,
            ReconciliationSettings settings, Clock clock, Consumer<ReconciliationReport> metrics) {
        this.name = Objects.requireNonNull(name, "name");
        this.settlement = Objects.requireNonNull(settlement, "settlement");
        this.refunds = Objects.requireNonNull(refunds, "refunds");
        this.cancellation = new PaymentCancellation(settlement, antom, clock);
        this.ledger = settlement.ledger();
        this.antom = Objects.requireNonNull(antom, "antom");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = metrics == null ? report -> {
        } : metrics;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(runOnce());
    }

    /** The instance's name (the template's {@code name} parameter). */
    public String name() {
        return name;
    }

    /**
     * One pass: selects due payments batch by batch, claims, inquires and settles each, logs one INFO line with the
     * counts and records the metrics. Never throws for a single payment or a bad row; a ledger that cannot be read at
     * all is thrown (the run is then logged by the caller and the next run tries again).
     */
    public ReconciliationReport runOnce() {
        Counts counts = new Counts(clock.instant());
        Set<String> seen = new HashSet<>();
        takeOverStalledPayments(counts, seen);
        for (int batch = 0; batch < settings.maxBatchesPerRun(); batch++) {
            LedgerBatch due = ledger.findDueForCheck(settings.minAge(), settings.batchSize());
            reportBadRows(due, counts, seen);
            int claimed = 0;
            for (PaymentRecord row : due.payments()) {
                if (!seen.add(row.paymentRequestId())) {
                    continue;
                }
                if (!ledger.claimForCheck(row, settings.backoff())) {
                    continue; // another node or run has it for this period
                }
                claimed++;
                checkClaimed("payment " + row.paymentRequestId(), () -> check(row, counts), counts);
            }
            if (claimed == 0 && due.badRows().isEmpty() || due.payments().size() + due.badRows().size()
                    < settings.batchSize()) {
                break;
            }
        }
        reconcileRefunds(counts);
        ReconciliationReport report = counts.report(oldestPendingAge());
        LOG.info("Reconciliation {}: {}", name, report.summary());
        try {
            metrics.accept(report);
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation {}: metrics not recorded: {}", name, e.toString());
        }
        return report;
    }

    /**
     * One check of one payment now, whatever its next check time (the operations console's "inquire now"): claims it
     * like a run does (so it is not checked twice at once), inquires and settles by the same rules. Returns the
     * report of this single check; {@code checked} is 0 when the payment is final, unknown or being checked by
     * someone else.
     */
    public ReconciliationReport checkNow(String paymentRequestId) {
        Counts counts = new Counts(clock.instant());
        Optional<PaymentRecord> row = ledger.find(paymentRequestId);
        if (row.isPresent() && !row.get().status().isFinal() && ledger.claimForCheck(row.get(), settings.backoff())) {
            counts.checked++;
            try {
                check(row.get(), counts);
            } catch (RuntimeException e) {
                counts.errors++;
                counts.stillPending++;
                LOG.warn("Reconciliation {}: payment {} could not be checked now: {}", name, paymentRequestId,
                        e.toString());
            }
        }
        return counts.report(null);
    }

    /**
     * Takes over the PENDING payments nobody has written for {@code pendingTimeout}: the order bridge that registered
     * them stopped before settling or parking them, and their order message is gone with it (the broker dead-lettered
     * it after a run of crashes, or it was removed). Nothing else would ever settle them, and their order would get no
     * result. Taken over as the bridge parks a payment: PENDING becomes UNKNOWN (whether Antom received the pay
     * request is not known), and the run then checks it like any UNKNOWN payment. A bridge still working on one
     * loses nothing: it settles from UNKNOWN as from PENDING, the compare-and-set lets one settlement win, and every
     * Antom call carries the same paymentRequestId.
     */
    private void takeOverStalledPayments(Counts counts, Set<String> seen) {
        for (int batch = 0; batch < settings.maxBatchesPerRun(); batch++) {
            LedgerBatch stalled = ledger.findStalledPending(settings.pendingTimeout(), settings.batchSize());
            reportBadRows(stalled, counts, seen);
            int taken = 0;
            for (PaymentRecord row : stalled.payments()) {
                Duration quiet = Duration.between(row.updatedAt(), clock.instant());
                if (ledger.transition(row.paymentRequestId(), PaymentStatus.PENDING, PaymentStatus.UNKNOWN,
                        TransitionDetails.result(PENDING_TIMEOUT, "PENDING and unwritten for " + quiet.toSeconds()
                                + "s: its order bridge stopped before settling it; taken over by reconciliation"))) {
                    taken++;
                    LOG.warn("Reconciliation {}: payment {} (order {}) was PENDING and unwritten for {}s (pendingTimeout "
                            + "{}): its order bridge stopped before settling it and its order message is gone (see "
                            + "the dead-letter queues); taken over as UNKNOWN", name, row.paymentRequestId(),
                            row.orderId(), quiet.toSeconds(), settings.pendingTimeout());
                }
            }
            counts.takenOver += taken;
            if (taken == 0 || stalled.payments().size() + stalled.badRows().size() < settings.batchSize()) {
                return;
            }
        }
    }

    /** Logs, counts and postpones the unreadable rows of a batch (once per run each). */
    private void reportBadRows(LedgerBatch batch, Counts counts, Set<String> seen) {
        for (BadLedgerRow bad : batch.badRows()) {
            if (seen.add(bad.paymentRequestId())) {
                counts.badRows++;
                LOG.warn("Reconciliation {}: ledger row {} cannot be read ({}; stored status {}); skipped, next look in {}",
                        name, bad.paymentRequestId(), bad.reason(), bad.storedStatus(), settings.badRowDelay());
                postpone(bad.paymentRequestId());
            }
        }
    }

    private void check(PaymentRecord row, Counts counts) {
        String id = row.paymentRequestId();
        if (row.status() == PaymentStatus.CANCELLING) {
            // the ERP's cancel whose answer was unknown or cut off: finish it (cancel again, settle by the answer)
            switch (cancellation.finish(row, settings.orderNotExistGracePeriod())) {
                case SETTLED -> counts.cancelled++;
                case LOST -> counts.resolved++;
                case LEFT_OPEN -> counts.stillPending++;
            }
            return;
        }
        if (!ledger.recordCall(id)) {
            counts.resolved++; // settled by someone else since it was selected
            return;
        }
        AntomCalls.Answer inquiry = antom.inquire(id);
        switch (inquiry.outcome()) {
            case SUCCESS -> onInquiry(row, inquiry, counts);
            case FAILURE -> {
                if (AntomCodes.ORDER_NOT_EXIST.equals(inquiry.resultCode())) {
                    onOrderNotExist(row, counts);
                } else {
                    counts.errors++;
                    counts.stillPending++;
                    LOG.warn("Reconciliation {}: inquiry of payment {} failed with F {} ({}); left open", name, id,
                            inquiry.resultCode(), inquiry.resultMessage());
                }
            }
            case UNKNOWN, ERROR -> {
                counts.errors++;
                counts.stillPending++;
                LOG.warn("Reconciliation {}: inquiry of payment {} gave no answer ({}); next check in {}", name, id,
                        inquiry.error(), settings.backoff().delayAfter(row.checkCount() + 1));
            }
        }
    }

    private void onInquiry(PaymentRecord row, AntomCalls.Answer inquiry, Counts counts) {
        String status = inquiry.paymentStatus() == null ? "" : inquiry.paymentStatus();
        switch (status) {
            case "SUCCESS" -> settlePaid(row, inquiry, counts);
            case "FAIL" -> settle(row, PaymentStatus.FAILED, details(inquiry, "FAIL"), counts);
            case "CANCELLED" -> settle(row, PaymentStatus.CANCELLED, details(inquiry, "CANCELLED"), counts);
            default -> {
                // PROCESSING, PENDING or a status this version does not know: not final
                if (row.status() == PaymentStatus.UNKNOWN) {
                    // Antom has the payment: its outcome is pending, no longer "unknown whether it exists"
                    settlement.markProcessing(row.paymentRequestId(),
                            TransitionDetails.none().withPaymentId(inquiry.paymentId()));
                }
                if (pastClosingTime(row) && !cancelRefused(row)) {
                    cancel(row, counts);
                } else {
                    counts.stillPending++;
                    if (cancelRefused(row)) {
                        LOG.warn("Reconciliation {}: payment {} (order {}) is {} past its closing time and Antom "
                                + "refused to cancel it ({}); waiting for its outcome", name, row.paymentRequestId(),
                                row.orderId(), status, AntomCodes.CANCEL_WINDOW_EXCEED);
                    }
                }
            }
        }
    }

    /**
     * Antom does not know the payment. Within the grace period the pay request may still be in flight: wait. Before
     * the closing time: Antom never received it, so the original pay request is resent (identical, rebuilt from the
     * ledger's stored order). At or past the closing time: a confirming cancel, then FAILED
     * ({@value AntomCodes#EXPIRED_NOT_RECEIVED}) when Antom still does not know it.
     */
    private void onOrderNotExist(PaymentRecord row, Counts counts) {
        Duration age = Duration.between(row.createdAt(), clock.instant());
        if (age.compareTo(settings.orderNotExistGracePeriod()) < 0) {
            counts.stillPending++;
            LOG.info("Reconciliation {}: Antom does not know payment {} yet (ORDER_NOT_EXIST, {}s after creation, "
                    + "grace period {}); left open", name, row.paymentRequestId(), age.toSeconds(),
                    settings.orderNotExistGracePeriod());
            return;
        }
        if (pastClosingTime(row)) {
            cancel(row, counts, true);
            return;
        }
        Optional<PayRequest> original;
        try {
            original = PayRequestFactory.fromLedger(row);
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation {}: the stored order of payment {} cannot be read ({}); it is not resent",
                    name, row.paymentRequestId(), e.getMessage());
            original = Optional.empty();
        }
        if (original.isEmpty() || PayRequestFactory.waitsForBuyer(original.get())) {
            counts.stillPending++;
            LOG.info("Reconciliation {}: Antom never received payment {} (order {}); it is not resent ({}); left open "
                    + "until its closing time {}, then cancelled", name, row.paymentRequestId(), row.orderId(),
                    original.isEmpty() ? "no stored order" : "the buyer would have to act", closingTime(row));
            return;
        }
        resendPay(row, original.get(), counts);
    }

    private void resendPay(PaymentRecord row, PayRequest request, Counts counts) {
        String id = row.paymentRequestId();
        if (!ledger.recordCall(id)) {
            counts.resolved++;
            return;
        }
        LOG.info("Reconciliation {}: Antom never received payment {} (order {}) (ORDER_NOT_EXIST before its closing "
                + "time {}); resending its original pay request", name, id, row.orderId(), closingTime(row));
        AntomCalls.Answer pay = antom.pay(request);
        switch (pay.outcome()) {
            case SUCCESS -> settle(row, PaymentStatus.PAID, details(pay, "SUCCESS"), counts);
            case FAILURE -> settle(row, PaymentStatus.FAILED, details(pay, "FAIL"), counts);
            case UNKNOWN, ERROR -> {
                counts.errors++;
                counts.stillPending++;
                LOG.warn("Reconciliation {}: resent pay request of payment {} gave no final answer ({}); next check "
                        + "in {}", name, id, pay.error(), settings.backoff().delayAfter(row.checkCount() + 1));
            }
        }
    }

    private void cancel(PaymentRecord row, Counts counts) {
        cancel(row, counts, false);
    }

    /** @param neverReceived the inquiry answered ORDER_NOT_EXIST: the cancel confirms Antom never got the payment */
    private void cancel(PaymentRecord row, Counts counts, boolean neverReceived) {
        String id = row.paymentRequestId();
        if (!ledger.recordCall(id)) {
            counts.resolved++;
            return;
        }
        LOG.info("Reconciliation {}: payment {} (order {}) is still open past its closing time {}{}; cancelling", name,
                id, row.orderId(), closingTime(row), neverReceived ? " and Antom does not know it" : "");
        AntomCalls.Answer cancel = antom.cancel(id);
        switch (cancel.outcome()) {
            case SUCCESS -> {
                if (settlement.settle(id, PaymentStatus.CANCELLED, new TransitionDetails(cancel.paymentId(),
                        "CANCELLED", "cancelled by reconciliation after its closing time"))
                        == PaymentSettlement.Outcome.SETTLED) {
                    counts.cancelled++;
                } else {
                    counts.resolved++;
                }
            }
            case FAILURE -> {
                if (AntomCodes.CANCEL_WINDOW_EXCEED.equals(cancel.resultCode())) {
                    onCancelRefused(row, counts);
                } else if (neverReceived && AntomCodes.ORDER_NOT_EXIST.equals(cancel.resultCode())) {
                    // expired without Antom ever knowing it, and the door is closed: nothing was charged
                    settle(row, PaymentStatus.FAILED, TransitionDetails.result(AntomCodes.EXPIRED_NOT_RECEIVED,
                            "Antom never received the pay request before the payment's closing time "
                                    + closingTime(row) + " (ORDER_NOT_EXIST, confirmed by a cancel): nothing charged"),
                            counts);
                } else {
                    counts.errors++;
                    counts.stillPending++;
                    LOG.warn("Reconciliation {}: cancel of payment {} failed with F {} ({}); tried again on a later run",
                            name, id, cancel.resultCode(), cancel.resultMessage());
                }
            }
            case UNKNOWN, ERROR -> {
                counts.errors++;
                counts.stillPending++;
                LOG.warn("Reconciliation {}: cancel of payment {} gave no answer ({}); tried again on a later run", name,
                        id, cancel.error());
            }
        }
    }

    /** Cancel answered CANCEL_WINDOW_EXCEED: look once more; paid means "refund it", else remember the refusal. */
    private void onCancelRefused(PaymentRecord row, Counts counts) {
        String id = row.paymentRequestId();
        AntomCalls.Answer again = ledger.recordCall(id) ? antom.inquire(id) : null;
        if (again == null) {
            counts.resolved++;
            return;
        }
        String status = again.outcome() == AntomCalls.Outcome.SUCCESS ? again.paymentStatus() : null;
        if ("SUCCESS".equals(status)) {
            settleRefundRequired(row, again, counts);
        } else if ("FAIL".equals(status)) {
            settle(row, PaymentStatus.FAILED, details(again, "FAIL"), counts);
        } else if ("CANCELLED".equals(status)) {
            settle(row, PaymentStatus.CANCELLED, details(again, "CANCELLED"), counts);
        } else {
            // not final and not cancellable: recorded, so later runs inquire only and report a late success for refund
            ledger.transition(id, PaymentSettlement.OPEN, PaymentStatus.PROCESSING, new TransitionDetails(
                    again.paymentId(), AntomCodes.CANCEL_WINDOW_EXCEED,
                    "past its closing time; Antom refused the cancel (cancel window exceeded)"));
            counts.stillPending++;
            LOG.warn("Reconciliation {}: Antom refused to cancel payment {} (order {}): CANCEL_WINDOW_EXCEED, payment "
                    + "still {}; it is inquired on later runs and reported REFUND_REQUIRED if it turns out paid", name,
                    id, row.orderId(), status == null ? "unknown" : status);
        }
    }

    /**
     * Refunds left PENDING or PROCESSING (U, a timeout, a lost notification, a crash): claimed like payments, then
     * {@code inquiryRefund}: SUCCESS → REFUNDED, FAIL → REFUND_FAILED; PROCESSING → later; REFUND_NOT_EXIST after the
     * grace period → the stored refund request is resent (Antom never received it); no answer → later.
     */
    private void reconcileRefunds(Counts counts) {
        RefundLedger ledger = refunds.ledger();
        List<RefundRecord> due;
        try {
            due = ledger.findDueForCheck(settings.minAge(), settings.batchSize());
        } catch (RuntimeException e) {
            counts.errors++;
            LOG.warn("Reconciliation {}: refunds cannot be read: {}", name, e.toString());
            return;
        }
        for (RefundRecord row : due) {
            if (!ledger.claimForCheck(row, settings.backoff())) {
                continue;
            }
            checkClaimed("refund " + row.refundRequestId(), () -> checkRefund(row, counts), counts);
        }
    }

    /**
     * Checks a row this run has claimed. A failure (Antom unreachable, the ledger refusing a write) is counted and
     * logged, and the row is tried again on a later run once its claim's backoff has passed.
     */
    private void checkClaimed(String subject, Runnable check, Counts counts) {
        counts.checked++;
        try {
            check.run();
        } catch (RuntimeException e) {
            counts.errors++;
            counts.stillPending++;
            LOG.warn("Reconciliation {}: {} could not be reconciled, tried again on a later run: {}", name, subject,
                    e.toString());
        }
    }

    private void checkRefund(RefundRecord row, Counts counts) {
        String id = row.refundRequestId();
        if (!refunds.ledger().recordCall(id)) {
            counts.resolved++;
            return;
        }
        AntomCalls.Answer a = antom.inquireRefund(id);
        if (a.outcome() == AntomCalls.Outcome.SUCCESS && "SUCCESS".equals(a.refundStatus())) {
            refunds.settle(id, RefundStatus.REFUNDED, a.refundId(), "SUCCESS", a.resultMessage());
            counts.resolved++;
        } else if (a.outcome() == AntomCalls.Outcome.SUCCESS && "FAIL".equals(a.refundStatus())) {
            refunds.settle(id, RefundStatus.REFUND_FAILED, a.refundId(), row.resultCode() == null
                    || "REFUND_IN_PROCESS".equals(row.resultCode()) ? "FAIL" : row.resultCode(), a.resultMessage());
            counts.resolved++;
        } else if (a.outcome() == AntomCalls.Outcome.FAILURE && AntomCodes.REFUND_NOT_EXIST.equals(a.resultCode())) {
            Duration age = Duration.between(row.createdAt(), clock.instant());
            if (age.compareTo(settings.orderNotExistGracePeriod()) < 0) {
                counts.stillPending++;
                return;
            }
            LOG.info("Reconciliation {}: Antom never received refund {} (order {}); resending it", name, id,
                    row.orderId());
            RefundSender.send(refunds, antom, row);
            counts.resolved++;
        } else {
            counts.stillPending++;
            if (a.outcome() != AntomCalls.Outcome.SUCCESS) {
                counts.errors++;
                LOG.warn("Reconciliation {}: inquiry of refund {} gave no final answer ({} {} {}); next check later",
                        name, id, a.outcome(), a.resultCode(), a.error());
            }
        }
    }

    private void settlePaid(PaymentRecord row, AntomCalls.Answer inquiry, Counts counts) {
        if (cancelRefused(row)) {
            settleRefundRequired(row, inquiry, counts);
        } else {
            settle(row, PaymentStatus.PAID, details(inquiry, "SUCCESS"), counts);
        }
    }

    private void settleRefundRequired(PaymentRecord row, AntomCalls.Answer inquiry, Counts counts) {
        TransitionDetails d = new TransitionDetails(inquiry.paymentId(), AntomCodes.CANCEL_WINDOW_EXCEED,
                "paid after its closing time and Antom refused the cancel (cancel window exceeded): refund it");
        if (settlement.settle(row.paymentRequestId(), PaymentStatus.PAID, d) == PaymentSettlement.Outcome.SETTLED) {
            counts.refundRequired++;
            LOG.warn("Reconciliation {}: payment {} (order {}) was paid after its closing time and cannot be cancelled: "
                    + "published as {}", name, row.paymentRequestId(), row.orderId(),
                    PaymentResultMessage.REFUND_REQUIRED);
        } else {
            counts.resolved++;
        }
    }

    private void settle(PaymentRecord row, PaymentStatus target, TransitionDetails details, Counts counts) {
        PaymentSettlement.Outcome outcome = settlement.settle(row.paymentRequestId(), target,
                details.withSource(PaymentEvent.RECONCILIATION));
        counts.resolved++;
        if (outcome == PaymentSettlement.Outcome.SETTLED) {
            LOG.info("Reconciliation {}: payment {} (order {}) settled {} ({})", name, row.paymentRequestId(),
                    row.orderId(), target, details.resultCode());
        }
    }

    private static TransitionDetails details(AntomCalls.Answer answer, String defaultCode) {
        return new TransitionDetails(answer.paymentId(), answer.resultCode() == null ? defaultCode : answer.resultCode(),
                answer.resultMessage());
    }

    private static boolean cancelRefused(PaymentRecord row) {
        return AntomCodes.CANCEL_WINDOW_EXCEED.equals(row.resultCode());
    }

    /** The ledger's expiry time, or creation plus the default closing time. */
    Instant closingTime(PaymentRecord row) {
        return row.expiresAt() != null ? row.expiresAt() : row.createdAt().plus(settings.defaultClosingTime());
    }

    private boolean pastClosingTime(PaymentRecord row) {
        return !clock.instant().isBefore(closingTime(row));
    }

    private void postpone(String paymentRequestId) {
        if (paymentRequestId == null) {
            return;
        }
        try {
            ledger.postponeCheck(paymentRequestId, settings.badRowDelay());
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation {}: cannot postpone bad row {}: {}", name, paymentRequestId, e.toString());
        }
    }

    private Duration oldestPendingAge() {
        try {
            Optional<Duration> age = ledger.oldestPendingAge();
            return age.orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation {}: cannot read the oldest pending payment: {}", name, e.toString());
            return null;
        }
    }

    /** What a pass (or a single check) did, from its start; {@link #report} when it is done. */
    private static final class Counts {
        final Instant started;
        final long t0 = System.nanoTime();
        int checked;
        int resolved;
        int cancelled;
        int refundRequired;
        int stillPending;
        int errors;
        int badRows;
        int takenOver;

        Counts(Instant started) {
            this.started = started;
        }

        ReconciliationReport report(Duration oldestPendingAge) {
            return new ReconciliationReport(started, checked, resolved, cancelled, refundRequired, stillPending,
                    errors, badRows, takenOver, oldestPendingAge, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
