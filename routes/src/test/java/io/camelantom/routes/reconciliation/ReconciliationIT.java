package io.camelantom.routes.reconciliation;

import io.camelantom.routes.testsupport.Await;
import io.camelantom.routes.testsupport.ErpOrders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.jms.TextMessage;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code antom-reconciliation} template against the simulator over HTTP, a persistent embedded Artemis and an H2
 * file ledger. Runs are started on demand ({@code Reconciliation.runOnce()}); the test's clock (shared by the ledger,
 * the route and the simulator) is moved by hand.
 */
class ReconciliationIT {

    @TempDir
    Path dir;

    @Test
    void paymentsLeftProcessingWithoutNotificationBecomeFinalWithOneResultEach() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Reconciliation reconciliation = h.startReconciliation(c -> c.getRegistry().bind("meters", meters));
            String paid1 = h.payLeftProcessing("REC-PAID-1", 1061);
            String paid2 = h.payLeftProcessing("REC-PAID-2", 2061);
            String failed = h.payLeftProcessing("REC-FAILED", 1062);
            Await.until("the simulator to resolve 61/62", Duration.ofSeconds(10),
                    () -> h.sim.payments().stream().allMatch(p -> p.status().isFinal()));

            ReconciliationReport tooYoung = reconciliation.runOnce();
            assertThat(tooYoung.checked()).as("younger than minAge").isZero();
            assertThat(tooYoung.oldestPendingAge()).isEqualTo(Duration.ZERO);

            h.clock.advance(Duration.ofMinutes(2));
            ReconciliationReport report = reconciliation.runOnce();
            assertThat(report.checked()).isEqualTo(3);
            assertThat(report.resolved()).isEqualTo(3);
            assertThat(report.stillPending()).isZero();
            assertThat(report.oldestPendingAge()).isNull();

            assertThat(statusById(h.takeResults(3))).containsExactlyInAnyOrderEntriesOf(
                    Map.of(paid1, "PAID", paid2, "PAID", failed, "FAILED"));
            assertThat(h.ledger.find(paid1).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(h.ledger.find(failed).orElseThrow().resultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
            assertThat(h.ledger.find(paid2).orElseThrow().resultPublishedAt()).isNotNull();
            assertThat(h.sim.chargeCount(paid1)).isEqualTo(1);

            h.clock.advance(Duration.ofHours(2));
            assertThat(reconciliation.runOnce().checked()).isZero();
            assertThat(h.takeResults(0)).as("no second result").isEmpty();

            assertThat(meters.get("antom.reconciliation.resolved").tag("name", "antom-reconciliation").counter()
                    .count()).isEqualTo(3.0);
            assertThat(meters.get("antom.reconciliation.runs").counter().count()).isEqualTo(3.0);
            assertThat(meters.get("antom.reconciliation.oldest.pending.age").gauge().value()).isEqualTo(-1.0);
        }
    }

    @Test
    void aPaymentThatNeverResolvesIsCancelledAfterItsClosingTime() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            Reconciliation reconciliation = h.startReconciliation();
            String stuck = h.payLeftProcessing("REC-STUCK", 1063);

            h.clock.advance(Duration.ofMinutes(2));
            ReconciliationReport early = reconciliation.runOnce();
            assertThat(early.checked()).isEqualTo(1);
            assertThat(early.stillPending()).isEqualTo(1);
            assertThat(early.oldestPendingAge()).isEqualTo(Duration.ofMinutes(2));
            assertThat(h.cancels).isEmpty();
            assertThat(h.takeResults(0)).isEmpty();

