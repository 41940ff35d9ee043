package io.camelantom.routes.ledger;

import io.camelantom.routes.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.camelantom.routes.notification.NotificationDeduplication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's contract, run against each supported database by a concrete {@code *IT} subclass. Every test gets a
 * database (or table prefix) of its own.
 */
abstract class AbstractPaymentLedgerContract {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final int THREADS = 16;

    MutableClock clock;
    PaymentLedger ledger;
    private ExecutorService pool;

    /** A database of this test's own. */
    abstract DataSource dataSource();

    /** The table prefix this test uses. */
    abstract String tablePrefix();

    @BeforeEach
    void createLedger() {
        clock = new MutableClock(T0);
        ledger = new PaymentLedger(dataSource(), tablePrefix(), clock).createSchemaIfMissing();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    static NewPayment order(String orderId) {
        return new NewPayment(orderId, 12_345, "USD", "2 books", T0.plus(Duration.ofMinutes(30)),
                "{\"orderId\":\"" + orderId + "\"}");
    }

    // ------------------------------------------------------------ registration

    @Test
    void registerInsertsAPendingRowUnderTheDerivedId() {
        Registration r = ledger.register(order("SO-1"));

        assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
        PaymentRecord p = r.payment();
        assertThat(p.paymentRequestId()).isEqualTo("SO-1");
        assertThat(p.orderId()).isEqualTo("SO-1");
        assertThat(p.attempt()).isEqualTo(1);
        assertThat(p.amountMinor()).isEqualTo(12_345);
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.description()).isEqualTo("2 books");
        assertThat(p.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(p.paymentId()).isNull();
        assertThat(p.callCount()).isZero();
        Instant micros = Instant.parse("2026-03-01T10:00:00.123456Z");
        assertThat(p.createdAt()).isEqualTo(micros);
        assertThat(p.updatedAt()).isEqualTo(micros);
        assertThat(p.nextCheckAt()).isEqualTo(micros);
        assertThat(p.expiresAt()).isEqualTo(Instant.parse("2026-03-01T10:30:00.123456Z"));
        assertThat(p.resultPublishedAt()).isNull();
        assertThat(p.orderJson()).isEqualTo("{\"orderId\":\"SO-1\"}");
        assertThat(p.version()).isZero();
        assertThat(ledger.find("SO-1")).contains(p);
        assertThat(ledger.findLatestForOrder("SO-1")).contains(p);
        assertThat(ledger.find("nope")).isEmpty();
    }

    @Test
    void aRedeliveredOrderFindsItsRowAndADifferentAmountIsAConflict() {
        PaymentRecord first = ledger.register(order("SO-2")).payment();

        Registration again = ledger.register(order("SO-2"));
        assertThat(again.outcome()).isEqualTo(Registration.Outcome.EXISTING);
        assertThat(again.payment()).isEqualTo(first);

        Registration other = ledger.register(new NewPayment("SO-2", 99, "USD", null, null, null));
        assertThat(other.outcome()).isEqualTo(Registration.Outcome.CONFLICT);
        assertThat(other.payment()).isEqualTo(first);
        assertThat(ledger.register(new NewPayment("SO-2", 12_345, "EUR", null, null, null)).outcome())
                .isEqualTo(Registration.Outcome.CONFLICT);
        assertThat(ledger.findAttempts("SO-2").payments()).hasSize(1);
    }

    @Test
    void theRowARegistrationReturnsIsTheRowItWrote() throws Exception {
        // what the INSERT wrote, not read back: must equal a read, the cut description and missing fields included
        Registration bare = ledger.register(new NewPayment("SO-W1", 1, "EUR", "d".repeat(300), null, null));
        assertThat(bare.created()).isTrue();
        assertThat(bare.payment().description()).hasSize(256);
        assertThat(ledger.find("SO-W1")).contains(bare.payment());
        ledger.transition("SO-W1", PaymentStatus.PENDING, PaymentStatus.FAILED, null);
        clock.advance(Duration.ofNanos(1_500));
        Registration second = ledger.registerNewAttempt(order("SO-W1"));
        assertThat(second.created()).isTrue();
        assertThat(ledger.find("SO-W1--2")).contains(second.payment());

        // a known order writes nothing (no second REGISTERED event) and answers with its latest attempt
        Registration again = ledger.register(new NewPayment("SO-W1", 12_345, "USD", null, null, null));
        assertThat(again.outcome()).isEqualTo(Registration.Outcome.EXISTING);
        assertThat(again.payment()).isEqualTo(second.payment());
        assertThat(ledger.events("SO-W1", 10)).extracting(PaymentEvent::kind)
                .containsExactly(PaymentEvent.REGISTERED, PaymentEvent.STATUS);
        List<Registration> racing = race(() -> ledger.registerNewAttempt(order("SO-W1")));
        assertThat(racing).allSatisfy(r -> assertThat(r.payment()).isEqualTo(second.payment()));
    }

    @Test
    void aNewOrderRegisteredForPayHasItsCallCountedInTheSameWrite() throws Exception {
        Registration paid = ledger.registerAndRecordCall(order("SO-RC1"));
        assertThat(paid.created()).isTrue();
        assertThat(paid.payment().callCount()).isEqualTo(1);
        assertThat(paid.payment().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(ledger.find("SO-RC1")).contains(paid.payment());
        // the history as register + recordCall would have left it
        assertThat(ledger.events("SO-RC1", 10)).extracting(PaymentEvent::kind)
                .containsExactly(PaymentEvent.REGISTERED, PaymentEvent.ANTOM_CALL);

        // a known order: nothing counted, nothing written; the caller decides whether to call
        Registration again = ledger.registerAndRecordCall(order("SO-RC1"));
        assertThat(again.outcome()).isEqualTo(Registration.Outcome.EXISTING);
        assertThat(again.payment()).isEqualTo(paid.payment());
        assertThat(ledger.registerAndRecordCall(new NewPayment("SO-RC1", 999, "USD", null, null, null)).outcome())
                .isEqualTo(Registration.Outcome.CONFLICT);
        assertThat(ledger.events("SO-RC1", 10)).hasSize(2);

        // racing callers: one row, one call counted between them
        List<Registration> racing = race(() -> ledger.registerAndRecordCall(order("SO-RC2")));
        assertThat(racing.stream().filter(Registration::created)).hasSize(1);
        assertThat(ledger.find("SO-RC2")).get().extracting(PaymentRecord::callCount).isEqualTo(1);
        assertThat(ledger.events("SO-RC2", 10)).extracting(PaymentEvent::kind)
                .containsExactly(PaymentEvent.REGISTERED, PaymentEvent.ANTOM_CALL);
    }

    @Test
    void oddAndLongOrderIdsAreStoredUnderAShortSafeId() {
        String orderId = "Auftrag/2026 #7 – Zürich " + "x".repeat(200);
        PaymentRecord p = ledger.register(order(orderId)).payment();
        assertThat(p.paymentRequestId()).hasSizeLessThanOrEqualTo(64).matches("[A-Za-z0-9_-]+")
                .isEqualTo(PaymentRequestIds.forOrder(orderId));
        assertThat(ledger.findLatestForOrder(orderId)).contains(p);
    }

    @Test
    void concurrentRegistrationsOfOneOrderMakeOneRow() throws Exception {
        for (int round = 0; round < 5; round++) {
            String orderId = "SO-RACE-" + round;
            List<Registration> results = race(() -> ledger.register(order(orderId)));

            assertThat(results.stream().filter(Registration::created)).hasSize(1);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.outcome()).isIn(Registration.Outcome.CREATED, Registration.Outcome.EXISTING);
                assertThat(r.payment().paymentRequestId()).isEqualTo(orderId);
            });
            assertThat(ledger.findAttempts(orderId).payments()).hasSize(1);
        }
    }

    // ------------------------------------------------------------ transitions

    @Test
    void aTransitionWinsOnlyFromTheExpectedStatusAndRecordsDetails() {
        ledger.register(order("SO-3"));
        clock.advance(Duration.ofSeconds(5));

        assertThat(ledger.transition("SO-3", PaymentStatus.PROCESSING, PaymentStatus.PAID, TransitionDetails.none()))
                .as("not PROCESSING yet").isFalse();
        assertThat(ledger.transition("SO-3", PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                TransitionDetails.result("PAYMENT_IN_PROCESS", "in process").withPaymentId("2026P1"))).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(ledger.transition("SO-3", EnumSet.of(PaymentStatus.PROCESSING, PaymentStatus.UNKNOWN),
                PaymentStatus.PAID, TransitionDetails.result("SUCCESS", null))).isTrue();

        PaymentRecord p = ledger.find("SO-3").orElseThrow();
        assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(p.paymentId()).as("kept when not given again").isEqualTo("2026P1");
        assertThat(p.resultCode()).isEqualTo("SUCCESS");
        assertThat(p.resultMessage()).isEqualTo("in process");
        assertThat(p.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:10.123456Z"));
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.resultOwed()).isTrue();

        assertThat(ledger.transition("missing", PaymentStatus.PENDING, PaymentStatus.PAID, null)).isFalse();
    }

    @Test
    void theWinnerOfATransitionGetsTheRowItsChangeLeft() throws Exception {
        ledger.register(order("SO-TR"));
        ledger.transition("SO-TR", PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                TransitionDetails.result("PAYMENT_IN_PROCESS", "in process").withPaymentId("2026P9"));
        clock.advance(Duration.ofSeconds(3));

        List<java.util.Optional<PaymentRecord>> racing = race(() -> ledger.transitionAndRead("SO-TR",
                EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.UNKNOWN), PaymentStatus.PAID, TransitionDetails.result("SUCCESS", null)));
        List<PaymentRecord> won = racing.stream().flatMap(java.util.Optional::stream).collect(Collectors.toList());
        assertThat(won).hasSize(1);
        PaymentRecord row = won.get(0);
        assertThat(row.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(row.paymentId()).as("kept from the earlier change").isEqualTo("2026P9");
        assertThat(row.resultCode()).isEqualTo("SUCCESS");
        assertThat(row.resultMessage()).isEqualTo("in process");
        assertThat(row.version()).isEqualTo(2);
        assertThat(ledger.find("SO-TR")).contains(row);
        assertThat(ledger.transitionAndRead("SO-TR", EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.UNKNOWN), PaymentStatus.FAILED, null))
                .as("lost: nothing read").isEmpty();
        assertThat(ledger.transitionAndRead("missing", EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.UNKNOWN), PaymentStatus.PAID, null))
                .isEmpty();
    }

    @Test
    void concurrentPaidAndFailedRaceHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = ledger.register(order("SO-CAS-" + round)).payment().paymentRequestId();
            assertThat(ledger.transition(id, PaymentStatus.PENDING, PaymentStatus.PROCESSING, null)).isTrue();

            // two "nodes": two ledger instances over the same database
            PaymentLedger[] nodes = { ledger, new PaymentLedger(dataSource(), tablePrefix(), clock) };
            List<Callable<String>> racers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                PaymentLedger node = nodes[i % 2];
                PaymentStatus target = i % 2 == 0 ? PaymentStatus.PAID : PaymentStatus.FAILED;
                String code = target + "-" + i;
                TransitionDetails details = TransitionDetails.result(code, "by racer " + i).withPaymentId("P" + i);
                racers.add(() -> node.transition(id, PaymentStatus.PROCESSING, target, details) ? code : null);
            }
            List<String> winners = raceAll(racers).stream().filter(w -> w != null).collect(Collectors.toList());

            assertThat(winners).hasSize(1);
            String winner = winners.get(0);
            PaymentRecord p = ledger.find(id).orElseThrow();
            assertThat(p.status().name()).isEqualTo(winner.substring(0, winner.indexOf('-')));
            assertThat(p.resultCode()).isEqualTo(winner);
            String racer = winner.substring(winner.indexOf('-') + 1);
            assertThat(p.resultMessage()).isEqualTo("by racer " + racer);
            assertThat(p.paymentId()).isEqualTo("P" + racer);
            assertThat(p.version()).isEqualTo(2);
        }
    }

    @Test
    void writesQueuedTogetherAreCommittedTogetherAndAFailingOneGetsOnlyItsOwnFailure() throws Exception {
        for (int i = 0; i < 6; i++) {
            ledger.register(order("SO-GROUP-" + i));
        }
        // the first caller's connection is held back until the others wait for the writer: they form one batch
        CountDownLatch firstOpening = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        GroupCommit[] writes = new GroupCommit[1];
        writes[0] = new GroupCommit(() -> {
            if (first.getAndSet(false)) {
                firstOpening.countDown();
                try {
                    othersWaiting.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ledger.connection();
        });
        String table = ledger.paymentTable();
        String cas = "UPDATE " + table + " SET STATUS = ?, VERSION = VERSION + 1 WHERE PAYMENT_REQUEST_ID = ? "
                + "AND STATUS = 'PENDING'";
        List<Callable<Object>> writers = new ArrayList<>();
        writers.add(() -> writes[0].execute(cas, ps -> {
            ps.setString(1, "PROCESSING");
            ps.setString(2, "SO-GROUP-0");
        }));
        for (int i = 1; i < 6; i++) {
            String id = "SO-GROUP-" + i;
            writers.add(() -> writes[0].execute(cas, ps -> {
                ps.setString(1, "PAID");
                ps.setString(2, id);
            }));
        }
        // two compare-and-sets on one row: one wins
        writers.add(() -> writes[0].execute(cas, ps -> {
            ps.setString(1, "FAILED");
            ps.setString(2, "SO-GROUP-5");
        }));
        // a duplicate key: only this caller fails
        writers.add(() -> {
            try {
                return writes[0].execute("INSERT INTO " + table + " (PAYMENT_REQUEST_ID, ORDER_ID, ATTEMPT_NO, "
                        + "AMOUNT_MINOR, CURRENCY, STATUS, CALL_COUNT, CREATED_AT, UPDATED_AT, NEXT_CHECK_AT, "
                        + "CHECK_COUNT, VERSION) SELECT PAYMENT_REQUEST_ID, ORDER_ID, ATTEMPT_NO, AMOUNT_MINOR, "
                        + "CURRENCY, STATUS, CALL_COUNT, CREATED_AT, UPDATED_AT, NEXT_CHECK_AT, CHECK_COUNT, VERSION "
                        + "FROM " + table + " WHERE PAYMENT_REQUEST_ID = ?", ps -> ps.setString(1, "SO-GROUP-1"));
            } catch (SQLException e) {
                return PaymentLedger.isUniqueViolation(e) ? "unique violation" : e;
            }
        });
        List<Future<Object>> outcomes = new ArrayList<>();
        outcomes.add(pool.submit(writers.get(0)));
        assertThat(firstOpening.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < writers.size(); i++) {
            outcomes.add(pool.submit(writers.get(i)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (writes[0].waitingCallers() < writers.size() - 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        othersWaiting.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : outcomes) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(results.subList(0, 5)).containsOnly(1);
        assertThat(results.subList(5, 7)).containsExactlyInAnyOrder(0, 1);
        assertThat(results.get(7)).isEqualTo("unique violation");
        assertThat(ledger.find("SO-GROUP-0").orElseThrow().status()).isEqualTo(PaymentStatus.PROCESSING);
        for (int i = 1; i < 5; i++) {
            assertThat(ledger.find("SO-GROUP-" + i).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        }
        PaymentRecord raced = ledger.find("SO-GROUP-5").orElseThrow();
        assertThat(raced.status()).isIn(PaymentStatus.PAID, PaymentStatus.FAILED);
        assertThat(raced.version()).isEqualTo(1);
        assertThat(ledger.findAttempts("SO-GROUP-1").payments()).hasSize(1);
    }

    @Test
    void finalStatesAreNeverLeftExceptByAnOperator() {
        ledger.register(order("SO-4"));
        ledger.transition("SO-4", PaymentStatus.PENDING, PaymentStatus.FAILED,
                TransitionDetails.result("USER_BALANCE_NOT_ENOUGH", "no money"));

        assertThatThrownBy(() -> ledger.transition("SO-4", PaymentStatus.FAILED, PaymentStatus.PAID, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FAILED");
        assertThatThrownBy(() -> ledger.transition("SO-4", EnumSet.of(PaymentStatus.PROCESSING, PaymentStatus.PAID),
                PaymentStatus.CANCELLED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.transition("SO-4", PaymentStatus.PROCESSING, PaymentStatus.PENDING, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.transition("SO-4", EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                PaymentStatus.UNKNOWN), PaymentStatus.PAID, null)).isFalse();
        assertThat(ledger.recordCall("SO-4")).as("no call for a final payment").isFalse();
        assertThat(ledger.find("SO-4").orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);

        assertThat(ledger.markResultPublished("SO-4")).isTrue();
        assertThatThrownBy(() -> ledger.operatorOverride("SO-4", PaymentStatus.FAILED, PaymentStatus.PAID, "ops",
                " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.operatorOverride("SO-4", PaymentStatus.PAID, PaymentStatus.CANCELLED, "ops", "wrong"))
                .isFalse();
        assertThat(ledger.operatorOverride("SO-4", PaymentStatus.FAILED, PaymentStatus.PAID, "alice",
                "Antom dashboard shows it paid (ticket 42)")).isTrue();
        PaymentRecord p = ledger.find("SO-4").orElseThrow();
        assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(p.operatorNote()).isEqualTo("alice: Antom dashboard shows it paid (ticket 42)");
        assertThat(p.resultPublishedAt()).as("the corrected result is owed").isNull();
        assertThat(p.resultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
    }

    /** The history holds exactly the changes that happened, in order; a lost compare-and-set writes nothing. */
    @Test
    void eachChangeIsRecordedInThePaymentsHistoryAndALostOneIsNot() {
        String id = ledger.register(order("SO-EV")).payment().paymentRequestId();
        assertThat(ledger.recordCall(id)).isTrue();
        assertThat(ledger.transition(id, PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                TransitionDetails.result("PAYMENT_IN_PROCESS", "in process"))).isTrue();
        // lost: the payment is no longer PENDING
        assertThat(ledger.transition(id, PaymentStatus.PENDING, PaymentStatus.FAILED, TransitionDetails.none()))
                .isFalse();
        assertThat(ledger.transition(id, PaymentStatus.PROCESSING, PaymentStatus.PAID, TransitionDetails
                .result("SUCCESS", "success").withPaymentId("P-EV").withSource(PaymentEvent.NOTIFICATION))).isTrue();
        assertThat(ledger.markResultPublished(id)).isTrue();
        assertThat(ledger.markResultPublished(id)).isFalse();
        assertThat(ledger.operatorOverride(id, PaymentStatus.PAID, PaymentStatus.FAILED, "alice", "chargeback"))
                .isTrue();

        List<PaymentEvent> events = ledger.events(id, 100);
        assertThat(events).extracting(PaymentEvent::kind).containsExactly(PaymentEvent.REGISTERED,
                PaymentEvent.ANTOM_CALL, PaymentEvent.STATUS, PaymentEvent.NOTIFICATION, PaymentEvent.RESULT_PUBLISHED,
                PaymentEvent.OPERATOR_OVERRIDE);
        assertThat(events.get(2).detail()).isEqualTo("PENDING -> PROCESSING PAYMENT_IN_PROCESS (in process)");
        assertThat(events.get(3).detail()).contains("PROCESSING -> PAID SUCCESS").contains("paymentId P-EV");
        assertThat(events.get(5).detail()).isEqualTo("PAID -> FAILED by alice: chargeback");
        assertThat(events).extracting(PaymentEvent::paymentRequestId).containsOnly(id);
        assertThat(ledger.findByPaymentId("P-EV")).hasValueSatisfying(p -> assertThat(p.paymentRequestId()).isEqualTo(id));
        assertThat(ledger.events("SO-NONE", 10)).isEmpty();
    }

    @Test
    void callsAreCountedWhileThePaymentIsOpen() {
        ledger.register(order("SO-5"));
        assertThat(ledger.recordCall("SO-5")).isTrue();
        ledger.transition("SO-5", PaymentStatus.PENDING, PaymentStatus.PROCESSING, null);
        assertThat(ledger.recordCall("SO-5")).isTrue();
        assertThat(ledger.recordCall("missing")).isFalse();
        assertThat(ledger.find("SO-5").orElseThrow().callCount()).isEqualTo(2);
    }

    // ------------------------------------------------------------ new attempts

    @Test
    void aNewAttemptAfterAFinalFailureGetsTheNextSuffix() throws Exception {
        ledger.register(order("SO-6"));
        assertThat(ledger.registerNewAttempt(order("SO-6")).outcome()).as("attempt 1 still open")
                .isEqualTo(Registration.Outcome.EXISTING);
        ledger.transition("SO-6", PaymentStatus.PENDING, PaymentStatus.FAILED, null);

        Registration second = ledger.registerNewAttempt(new NewPayment("SO-6", 500, "USD", null, null, null));
        assertThat(second.outcome()).isEqualTo(Registration.Outcome.CREATED);
        assertThat(second.payment().paymentRequestId()).isEqualTo("SO-6--2");
        assertThat(second.payment().attempt()).isEqualTo(2);
        assertThat(second.payment().amountMinor()).isEqualTo(500);
        assertThat(ledger.register(new NewPayment("SO-6", 500, "USD", null, null, null)).payment())
                .as("a redelivery finds the latest attempt").isEqualTo(second.payment());

        ledger.transition("SO-6--2", PaymentStatus.PENDING, PaymentStatus.CANCELLED, null);
        List<Registration> third = race(() -> ledger.registerNewAttempt(order("SO-6")));
        assertThat(third.stream().filter(Registration::created)).hasSize(1);
        assertThat(third).allSatisfy(r -> assertThat(r.payment().paymentRequestId()).isEqualTo("SO-6--3"));
        assertThat(ledger.findAttempts("SO-6").payments()).extracting(PaymentRecord::attempt).containsExactly(1, 2, 3);

        ledger.transition("SO-6--3", PaymentStatus.PENDING, PaymentStatus.PAID, null);
        assertThat(ledger.registerNewAttempt(order("SO-6")).outcome()).as("never after PAID")
                .isEqualTo(Registration.Outcome.EXISTING);
    }

    // ------------------------------------------------------------ outbox

    @Test
    void theOutboxListsOwedResultsAndPublicationIsRecordedOnce() throws Exception {
        ledger.register(order("SO-7"));
        ledger.register(order("SO-8"));
        ledger.register(order("SO-9"));
        ledger.transition("SO-7", PaymentStatus.PENDING, PaymentStatus.PAID, null);
        clock.advance(Duration.ofSeconds(1));
        ledger.transition("SO-8", PaymentStatus.PENDING, PaymentStatus.FAILED, null);

        assertThat(ledger.findResultsOwed(Duration.ofMinutes(1), 10).payments()).as("still quiet period").isEmpty();
        assertThat(ledger.markResultPublished("SO-9")).as("not final").isFalse();
        clock.advance(Duration.ofMinutes(1));
        LedgerBatch owed = ledger.findResultsOwed(Duration.ofMinutes(1), 10);
        assertThat(owed.payments()).extracting(PaymentRecord::paymentRequestId).containsExactly("SO-7", "SO-8");
        assertThat(ledger.findResultsOwed(Duration.ofMinutes(1), 1).payments()).hasSize(1);

        PaymentRecord seen = owed.payments().get(0);
        List<Boolean> claims = race(() -> ledger.claimForRepublication(seen));
        assertThat(claims.stream().filter(b -> b)).hasSize(1);
        assertThat(ledger.findResultsOwed(Duration.ofMinutes(1), 10).payments())
                .as("a claimed result rests for the quiet period").extracting(PaymentRecord::paymentRequestId)
                .containsExactly("SO-8");

        List<Boolean> marks = race(() -> ledger.markResultPublished("SO-7"));
        assertThat(marks.stream().filter(b -> b)).hasSize(1);
        PaymentRecord published = ledger.find("SO-7").orElseThrow();
        assertThat(published.resultPublishedAt()).isEqualTo(clock.instant().truncatedTo(
                java.time.temporal.ChronoUnit.MICROS));
        assertThat(published.resultOwed()).isFalse();
        assertThat(ledger.claimForRepublication(published)).isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(ledger.findResultsOwed(Duration.ofMinutes(1), 10).payments())
                .extracting(PaymentRecord::paymentRequestId).containsExactly("SO-8");
    }

    // ------------------------------------------------------------ reconciliation

    @Test
    void reconciliationSelectsDuePaymentsOldestFirstInBatchesAndBacksOff() {
        // created one minute apart: R-0 oldest
        String[] statuses = { "PROCESSING", "UNKNOWN", "PAID", "PENDING", "PROCESSING", "PROCESSING" };
        for (int i = 0; i < statuses.length; i++) {
            String id = "R-" + i;
            ledger.register(order(id));
            PaymentStatus target = PaymentStatus.valueOf(statuses[i]);
            if (target != PaymentStatus.PENDING) {
                assertThat(ledger.transition(id, PaymentStatus.PENDING, target, null)).isTrue();
            }
            clock.advance(Duration.ofMinutes(1));
        }
        // now = T0 + 6 min; R-5 is 1 min old, R-4 2 min
        assertThat(ledger.findDueForCheck(Duration.ofMinutes(2), 10).payments())
                .extracting(PaymentRecord::paymentRequestId).containsExactly("R-0", "R-1", "R-4");
        LedgerBatch firstBatch = ledger.findDueForCheck(Duration.ofMinutes(2), 2);
        assertThat(firstBatch.payments()).extracting(PaymentRecord::paymentRequestId).containsExactly("R-0", "R-1");
        assertThat(ledger.findDueForCheck(EnumSet.of(PaymentStatus.PENDING), Duration.ZERO, 10).payments())
                .extracting(PaymentRecord::paymentRequestId).containsExactly("R-3");
        assertThat(ledger.oldestPendingAge()).contains(Duration.ofMinutes(6));
        assertThatThrownBy(() -> ledger.findDueForCheck(Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);

        CheckBackoff backoff = CheckBackoff.defaults(); // 1, 2, 4 ... min
        PaymentRecord r0 = firstBatch.payments().get(0);
        assertThat(ledger.claimForCheck(r0, backoff)).isTrue();
        assertThat(ledger.claimForCheck(r0, backoff)).as("stale version: another node has it").isFalse();
        PaymentRecord claimed = ledger.find("R-0").orElseThrow();
        assertThat(claimed.checkCount()).isEqualTo(1);
        assertThat(claimed.nextCheckAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1))
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(ids(ledger.findDueForCheck(Duration.ofMinutes(2), 10))).containsExactly("R-1", "R-4");

        clock.advance(Duration.ofMinutes(1)); // R-5 is 2 min old now
        assertThat(ids(ledger.findDueForCheck(Duration.ofMinutes(2), 10)))
                .containsExactly("R-0", "R-1", "R-4", "R-5");
        assertThat(ledger.claimForCheck(ledger.find("R-0").orElseThrow(), backoff)).isTrue();
        assertThat(ledger.find("R-0").orElseThrow().nextCheckAt())
                .isEqualTo(ledger.find("R-0").orElseThrow().updatedAt().plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(ids(ledger.findDueForCheck(Duration.ofMinutes(2), 10))).as("backoff grew to 2 min")
                .doesNotContain("R-0");
        clock.advance(Duration.ofMinutes(1));
        assertThat(ids(ledger.findDueForCheck(Duration.ofMinutes(2), 10))).contains("R-0");

        // a final payment cannot be claimed and leaves the selection
        ledger.transition("R-0", PaymentStatus.PROCESSING, PaymentStatus.PAID, null);
        assertThat(ledger.claimForCheck(ledger.find("R-0").orElseThrow(), backoff)).isFalse();
        assertThat(ids(ledger.findDueForCheck(Duration.ofMinutes(2), 10))).doesNotContain("R-0");
    }

    @Test
    void stalledPendingPaymentsAreThoseUnwrittenForTheQuietPeriodLeastRecentlyWrittenFirst() {
        ledger.register(order("S-OLD"));
        clock.advance(Duration.ofMinutes(1));
        ledger.register(order("S-CALLED"));
        ledger.register(order("S-PROCESSING"));
        ledger.transition("S-PROCESSING", PaymentStatus.PENDING, PaymentStatus.PROCESSING, null);
        clock.advance(Duration.ofMinutes(1));
        ledger.register(order("S-FRESH"));
        clock.advance(Duration.ofMinutes(8));
        assertThat(ledger.recordCall("S-CALLED")).isTrue(); // a live bridge resending: written just now
        clock.advance(Duration.ofMinutes(1));
        // now = T0 + 11 min: S-OLD unwritten for 11 min, S-FRESH for 9, S-CALLED for 1
        assertThat(ids(ledger.findStalledPending(Duration.ofMinutes(9), 10))).containsExactly("S-OLD", "S-FRESH");
        assertThat(ids(ledger.findStalledPending(Duration.ofMinutes(10), 10))).containsExactly("S-OLD");
        assertThat(ids(ledger.findStalledPending(Duration.ofMinutes(9), 1))).containsExactly("S-OLD");
        assertThat(ids(ledger.findStalledPending(Duration.ofSeconds(30), 10)))
                .as("only PENDING payments").containsExactly("S-OLD", "S-FRESH", "S-CALLED");
        assertThatThrownBy(() -> ledger.findStalledPending(Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);

        // a postponed row waits for its next check time like any other
        assertThat(ledger.postponeCheck("S-OLD", Duration.ofHours(1))).isTrue();
        assertThat(ids(ledger.findStalledPending(Duration.ofMinutes(9), 10))).containsExactly("S-FRESH");
    }

    @Test
    void concurrentClaimsOfADuePaymentLetOneNodeCheckIt() throws Exception {
        ledger.register(order("R-RACE"));
        ledger.transition("R-RACE", PaymentStatus.PENDING, PaymentStatus.UNKNOWN, null);
        PaymentRecord seen = ledger.findDueForCheck(Duration.ZERO, 10).payments().get(0);
        List<Boolean> claims = race(() -> ledger.claimForCheck(seen, CheckBackoff.defaults()));
        assertThat(claims.stream().filter(b -> b)).hasSize(1);
        assertThat(ledger.find("R-RACE").orElseThrow().checkCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------ bad rows

    @Test
    void unreadableRowsAreReportedNotThrownAtTheBatch() throws SQLException {
        ledger.register(order("GOOD-1"));
        ledger.transition("GOOD-1", PaymentStatus.PENDING, PaymentStatus.PROCESSING, null);
        insertRaw("BAD-STATUS", "SETTLED", 100, "USD");
        insertRaw("BAD-AMOUNT", "PROCESSING", 0, "usd");
        clock.advance(Duration.ofMinutes(1));

        LedgerBatch due = ledger.findDueForCheck(Duration.ZERO, 10);
        assertThat(ids(due)).containsExactly("GOOD-1");
        assertThat(due.badRows()).singleElement().satisfies(b -> {
            assertThat(b.paymentRequestId()).isEqualTo("BAD-AMOUNT");
            assertThat(b.reason()).contains("amount 0").contains("currency 'usd'");
        });
        assertThatThrownBy(() -> ledger.find("BAD-STATUS")).isInstanceOf(BadLedgerRowException.class)
                .satisfies(e -> assertThat(((BadLedgerRowException) e).row().storedStatus()).isEqualTo("SETTLED"));
        assertThat(ledger.findUnknownStatuses(10)).extracting(BadLedgerRow::paymentRequestId)
                .containsExactly("BAD-STATUS");
        assertThat(ledger.countByStatus()).containsEntry("SETTLED", 1L).containsEntry("PROCESSING", 2L);
        assertThat(ledger.oldestPendingAge()).isPresent();

        assertThat(ledger.postponeCheck("BAD-AMOUNT", Duration.ofHours(1))).isTrue();
        assertThat(ledger.findDueForCheck(Duration.ZERO, 10).badRows()).isEmpty();
    }

    // ------------------------------------------------------------ schema, de-duplication store

    @Test
    void theSchemaIsAppliedOnceAndASecondStartKeepsTheRows() {
        ledger.register(order("SO-10"));
        PaymentLedger restarted = new PaymentLedger(dataSource(), tablePrefix(), clock).createSchemaIfMissing()
                .createSchemaIfMissing();
        assertThat(restarted.find("SO-10")).isPresent();
        assertThat(restarted.register(order("SO-10")).outcome()).isEqualTo(Registration.Outcome.EXISTING);
    }

    @Test
    void aLedgerCreatedWithTheOldOutboxIndexGetsTheNarrowOne() throws Exception {
        String prefix = tablePrefix() + "OLD_";
        PaymentLedger old = new PaymentLedger(dataSource(), prefix, clock).createSchemaIfMissing();
        try (Connection c = dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP INDEX " + prefix + "PAYMENT_OWED_IX");
            // the index as ledgers created before had it (H2's definition: valid on both databases)
            st.execute("CREATE INDEX " + prefix + "PAYMENT_OUTBOX_IX ON " + prefix
                    + "PAYMENT (RESULT_PUBLISHED_AT, STATUS, UPDATED_AT)");
        }
        old.register(order("SO-OLD"));
        old.transition("SO-OLD", PaymentStatus.PENDING, PaymentStatus.PAID, null);
        assertThat(indexes(prefix + "PAYMENT")).contains(prefix + "PAYMENT_OUTBOX_IX")
                .doesNotContain(prefix + "PAYMENT_OWED_IX");

        PaymentLedger upgraded = new PaymentLedger(dataSource(), prefix, clock).createSchemaIfMissing();
        assertThat(indexes(prefix + "PAYMENT")).contains(prefix + "PAYMENT_OWED_IX")
                .doesNotContain(prefix + "PAYMENT_OUTBOX_IX");
        assertThat(upgraded.findResultsOwed(Duration.ZERO, 10).payments()).extracting(PaymentRecord::paymentRequestId)
                .containsExactly("SO-OLD");
        assertThat(upgraded.countResultsOwed()).isEqualTo(1);
    }

    /** The index names of a table, upper case (PostgreSQL reports them in lower case). */
    private List<String> indexes(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource().getConnection()) {
            boolean lower = c.getMetaData().storesLowerCaseIdentifiers();
            try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null,
                    lower ? table.toLowerCase(java.util.Locale.ROOT) : table, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void nodesStartingTogetherCreateTheSchemaWithoutFailing() throws Exception {
        String racePrefix = tablePrefix() + "RACE_";
        List<PaymentLedger> started = race(() -> new PaymentLedger(dataSource(), racePrefix, clock)
                .createSchemaIfMissing());
        assertThat(started.get(0).register(order("SO-11")).created()).isTrue();
        assertThat(started.get(1).find("SO-11")).isPresent();
    }

    @Test
    void theDeduplicationStoreKeepsKeysAcrossRepositoryInstances() throws Exception {
        NotificationDeduplication repo = startedDeduplication();
        assertThat(repo.add("PAYMENT_RESULT:2026P1:S")).isTrue();
        assertThat(repo.add("PAYMENT_RESULT:2026P1:S")).isFalse();
        repo.stop();

        NotificationDeduplication again = startedDeduplication();
        assertThat(again.contains("PAYMENT_RESULT:2026P1:S")).isTrue();
        assertThat(again.add("PAYMENT_RESULT:2026P2:S")).isTrue();
        NotificationDeduplication otherRoute = NotificationDeduplication.repository(dataSource(), ledger, "other");
        otherRoute.start();
        assertThat(otherRoute.contains("PAYMENT_RESULT:2026P1:S")).as("key spaces are separate").isFalse();
        again.stop();
        otherRoute.stop();
    }

    @Test
    void concurrentAddsOfOneKeyLetOneCallerIn() throws Exception {
        NotificationDeduplication repo = startedDeduplication();
        for (int round = 0; round < 5; round++) {
            String key = "PAYMENT_RESULT:RACE" + round + ":S";
            List<Boolean> adds = race(() -> repo.add(key));
            assertThat(adds.stream().filter(b -> b)).hasSize(1);
        }
        repo.stop();
    }

    @Test
    void concurrentAddsAreAllWrittenAndStoppingWritesWhatIsQueued() throws Exception {
        NotificationDeduplication repo = startedDeduplication();
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            List<Callable<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String key = "PAYMENT_RESULT:GROUP" + round + "-" + i + ":S";
                adds.add(() -> repo.add(key));
            }
            assertThat(raceAll(adds)).hasSize(THREADS).containsOnly(true);
        }
        assertThat(repo.contains("PAYMENT_RESULT:GROUP9-15:S")).as("known from the moment it was added").isTrue();
        assertThat(repo.add("PAYMENT_RESULT:GROUP7-7:S")).isFalse();
        repo.stop();
        assertThat(storedKeys("LIKE 'PAYMENT_RESULT:GROUP%'")).isEqualTo(rounds * THREADS);
    }

    @Test
    void twoNodesAddingTheSameKeysStoreEachKeyOnce() throws Exception {
        NotificationDeduplication node1 = startedDeduplication();
        NotificationDeduplication node2 = startedDeduplication();
        int keys = 0;
        for (int round = 0; round < 8; round++) {
            List<Callable<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < THREADS / 2; i++) {
                String key = "PAYMENT_RESULT:NODES" + round + "-" + i + ":S";
                adds.add(() -> node1.add(key));
                adds.add(() -> node2.add(key));
                keys++;
            }
            raceAll(adds);
        }
        node1.stop();
        node2.stop();
        assertThat(storedKeys("LIKE 'PAYMENT_RESULT:NODES%'")).isEqualTo(keys);
        NotificationDeduplication restarted = deduplication();
        assertThat(restarted.contains("PAYMENT_RESULT:NODES7-7:S")).isTrue();
    }

    @Test
    void aKeyLookedUpAbsentAndStoredByAnotherNodeMeanwhileIsStoredOnce() throws Exception {
        NotificationDeduplication node1 = startedDeduplication();
        NotificationDeduplication node2 = startedDeduplication();
        String key = "PAYMENT_RESULT:LOOKED-UP:S";
        // the route's order: contains before the send, add after it; node 2 records the key in between
        assertThat(node1.contains(key)).isFalse();
        assertThat(node2.add(key)).isTrue();
        node2.stop(); // written
        assertThat(node1.add(key)).as("taken from the lookup, as documented").isTrue();
        node1.stop();
        assertThat(storedKeys("= '" + key + "'")).isEqualTo(1);
        // without a lookup just before, add asks the database and says the key is known
        NotificationDeduplication node3 = startedDeduplication();
        assertThat(node3.add(key)).isFalse();
        node3.stop();
    }

    @Test
    void keysStoredByCamelsJdbcRepositoryLayoutAreKnown() throws Exception {
        // the table layout of Camel's JdbcMessageIdRepository, which earlier versions of the bridge used
        update("INSERT INTO " + ledger.messageProcessedTable() + " (PROCESSORNAME, MESSAGEID, CREATEDAT) VALUES (?, ?, ?)",
                "antom-notify", "PAYMENT_RESULT:OLD1:S", new java.sql.Timestamp(System.currentTimeMillis()));
        NotificationDeduplication repo = deduplication();
        assertThat(repo.contains("PAYMENT_RESULT:OLD1:S")).isTrue();
        assertThat(repo.add("PAYMENT_RESULT:OLD1:S")).isFalse();
        assertThat(repo.remove("PAYMENT_RESULT:OLD1:S")).isTrue();
        assertThat(repo.contains("PAYMENT_RESULT:OLD1:S")).isFalse();
    }

    /** How many de-duplication keys of the notification bridge ({@code antom-notify}) whose id matches. */
    long storedKeys(String messageIdCondition) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM "
                + ledger.messageProcessedTable() + " WHERE PROCESSORNAME = 'antom-notify' AND MESSAGEID "
                + messageIdCondition); java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one SQL statement with these parameters, committed. */
    void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    // ------------------------------------------------------------ helpers

    void insertRaw(String id, String status, long amount, String currency) throws SQLException {
        OffsetDateTime t = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        update("INSERT INTO " + ledger.tablePrefix() + "PAYMENT (PAYMENT_REQUEST_ID, ORDER_ID, ATTEMPT_NO, "
                + "AMOUNT_MINOR, CURRENCY, STATUS, CREATED_AT, UPDATED_AT, NEXT_CHECK_AT) "
                + "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)", id, id, amount, currency, status, t, t, t);
    }

    static List<String> ids(LedgerBatch batch) {
        return batch.payments().stream().map(PaymentRecord::paymentRequestId).collect(Collectors.toList());
    }

    // ------------------------------------------------------------ cancel (issue 18)

    @Test
    void cancellingLeavesPaidOnlyByTheCommandAndMakesTheNewResultOwed() {
        ledger.register(order("SO-CX"));
        assertThat(ledger.transition("SO-CX", PaymentStatus.PENDING, PaymentStatus.PAID, TransitionDetails.none()))
                .isTrue();
        assertThat(ledger.markResultPublished("SO-CX")).isTrue();

        assertThat(ledger.transition("SO-CX", PaymentStatus.PAID, PaymentStatus.CANCELLING, TransitionDetails.none()))
                .isTrue();
        assertThat(ledger.recordCall("SO-CX")).as("no pay or inquiry while CANCELLING").isFalse();
        assertThat(ledger.recordCall("SO-CX", EnumSet.of(PaymentStatus.CANCELLING))).isTrue();
        assertThat(ledger.findDueForCheck(Duration.ZERO, 10).payments()).extracting(PaymentRecord::paymentRequestId)
                .contains("SO-CX");
        assertThat(ledger.transition("SO-CX", EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.UNKNOWN), PaymentStatus.PAID,
                TransitionDetails.none())).as("a PAID notification does not settle it").isFalse();

        assertThat(ledger.transition("SO-CX", PaymentStatus.CANCELLING, PaymentStatus.CANCELLED,
                TransitionDetails.result("CANCELLED", null))).isTrue();
        PaymentRecord row = ledger.find("SO-CX").orElseThrow();
        assertThat(row.resultOwed()).isTrue();
        assertThatThrownBy(() -> ledger.transition("SO-CX", PaymentStatus.CANCELLED, PaymentStatus.CANCELLING,
                TransitionDetails.none())).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ refunds (issue 18)

    /** The notification bridge's deduplication store over this ledger, as one node holds it (processor antom-notify). */
    private NotificationDeduplication deduplication() {
        return NotificationDeduplication.repository(dataSource(), ledger, "antom-notify");
    }

    /** A node's repository, started as the route starts it. */
    private NotificationDeduplication startedDeduplication() {
        NotificationDeduplication repository = deduplication();
        repository.start();
        return repository;
    }

    private PaymentRecord paidOrder(String orderId) {
        ledger.register(order(orderId));
        ledger.transition(PaymentRequestIds.forOrder(orderId), PaymentStatus.PENDING, PaymentStatus.PAID,
                new TransitionDetails("P-" + orderId, "SUCCESS", null));
        return ledger.find(PaymentRequestIds.forOrder(orderId)).orElseThrow();
    }

    private static NewRefund refundOf(String refundId, String paymentRequestId, long minor) {
        return new NewRefund(refundId, paymentRequestId, minor, "USD", "returned", "{}");
    }

    @Test
    void refundsAreCheckedAgainstWhatWasPaidAndAlreadyRefunded() {
        RefundLedger refunds = ledger.refunds();
        paidOrder("SO-RF");   // 12,345 paid

        RefundRegistration a = refunds.register(refundOf("RF-A", "SO-RF", 5_000));
        assertThat(a.outcome()).isEqualTo(RefundRegistration.Outcome.CREATED);
        assertThat(a.refund().refundRequestId()).isEqualTo("RF-A");
        assertThat(a.refund().paymentId()).isEqualTo("P-SO-RF");
        assertThat(a.refund().status()).isEqualTo(RefundStatus.PENDING);
        assertThat(refunds.register(refundOf("RF-B", "SO-RF", 7_000)).outcome())
                .isEqualTo(RefundRegistration.Outcome.CREATED);
        RefundRegistration over = refunds.register(refundOf("RF-C", "SO-RF", 346));
        assertThat(over.outcome()).isEqualTo(RefundRegistration.Outcome.REFUSED);
        assertThat(over.reason()).contains("paid 12345, refunded or being refunded 12000, left 345");
        assertThat(refunds.register(refundOf("RF-A", "SO-RF", 5_000)).outcome())
                .isEqualTo(RefundRegistration.Outcome.EXISTING);
        assertThat(refunds.register(refundOf("RF-A", "SO-RF", 5_001)).outcome())
                .isEqualTo(RefundRegistration.Outcome.CONFLICT);
        assertThat(refunds.register(new NewRefund("RF-D", "SO-RF", 1, "EUR", null, null)).reason())
                .startsWith("currency: EUR");

        // a failed refund frees its amount
        assertThat(refunds.transition("RF-B", RefundLedger.open(), RefundStatus.REFUND_FAILED, null,
                "MERCHANT_BALANCE_NOT_ENOUGH", null)).isTrue();
        assertThat(refunds.register(refundOf("RF-C", "SO-RF", 346)).outcome())
                .isEqualTo(RefundRegistration.Outcome.CREATED);
        assertThat(refunds.hasRefunds("SO-RF")).isTrue();
        assertThat(refunds.findForPayment("SO-RF")).extracting(RefundRecord::refundRequestId)
                .containsExactly("RF-A", "RF-B", "RF-C");
    }

    @Test
    void onlyAPaidPaymentIsRefunded() {
        RefundLedger refunds = ledger.refunds();
        ledger.register(order("SO-RN"));
        assertThat(refunds.register(refundOf("RF-N", "SO-RN", 100)).reason())
                .isEqualTo("orderId: payment SO-RN is PENDING; only a PAID payment is refunded");
        assertThat(refunds.register(refundOf("RF-N", "SO-NONE", 100)).outcome())
                .isEqualTo(RefundRegistration.Outcome.REFUSED);
        assertThat(refunds.find("RF-N")).isEmpty();
    }

    @Test
    void racingRefundsNeverExceedThePaidAmount() throws Exception {
        RefundLedger refunds = ledger.refunds();
        paidOrder("SO-RR");   // 12,345: room for twelve refunds of 1,000
        List<Callable<RefundRegistration>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String id = "RF-R" + i;
            calls.add(() -> refunds.register(refundOf(id, "SO-RR", 1_000)));
        }
        List<RefundRegistration> outcomes = raceAll(calls);

        assertThat(outcomes.stream().filter(r -> r.outcome() == RefundRegistration.Outcome.CREATED)).hasSize(12);
        assertThat(outcomes.stream().filter(r -> r.outcome() == RefundRegistration.Outcome.REFUSED)).hasSize(4);
        assertThat(refunds.findForPayment("SO-RR").stream().mapToLong(RefundRecord::amountMinor).sum())
                .isEqualTo(12_000);

        // the same refund id at once: one row
        List<RefundRegistration> same = race(() -> refunds.register(refundOf("RF-ONE", "SO-RF1", 10)));
        assertThat(same).allMatch(r -> r.outcome() == RefundRegistration.Outcome.REFUSED);
        paidOrder("SO-RF1");
        same = race(() -> refunds.register(refundOf("RF-ONE", "SO-RF1", 10)));
        assertThat(same.stream().filter(r -> r.outcome() == RefundRegistration.Outcome.CREATED)).hasSize(1);
        assertThat(same.stream().filter(r -> r.outcome() == RefundRegistration.Outcome.EXISTING)).hasSize(THREADS - 1);
    }

    @Test
    void refundTransitionsAreCompareAndSetAndTheResultIsPublishedOnce() throws Exception {
        RefundLedger refunds = ledger.refunds();
        paidOrder("SO-RT");
        refunds.register(refundOf("RF-T", "SO-RT", 100));
        assertThat(refunds.recordCall("RF-T")).isTrue();

        List<Boolean> won = race(() -> refunds.transition("RF-T", RefundLedger.open(), RefundStatus.REFUNDED,
                "R-1", "SUCCESS", null));
        assertThat(won.stream().filter(b -> b)).hasSize(1);
        assertThat(refunds.transition("RF-T", RefundLedger.open(), RefundStatus.REFUND_FAILED, null, "X", null))
                .isFalse();
        assertThat(refunds.recordCall("RF-T")).isFalse();
        assertThatThrownBy(() -> refunds.transition("RF-T", EnumSet.of(RefundStatus.REFUNDED),
                RefundStatus.REFUND_FAILED, null, null, null)).isInstanceOf(IllegalArgumentException.class);

        clock.advance(Duration.ofMinutes(5));
        List<RefundRecord> owed = refunds.findResultsOwed(Duration.ofMinutes(1), 10);
        assertThat(owed).extracting(RefundRecord::refundRequestId).containsExactly("RF-T");
        assertThat(refunds.claimForRepublication(owed.get(0))).isTrue();
        assertThat(refunds.claimForRepublication(owed.get(0))).isFalse();
        List<Boolean> marked = race(() -> refunds.markResultPublished("RF-T"));
        assertThat(marked.stream().filter(b -> b)).hasSize(1);
        RefundRecord row = refunds.find("RF-T").orElseThrow();
        assertThat(row.refundId()).isEqualTo("R-1");
        assertThat(row.resultPublishedAt()).isNotNull();
        assertThat(refunds.findResultsOwed(Duration.ZERO, 10)).isEmpty();
    }

    @Test
    void openRefundsAreDueForReconciliationOncePerClaim() throws Exception {
        RefundLedger refunds = ledger.refunds();
        paidOrder("SO-RD");
        refunds.register(refundOf("RF-D1", "SO-RD", 100));
        assertThat(refunds.findDueForCheck(Duration.ofMinutes(1), 10)).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        List<RefundRecord> due = refunds.findDueForCheck(Duration.ofMinutes(1), 10);
        assertThat(due).extracting(RefundRecord::refundRequestId).containsExactly("RF-D1");

        List<Boolean> claims = race(() -> refunds.claimForCheck(due.get(0), CheckBackoff.defaults()));
        assertThat(claims.stream().filter(b -> b)).hasSize(1);
        assertThat(refunds.findDueForCheck(Duration.ofMinutes(1), 10)).isEmpty();
    }

    /** Runs the same call on {@value #THREADS} threads released at once. */
    <T> List<T> race(Callable<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(call);
        }
        return raceAll(calls);
    }

    <T> List<T> raceAll(List<Callable<T>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
