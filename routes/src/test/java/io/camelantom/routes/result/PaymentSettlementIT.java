package io.camelantom.routes.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settle-and-publish on a real H2 file ledger; results are collected by a publisher that keeps them in a list. */
class PaymentSettlementIT {

    @TempDir
    Path dir;

    EmbeddedLedgerDatabase db;
    PaymentLedger ledger;
    final List<PaymentResultMessage> published = new CopyOnWriteArrayList<>();
    volatile boolean brokerDown;
    PaymentSettlement settlement;

    @BeforeEach
    void open() {
        db = EmbeddedLedgerDatabase.open(dir);
        ledger = new PaymentLedger(db.dataSource(), PaymentLedger.DEFAULT_TABLE_PREFIX, Clock.systemUTC())
                .createSchemaIfMissing();
        settlement = new PaymentSettlement(ledger, result -> {
            if (brokerDown) {
                throw new ResultNotPublishedException("broker down", null);
            }
            published.add(result);
        }, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void register(String orderId) {
        ledger.register(new NewPayment(orderId, 1234, "USD", "test", Instant.now().plusSeconds(600), null));
    }

    @Test
    void ofManyRacingSettlersOnePublishes() throws Exception {
        register("R-1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PaymentSettlement.Outcome>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PaymentStatus target = i % 2 == 0 ? PaymentStatus.PAID : PaymentStatus.FAILED;
            outcomes.add(pool.submit(() -> {
                go.await();
                return settlement.settle("R-1", target, TransitionDetails.result("X", "racing"));
            }));
        }
        go.countDown();
        long won = 0;
        for (Future<PaymentSettlement.Outcome> f : outcomes) {
            won += f.get() == PaymentSettlement.Outcome.SETTLED ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).status()).isEqualTo(ledger.find("R-1").orElseThrow().status());
        assertThat(ledger.find("R-1").orElseThrow().resultPublishedAt()).isNotNull();
    }

    @Test
    void processingPublishesNothingAndAFinalPaymentIsNotMovedBack() {
        register("R-2");
        assertThat(settlement.markProcessing("R-2", TransitionDetails.result("PAYMENT_IN_PROCESS", "U"))).isTrue();
        assertThat(published).isEmpty();
        settlement.settle("R-2", PaymentStatus.PAID, TransitionDetails.result("SUCCESS", "ok").withPaymentId("P-2"));
        assertThat(settlement.markProcessing("R-2", TransitionDetails.none())).isFalse();
        assertThat(settlement.settle("R-2", PaymentStatus.FAILED, TransitionDetails.none()))
                .isEqualTo(PaymentSettlement.Outcome.LOST);
        assertThat(published).extracting(PaymentResultMessage::paymentId).containsExactly("P-2");
    }

    @Test
    void aResultThatCouldNotBePublishedIsRepairedOnce() throws Exception {
        register("R-3");
        brokerDown = true;
        assertThatThrownBy(() -> settlement.settle("R-3", PaymentStatus.FAILED,
                TransitionDetails.result("RISK_REJECT", "no"))).isInstanceOf(ResultNotPublishedException.class);
        assertThat(ledger.find("R-3").orElseThrow().resultOwed()).isTrue();

        brokerDown = false;
        Thread.sleep(20);
        assertThat(settlement.repairOutbox(Duration.ofMillis(10), 10)).isEqualTo(1);
        assertThat(settlement.repairOutbox(Duration.ofMillis(10), 10)).isZero();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).resultCode()).isEqualTo("RISK_REJECT");
        assertThat(ledger.find("R-3").orElseThrow().resultOwed()).isFalse();
    }

    @Test
    void republishSendsTheRecordedResultAgain() {
        register("R-4");
        settlement.settle("R-4", PaymentStatus.PAID, TransitionDetails.result("SUCCESS", "ok"));
        settlement.republish(ledger.find("R-4").orElseThrow());
        assertThat(published).hasSize(2);
        assertThat(published.get(1).toJson()).contains("\"status\":\"PAID\"", "\"amount\":\"12.34\"",
                "\"orderId\":\"R-4\"");
    }
}