            h.clock.advance(Duration.ofMinutes(9)); // past the default closing time (10 min after creation)
            ReconciliationReport late = reconciliation.runOnce();
            assertThat(late.cancelled()).isEqualTo(1);
            assertThat(h.sim.payment(stuck).orElseThrow().status())
                    .isEqualTo(io.camelantom.simulator.PaymentStatus.CANCELLED);
            TextMessage result = h.takeOneResult();
            assertThat(prop(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("CANCELLED");
            assertThat(result.getText()).contains("\"status\":\"CANCELLED\"");
            assertThat(h.ledger.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(h.sim.chargeCount(stuck)).isZero();
        }
    }

    @Test
    void orderNotExistIsLeftOpenDuringTheGracePeriodThenResentBeforeTheClosingTimeAndFailedOnlyAfterIt()
            throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            Reconciliation reconciliation = h.startReconciliation();
            String lost = h.registerNeverSent("REC-LOST", 1000,
                    ErpOrders.stored("REC-LOST", "10.00", "http://127.0.0.1:9/antom/notifications"));
            String ghost = h.registerNeverSent("REC-GHOST", 1000);   // no stored order: cannot be resent

            h.clock.advance(Duration.ofSeconds(61));
            ReconciliationReport within = reconciliation.runOnce();
            assertThat(within.checked()).isEqualTo(2);
            assertThat(within.stillPending()).isEqualTo(2);
            assertThat(h.sim.payment(lost)).as("not resent within the grace period").isEmpty();
            assertThat(h.takeResults(0)).isEmpty();

            h.clock.advance(Duration.ofMinutes(2));
            ReconciliationReport resent = reconciliation.runOnce();
            assertThat(resent.resolved()).isEqualTo(1);
            assertThat(resent.stillPending()).isEqualTo(1);
            assertThat(h.ledger.find(lost).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(h.sim.chargeCount(lost)).isEqualTo(1);
            assertThat(h.sim.payment(lost).orElseThrow().notifyUrl()).isEqualTo("http://127.0.0.1:9/antom/notifications");
            assertThat(h.ledger.find(ghost).orElseThrow().status()).as("never FAILED before its closing time")
                    .isEqualTo(PaymentStatus.PROCESSING);
            TextMessage paid = h.takeOneResult();
            assertThat(prop(paid, AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo(lost);
            assertThat(prop(paid, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("PAID");

            h.clock.advance(Duration.ofMinutes(10));   // past the closing time (defaultClosingTime PT10M)
            ReconciliationReport after = reconciliation.runOnce();
            assertThat(after.resolved()).isEqualTo(1);
            PaymentRecord row = h.ledger.find(ghost).orElseThrow();
            assertThat(row.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(row.resultCode()).isEqualTo("EXPIRED_NOT_RECEIVED");
            assertThat(h.cancels.get(ghost).get()).as("a confirming cancel").isEqualTo(1);
            assertThat(h.sim.chargeCount(ghost)).isZero();
            TextMessage result = h.takeOneResult();
            assertThat(prop(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("FAILED");
            assertThat(prop(result, AntomRouteHeaders.RESULT_CODE)).isEqualTo("EXPIRED_NOT_RECEIVED");
        }
    }

    /**
     * The order bridge registered two orders and died with their messages (the broker dead-letters a message that was
     * in flight across enough crashes): one pay request had reached Antom, one had not. Nothing writes them any more.
     * After {@code pendingTimeout} reconciliation takes them over and settles each with one result; a PENDING payment
     * written more recently is left to its bridge.
     */
    @Test
    void pendingPaymentsAbandonedByTheirOrderBridgeAreTakenOverAfterThePendingTimeout() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            h.parameters.put(ReconciliationRouteTemplate.PENDING_TIMEOUT, "PT5M");
            Reconciliation reconciliation = h.startReconciliation();
            String charged = h.registerLeftPending("REC-ABANDONED-PAID", 1000, true);
            String neverSent = h.registerLeftPending("REC-ABANDONED-LOST", 1000, false);

            h.clock.advance(Duration.ofMinutes(4));
            String fresh = h.registerLeftPending("REC-STILL-IN-HAND", 1000, true);
            ReconciliationReport early = reconciliation.runOnce();
            assertThat(early.takenOver()).as("unwritten for 4 min, pendingTimeout 5").isZero();
            assertThat(early.checked()).isZero();
            assertThat(h.ledger.find(charged).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

            h.clock.advance(Duration.ofMinutes(2));
            ReconciliationReport late = reconciliation.runOnce();
            assertThat(late.takenOver()).isEqualTo(2);
            assertThat(late.checked()).isEqualTo(2);
            assertThat(late.resolved()).isEqualTo(2);
            assertThat(late.summary()).contains("takenOver=2");
            assertThat(statusById(h.takeResults(2))).containsExactlyInAnyOrderEntriesOf(Map.of(charged, "PAID", neverSent, "PAID"));
            assertThat(h.sim.chargeCount(charged)).as("inquired, not paid again").isEqualTo(1);
            assertThat(h.sim.chargeCount(neverSent)).as("its pay request resent once").isEqualTo(1);
            assertThat(h.ledger.find(charged).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(h.ledger.find(neverSent).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(h.ledger.find(fresh).orElseThrow().status()).as("written 2 min ago: its bridge has it")
                    .isEqualTo(PaymentStatus.PENDING);
            assertThat(h.inquiries(fresh)).isZero();

            h.clock.advance(Duration.ofMinutes(1));
            ReconciliationReport again = reconciliation.runOnce();
            assertThat(again.takenOver()).isZero();
            assertThat(h.takeResults(0)).as("no second result").isEmpty();
        }
    }

    @Test
    void aPayRequestThatArrivesBeforeTheConfirmingCancelIsCancelled() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            Reconciliation reconciliation = h.startReconciliation();
            String late = h.registerNeverSent("REC-LATE", 1063);
            h.clock.advance(Duration.ofMinutes(11));
            // the inquiry says ORDER_NOT_EXIST, then the pay request arrives before the cancel: the cancel closes it
            h.cancelHook = () -> h.payAtAntom(late, 1063);
            reconciliation.runOnce();
            PaymentRecord row = h.ledger.find(late).orElseThrow();
            assertThat(row.status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(h.sim.payment(late).orElseThrow().status().name()).isEqualTo("CANCELLED");
            assertThat(h.sim.chargeCount(late)).isZero();
        }
    }

    @Test
    void aCancelWithoutAnswerIsRetriedOnALaterRun() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            Reconciliation reconciliation = h.startReconciliation();
            String stuck = h.payLeftProcessing("REC-CANCEL-503", 2063);

            h.clock.advance(Duration.ofMinutes(11));
            h.failNextCancels.set(1);
            ReconciliationReport first = reconciliation.runOnce();
            assertThat(first.errors()).isEqualTo(1);
            assertThat(first.stillPending()).isEqualTo(1);
            assertThat(h.sim.payment(stuck).orElseThrow().status())
                    .isEqualTo(io.camelantom.simulator.PaymentStatus.PROCESSING);
            assertThat(h.takeResults(0)).isEmpty();

            assertThat(reconciliation.runOnce().checked()).as("backed off").isZero();
            h.clock.advance(Duration.ofMinutes(1));
            ReconciliationReport second = reconciliation.runOnce();
            assertThat(second.cancelled()).isEqualTo(1);
            assertThat(h.cancels.get(stuck).get()).isEqualTo(2);
            assertThat(h.sim.payment(stuck).orElseThrow().status())
                    .isEqualTo(io.camelantom.simulator.PaymentStatus.CANCELLED);
            TextMessage result = h.takeOneResult();
            assertThat(prop(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aPaymentPaidAfterARefusedCancelIsReportedRefundRequired() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofMinutes(5))) {
            Reconciliation reconciliation = h.startReconciliation();
            String late = h.payLeftProcessing("REC-WINDOW", 3063);

            h.clock.advance(Duration.ofMinutes(11)); // past closing time (10 min) and the cancel window (5 min)
            ReconciliationReport refused = reconciliation.runOnce();
            assertThat(refused.stillPending()).isEqualTo(1);
            assertThat(h.cancels.get(late).get()).isEqualTo(1);
            PaymentRecord row = h.ledger.find(late).orElseThrow();
            assertThat(row.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(row.resultCode()).isEqualTo("CANCEL_WINDOW_EXCEED");
            assertThat(h.takeResults(0)).isEmpty();

            h.sim.completePayment(late, true); // the buyer's payment completes after all
            h.clock.advance(Duration.ofMinutes(1));
            ReconciliationReport paid = reconciliation.runOnce();
            assertThat(paid.refundRequired()).isEqualTo(1);
            assertThat(h.cancels.get(late).get()).as("a refused cancel is not repeated").isEqualTo(1);
            assertThat(h.ledger.find(late).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
            TextMessage result = h.takeOneResult();
            assertThat(prop(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("REFUND_REQUIRED");
            assertThat(prop(result, AntomRouteHeaders.RESULT_CODE)).isEqualTo("CANCEL_WINDOW_EXCEED");
            assertThat(result.getText()).contains("\"status\":\"REFUND_REQUIRED\"");
            assertThat(h.sim.chargeCount(late)).isEqualTo(1);
        }
    }

    @Test
    void aBadLedgerRowIsReportedAndSkippedAndAStuckPaymentBacksOff() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            h.parameters.put(ReconciliationRouteTemplate.DEFAULT_CLOSING_TIME, "PT24H");
            Reconciliation reconciliation = h.startReconciliation();
            String stuck = h.payLeftProcessing("REC-BACKOFF", 4063);
            String bad = h.registerNeverSent("REC-BAD", 1000);
            try (var c = h.db.dataSource().getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE ANTOM_PAYMENT SET AMOUNT_MINOR = -5 WHERE PAYMENT_REQUEST_ID = '" + bad + "'");
            }

            h.clock.advance(Duration.ofMinutes(2));
            ReconciliationReport first = reconciliation.runOnce();
            assertThat(first.badRows()).isEqualTo(1);
            assertThat(first.checked()).isEqualTo(1);
            assertThat(h.inquiries(bad)).isZero();
            Instant firstNext = h.ledger.find(stuck).orElseThrow().nextCheckAt();
            assertThat(firstNext).isEqualTo(h.clock.instant().plus(Duration.ofMinutes(1)));

            Duration previousGap = Duration.ofMinutes(1);
            for (int run = 2; run <= 4; run++) {
                Instant due = h.ledger.find(stuck).orElseThrow().nextCheckAt();
                h.clock.advance(Duration.between(h.clock.instant(), due));
                ReconciliationReport r = reconciliation.runOnce();
                assertThat(r.checked()).isEqualTo(1);
                assertThat(r.badRows()).as("postponed, not reported every run").isZero();
                Duration gap = Duration.between(h.clock.instant(), h.ledger.find(stuck).orElseThrow().nextCheckAt());
                assertThat(gap).isGreaterThan(previousGap);
                previousGap = gap;
            }
            assertThat(previousGap).isEqualTo(Duration.ofMinutes(8));
            assertThat(h.inquiries(stuck)).isEqualTo(4);
            assertThat(h.ledger.find(stuck).orElseThrow().checkCount()).isEqualTo(4);

            h.clock.advance(Duration.ofHours(1));
            assertThat(reconciliation.runOnce().badRows()).as("reported again after badRowDelay").isEqualTo(1);
        }
    }

    /** Each result's status by its paymentRequestId (one result per payment, or the collecting fails). */
    private static Map<String, String> statusById(List<TextMessage> results) {
        return results.stream().collect(Collectors.toMap(
                m -> prop(m, AntomRouteHeaders.PAYMENT_REQUEST_ID), m -> prop(m, AntomRouteHeaders.PAYMENT_STATUS)));
    }

    static String prop(TextMessage m, String name) {
        try {
            return m.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
