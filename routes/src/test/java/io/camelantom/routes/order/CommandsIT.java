package io.camelantom.routes.order;

import static io.camelantom.routes.order.OrderBridgeHarness.CANCELS;
import static io.camelantom.routes.order.OrderBridgeHarness.DLQ;
import static io.camelantom.routes.order.OrderBridgeHarness.INQUIRIES;
import static io.camelantom.routes.order.OrderBridgeHarness.REFUNDS;
import static io.camelantom.routes.order.OrderBridgeHarness.REFUND_NOTIFICATIONS;
import static io.camelantom.routes.order.OrderBridgeHarness.REFUND_RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.json;
import static io.camelantom.routes.order.OrderBridgeHarness.order;
import static io.camelantom.routes.order.OrderBridgeHarness.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.ledger.RefundStatus;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import io.camelantom.routes.testsupport.Await;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.SimulatedPayment;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the ERP's cancel, refund and status inquiry commands over their queues, against a real Artemis, an H2
 * ledger, the simulator over HTTP and the notification bridge; their failure modes and races.
 */
class CommandsIT extends OrderBridgeTestSupport {

    private OrderBridgeHarness started() throws Exception {
        return started(simulator -> {
        });
    }

    private OrderBridgeHarness started(Consumer<AntomSimulator.Builder> simulator) throws Exception {
        h = new OrderBridgeHarness(dir, simulator).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.COMMAND_CONSUMERS, "4");
        h.startApp(OrderBridgeHarness.ContextCustomizerNone.NONE, context -> OrderBridgeHarness.addReconciliation(
                context, Map.of(ReconciliationRouteTemplate.ORDER_NOT_EXIST_GRACE_PERIOD, "PT0.5S",
                        ReconciliationRouteTemplate.BACKOFF_FIRST, "PT0.01S",
                        ReconciliationRouteTemplate.BACKOFF_MAX, "PT0.01S")));
        return h;
    }

    private PaymentRecord paid(String orderId, String amount) throws Exception {
        assertThat(json(h.resultOf(order(orderId, amount))).get("status").asText()).isEqualTo("PAID");
        return h.ledger.find(orderId).orElseThrow();
    }

    static String cancel(String orderId) {
        return "{\"orderId\":\"" + orderId + "\"}";
    }

    static String refund(String refundId, String orderId, String amount) {
        return "{\"refundId\":\"" + refundId + "\",\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"USD\",\"reason\":\"returned goods\"}";
    }

    private List<String> statuses(List<TextMessage> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(json(m).get("status").asText()));
        return out;
    }

    // ------------------------------------------------------------------ cancel

    @Test
    void cancelOfAnOpenPaymentGivesOneCancelledResultAndNothingCharged() throws Exception {
        started();
        h.sendOrder(order("SO-C1", "10.63"));   // U, never resolves by itself
        h.awaitStatus("SO-C1", PaymentStatus.PROCESSING);

        h.sendText(CANCELS, cancel("SO-C1"), Map.of());

        List<TextMessage> results = h.take(RESULTS, 1);
        assertThat(statuses(results)).containsExactly("CANCELLED");
        assertThat(property(results.get(0), AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("CANCELLED");
        PaymentRecord row = h.ledger.find("SO-C1").orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(row.resultPublishedAt()).isNotNull();
        assertThat(h.sim.payment("SO-C1").orElseThrow().status().name()).isEqualTo("CANCELLED");
        assertThat(h.sim.chargeCount("SO-C1")).isZero();

        // sent again: the recorded result again (documented repeat), no second cancel at Antom
        int calls = row.callCount();
        h.sendText(CANCELS, cancel("SO-C1"), Map.of());
        assertThat(statuses(h.take(RESULTS, 1))).containsExactly("CANCELLED");
        assertThat(h.ledger.find("SO-C1").orElseThrow().callCount()).isEqualTo(calls);
        assertThat(h.drain(DLQ, 200)).isEmpty();
    }

    @Test
    void cancelOfAPaidPaymentReversesItWithinTheWindow() throws Exception {
        started();
        paid("SO-C2", "12.34");

        h.sendText(CANCELS, cancel("SO-C2"), Map.of());

        assertThat(statuses(h.take(RESULTS, 1))).containsExactly("CANCELLED");
        SimulatedPayment atAntom = h.sim.payment("SO-C2").orElseThrow();
        assertThat(atAntom.reversed()).isTrue();
        assertThat(atAntom.chargeCount()).isEqualTo(1);
        assertThat(h.ledger.find("SO-C2").orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void cancelOutsideTheWindowOfAPaidPaymentGivesRefundRequired() throws Exception {
        started(simulator -> simulator.cancelWindow(Duration.ofMillis(1)));
        paid("SO-C3", "12.34");

        h.sendText(CANCELS, cancel("SO-C3"), Map.of());

        List<TextMessage> results = h.take(RESULTS, 1);
        assertThat(statuses(results)).containsExactly("REFUND_REQUIRED");
        assertThat(json(results.get(0)).get("resultCode").asText()).isEqualTo("CANCEL_WINDOW_EXCEED");
        PaymentRecord row = h.ledger.find("SO-C3").orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(h.sim.payment("SO-C3").orElseThrow().reversed()).isFalse();

        // then refunded in full: what REFUND_REQUIRED asks for
        h.sendText(REFUNDS, refund("RF-C3", "SO-C3", "12.34"), Map.of());
        assertThat(statuses(h.take(REFUND_RESULTS, 1))).containsExactly("REFUNDED");
        assertThat(h.sim.payment("SO-C3").orElseThrow().refundedAmount()).isEqualTo(1234);
        // a cancel now is refused before Antom: the payment has refunds (recorded REFUND_REQUIRED published again)
        h.sendText(CANCELS, cancel("SO-C3"), Map.of());
        assertThat(statuses(h.take(RESULTS, 1))).containsExactly("REFUND_REQUIRED");
    }

    @Test
    void cancelRacingAPaidNotificationEndsInOneCancelledResult() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        // the cancel call waits until Antom has paid the payment and its PAID notification reached the bridge
        h.parameters.put(OrderBridgeRouteTemplate.CANCEL_ENDPOINT, "direct:cancelAfterPaid");
        h.startApp(OrderBridgeHarness.ContextCustomizerNone.NONE, context -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancelAfterPaid").process(e -> {
                    h.sim.completePayment("SO-C4", true);
                    Await.until("PAID notification acknowledged", Duration.ofSeconds(10),
                            () -> h.sim.notificationAttempts("SO-C4").stream().anyMatch(a -> a.acknowledged()));
                    Thread.sleep(300); // the bridge's notification route has consumed it
                }).to("antom:cancel");
            }
        }));
        h.sendOrder(order("SO-C4", "10.63"));
        h.awaitStatus("SO-C4", PaymentStatus.PROCESSING);

        h.sendText(CANCELS, cancel("SO-C4"), Map.of());

        List<TextMessage> results = h.take(RESULTS, 1);
        assertThat(statuses(results)).containsExactly("CANCELLED");
        assertThat(h.sim.payment("SO-C4").orElseThrow().reversed()).isTrue();
        assertThat(h.ledger.find("SO-C4").orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(h.drain(DLQ, 200)).isEmpty();
    }

    @Test
    void cancelWithoutAnswerIsFinishedByReconciliation() throws Exception {
        started();
        h.sendOrder(order("SO-C5", "10.63"));
        h.awaitStatus("SO-C5", PaymentStatus.PROCESSING);
        h.sim.faults().failNextRequests(1, 503);

        h.sendText(CANCELS, cancel("SO-C5"), Map.of());
        h.awaitStatus("SO-C5", PaymentStatus.CANCELLING);
        assertThat(h.drain(RESULTS, 300)).isEmpty();
        // a PAID notification meanwhile does not settle it: the cancel decides
        h.sim.completePayment("SO-C5", true);
        Await.until("notification delivered", Duration.ofSeconds(10),
                () -> !h.sim.notificationAttempts("SO-C5").isEmpty());
        Thread.sleep(300);
        assertThat(h.ledger.find("SO-C5").orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLING);

        h.reconciliation().runOnce();

        assertThat(statuses(h.take(RESULTS, 1))).containsExactly("CANCELLED");
        assertThat(h.sim.payment("SO-C5").orElseThrow().reversed()).isTrue();
    }

    @Test
    void cancelOfAnUnknownOrderIsKeptForTheGracePeriodBadInputIsDeadLetteredAtOnce() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications().keepingUnknownMessages("PT2S", "PT0.3S");
        h.startApp();
        h.sendText(CANCELS, "{\"attempt\":1}", Map.of());
        h.sendText(CANCELS, cancel("SO-NOPE"), Map.of());

        List<TextMessage> bad = h.take(DLQ, 1, Duration.ofSeconds(1));
        assertThat(bad).extracting(m -> property(m, AntomRouteHeaders.DEAD_LETTER_REASON))
                .containsExactly("orderId: is required");
        // the unknown order's cancel: kept and tried again, dead-lettered only after the grace period
        assertThat(h.takeDeadLetter(cancel("SO-NOPE")))
                .startsWith("orderId: no payment for order SO-NOPE in the ledger PT2S after the message first arrived");
        assertThat(h.drain(RESULTS, 200)).isEmpty();
    }

    @Test
    void aCommandThatKeepsFailingIsRolledBackThenDeadLetteredAfterMaximumDeliveries() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_REDELIVERIES, "0");
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_DELIVERIES, "2");
        AtomicInteger deliveries = new AtomicInteger();
        h.startApp(context -> AdviceWith.adviceWith(context, OrderBridgeRouteTemplate.TEMPLATE_ID + "-cancels",
                a -> a.weaveAddFirst().process(e -> {
                    deliveries.incrementAndGet();
                    throw new IllegalStateException("simulated outage");
                })));
        h.sendText(CANCELS, cancel("SO-C9"), Map.of());

        // the companion route rolls back (never parks) and gives up after maximumDeliveries
        assertThat(h.takeDeadLetter(cancel("SO-C9")))
                .isEqualTo("not processed after 2 deliveries: IllegalStateException: simulated outage");
        assertThat(deliveries.get()).as("deliveries of the cancel command").isEqualTo(2);
        assertThat(h.drain(RESULTS, 300)).isEmpty();
        assertThat(h.broker.count(CANCELS)).isZero();
    }

    @Test
    void cancelThatOvertakesItsOrderIsKeptAndCancelsTheOrderOnceItArrives() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.UNKNOWN_PAYMENT_RETRY_DELAY, "PT0.3S");
        // no redeliveries: a cancel treated as a transient error would be dead-lettered at its first failure
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_REDELIVERIES, "0");
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_DELIVERIES, "1");
        h.startApp();

        h.sendText(CANCELS, cancel("SO-C6"), Map.of());
        assertThat(h.take(DLQ, 1, Duration.ofMillis(1500))).isEmpty();
        assertThat(h.ledger.find("SO-C6")).isEmpty();
        h.sendOrder(order("SO-C6", "10.63"));   // U, waits for the buyer

        List<TextMessage> results = h.take(RESULTS, 1);
        assertThat(statuses(results)).containsExactly("CANCELLED");
        assertThat(h.ledger.find("SO-C6").orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
        // cancelled before its pay call (Antom never saw it) or after it (cancelled at Antom); never charged
        h.sim.payment("SO-C6").ifPresent(p -> assertThat(p.status().name()).isEqualTo("CANCELLED"));
        assertThat(h.sim.chargeCount("SO-C6")).isZero();
        assertThat(h.drain(RESULTS, 300)).isEmpty();
        assertThat(h.drain(DLQ, 200)).isEmpty();
    }

    // ------------------------------------------------------------------ refund

    @Test
    void partialRefundsUpToThePaidAmountThenRefusedOverIt() throws Exception {
        started();
        paid("SO-R1", "20.00");

        h.sendText(REFUNDS, refund("RF-1", "SO-R1", "5.00"), Map.of());
        List<TextMessage> first = h.take(REFUND_RESULTS, 1);
        assertThat(statuses(first)).containsExactly("REFUNDED");
        JsonNode body = json(first.get(0));
        assertThat(body.get("refundId").asText()).isEqualTo("RF-1");
        assertThat(body.get("refundRequestId").asText()).isEqualTo("RF-1");
        assertThat(body.get("orderId").asText()).isEqualTo("SO-R1");
        assertThat(body.get("amount").asText()).isEqualTo("5.00");
        assertThat(body.get("antomRefundId").asText()).isNotBlank();
        assertThat(property(first.get(0), AntomRouteHeaders.ORDER_REFUND_STATUS)).isEqualTo("REFUNDED");
        assertThat(property(first.get(0), AntomRouteHeaders.ERP_REFUND_ID)).isEqualTo("RF-1");

        h.sendText(REFUNDS, refund("RF-2", "SO-R1", "15.00"), Map.of());
        assertThat(statuses(h.take(REFUND_RESULTS, 1))).containsExactly("REFUNDED");

        h.sendText(REFUNDS, refund("RF-3", "SO-R1", "0.01"), Map.of());
        List<TextMessage> dead = h.take(DLQ, 1);
        assertThat(property(dead.get(0), AntomRouteHeaders.DEAD_LETTER_REASON))
                .startsWith("amount: 1 USD (minor units) exceeds what is left of payment SO-R1: paid 2000");
        assertThat(h.ledger.refunds().find("RF-3")).isEmpty();

        // RF-1 sent again: its recorded result again, no second refund
        h.sendText(REFUNDS, refund("RF-1", "SO-R1", "5.00"), Map.of());
        assertThat(statuses(h.take(REFUND_RESULTS, 1))).containsExactly("REFUNDED");
        // RF-1 with other money: dead-lettered
        h.sendText(REFUNDS, refund("RF-1", "SO-R1", "6.00"), Map.of());
        assertThat(property(h.take(DLQ, 1).get(0), AntomRouteHeaders.DEAD_LETTER_REASON))
                .startsWith("refundId: refund RF-1 is already registered");

        SimulatedPayment atAntom = h.sim.payment("SO-R1").orElseThrow();
        assertThat(atAntom.refunds()).hasSize(2);
        assertThat(atAntom.refundedAmount()).isEqualTo(2000);
        assertThat(h.ledger.find("SO-R1").orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void failedRefundGivesRefundFailedWithAntomsCodeAndFreesTheAmount() throws Exception {
        started();
        paid("SO-R2", "10.00");

        h.sendText(REFUNDS, refund("RF-F", "SO-R2", "0.51"), Map.of());   // F MERCHANT_BALANCE_NOT_ENOUGH
        List<TextMessage> results = h.take(REFUND_RESULTS, 1);
        assertThat(statuses(results)).containsExactly("REFUND_FAILED");
        assertThat(json(results.get(0)).get("resultCode").asText()).isEqualTo("MERCHANT_BALANCE_NOT_ENOUGH");

        h.sendText(REFUNDS, refund("RF-ALL", "SO-R2", "10.00"), Map.of());
        assertThat(statuses(h.take(REFUND_RESULTS, 1))).containsExactly("REFUNDED");
        assertThat(h.sim.payment("SO-R2").orElseThrow().refundedAmount()).isEqualTo(1000);
    }

    @Test
    void refundInProcessIsSettledByItsNotificationOnce() throws Exception {
        started();
        paid("SO-R3", "10.00");

        h.sendText(REFUNDS, refund("RF-U", "SO-R3", "1.61"), Map.of());   // U REFUND_IN_PROCESS, then REFUND_RESULT

        List<TextMessage> results = h.take(REFUND_RESULTS, 1);
        assertThat(statuses(results)).containsExactly("REFUNDED");
        RefundRecord row = h.ledger.refunds().find("RF-U").orElseThrow();
        assertThat(row.status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(row.refundId()).isNotBlank();
        // Antom has it (REFUND_IN_PROCESS): not resent
        assertThat(row.callCount()).isEqualTo(1);
        assertThat(h.drain(REFUND_RESULTS, 500)).isEmpty();
    }

    @Test
    void refundRejectedAtFirstIsResentLikePayAndRefundedPromptly() throws Exception {
        started();   // the template's default resend policy (payResendDelay 1 s, traffic limit 5 s, window 30 s)
        paid("SO-R8", "20.00");

        long start = System.nanoTime();
        h.sendText(REFUNDS, refund("RF-500", "SO-R8", "1.72"), Map.of());    // HTTP 500 first, nothing created
        h.sendText(REFUNDS, refund("RF-LIMIT", "SO-R8", "1.81"), Map.of());  // U REQUEST_TRAFFIC_EXCEED_LIMIT first

        List<TextMessage> results = h.take(REFUND_RESULTS, 2, Duration.ofSeconds(15));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(statuses(results)).containsExactly("REFUNDED", "REFUNDED");
        // resent after 1 s and 5 s, not left to reconciliation (which never runs here)
        assertThat(millis).isLessThan(12_000);
        for (String id : List.of("RF-500", "RF-LIMIT")) {
            RefundRecord row = h.ledger.refunds().find(id).orElseThrow();
            assertThat(row.status()).isEqualTo(RefundStatus.REFUNDED);
            assertThat(row.callCount()).isEqualTo(2);
        }
        SimulatedPayment atAntom = h.sim.payment("SO-R8").orElseThrow();
        assertThat(atAntom.refunds()).hasSize(2);
        assertThat(atAntom.refundedAmount()).isEqualTo(172 + 181);
        assertThat(h.drain(DLQ, 200)).isEmpty();
    }

    @Test
    void refundWithLostNotificationIsSettledByReconciliationsInquiryRefund() throws Exception {
        started();
        paid("SO-R4", "10.00");
        h.sim.faults().dropNotifications(8);   // every delivery of its REFUND_RESULT

        h.sendText(REFUNDS, refund("RF-L", "SO-R4", "2.61"), Map.of());
        Await.until("refund processing", Duration.ofSeconds(10), () -> h.ledger.refunds().find("RF-L")
                .map(r -> r.status() == RefundStatus.PROCESSING).orElse(false));
        Await.until("refund done at Antom", Duration.ofSeconds(10), () -> h.sim.payment("SO-R4").orElseThrow()
                .refundedAmount() == 261);
        assertThat(h.drain(REFUND_RESULTS, 300)).isEmpty();

        h.reconciliation().runOnce();

        assertThat(statuses(h.take(REFUND_RESULTS, 1))).containsExactly("REFUNDED");
    }

    @Test
    void refundNotificationForAnUnknownRefundIsKeptForTheGracePeriodThenDeadLettered() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications().keepingUnknownMessages("PT2S", "PT0.3S");
        h.startApp();
        String notification = "{\"notifyType\":\"REFUND_RESULT\",\"refundRequestId\":\"RF-DASHBOARD\","
                + "\"refundId\":\"2026R1\",\"refundStatus\":\"SUCCESS\","
                + "\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"}}";
        // as the notification bridge publishes it: with Artemis' duplicate id, which the kept copy must not carry
        h.sendText(REFUND_NOTIFICATIONS, notification, Map.of("_AMQ_DUPL_ID", "REFUND_RESULT|RF-DASHBOARD"));

        assertThat(h.take(DLQ, 1, Duration.ofMillis(1200))).isEmpty();
        assertThat(h.takeDeadLetter(notification))
                .startsWith("refundRequestId: no refund RF-DASHBOARD in the ledger (a refund made outside the order "
                        + "bridge?) PT2S after the message first arrived");
        assertThat(h.drain(REFUND_RESULTS, 200)).isEmpty();
    }

    @Test
    void racingRefundsNeverExceedThePaidAmountAndOneRefundIdIsRefundedOnce() throws Exception {
        started();
        paid("SO-R5", "10.00");
        paid("SO-R6", "10.00");

        // eight refunds of 3.00 against 10.00, and one refund id sent four times, all at once
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "RF-X" + i;
            sent.add(pool.submit(() -> h.sendText(REFUNDS, refund(id, "SO-R5", "3.00"), Map.of())));
        }
        for (int i = 0; i < 4; i++) {
            sent.add(pool.submit(() -> h.sendText(REFUNDS, refund("RF-SAME", "SO-R6", "1.00"), Map.of())));
        }
        pool.shutdown();
        for (Future<?> f : sent) {
            f.get();
        }
        List<TextMessage> results = h.take(REFUND_RESULTS, 4);
        List<TextMessage> dead = h.take(DLQ, 5);

        List<TextMessage> ofR5 = results.stream().filter(m -> json(m).get("orderId").asText().equals("SO-R5")).toList();
        List<TextMessage> ofSame = results.stream().filter(m -> json(m).get("refundId").asText().equals("RF-SAME"))
                .toList();
        assertThat(statuses(ofR5)).containsExactly("REFUNDED", "REFUNDED", "REFUNDED");
        assertThat(dead).hasSize(5).allMatch(m -> property(m, AntomRouteHeaders.DEAD_LETTER_REASON)
                .startsWith("amount: 300 USD (minor units) exceeds what is left of payment SO-R5"));
        assertThat(h.sim.payment("SO-R5").orElseThrow().refundedAmount()).isEqualTo(900);
        assertThat(h.sim.payment("SO-R5").orElseThrow().refunds()).hasSize(3);
        // one refund at Antom for the one refund id; a delivery after it was final repeats its result (documented)
        assertThat(ofSame).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(statuses(ofSame)).containsOnly("REFUNDED");
        assertThat(h.sim.payment("SO-R6").orElseThrow().refunds()).hasSize(1);
        assertThat(h.sim.payment("SO-R6").orElseThrow().refundedAmount()).isEqualTo(100);
    }

    @Test
    void refundOfAnUnpaidPaymentOrBadRefundGoesToTheDeadLetterQueue() throws Exception {
        started();
        h.sendOrder(order("SO-R7", "10.51"));   // FAILED
        assertThat(statuses(h.take(RESULTS, 1))).containsExactly("FAILED");

        h.sendText(REFUNDS, refund("RF-7", "SO-R7", "1.00"), Map.of());
        h.sendText(REFUNDS, "{\"refundId\":\"RF-8\",\"orderId\":\"SO-R7\",\"amount\":\"-1\",\"currency\":\"USD\"}",
                Map.of());
        h.sendText(REFUNDS, "not json", Map.of());

        List<TextMessage> dead = h.take(DLQ, 3);
        assertThat(dead).extracting(m -> property(m, AntomRouteHeaders.DEAD_LETTER_REASON))
                .anyMatch(r -> r.contains("payment SO-R7 is FAILED; only a PAID payment is refunded"))
                .anyMatch(r -> r.startsWith("amount:"))
                .anyMatch(r -> r.startsWith("the message body is not valid JSON"));
        assertThat(h.drain(REFUND_RESULTS, 200)).isEmpty();
        assertThat(h.sim.payment("SO-R7").orElseThrow().refunds()).isEmpty();
    }

    // ------------------------------------------------------------------ inquiry

    @Test
    void inquiryRepliesWithTheLedgersViewAndRefreshSettlesFromAntom() throws Exception {
        started();
        paid("SO-I1", "20.00");
        h.sendText(REFUNDS, refund("RF-I1", "SO-I1", "5.00"), Map.of());
        h.take(REFUND_RESULTS, 1);

        Message reply = h.request(INQUIRIES, "{\"orderId\":\"SO-I1\"}", "corr-1");
        assertThat(reply).isNotNull();
        assertThat(reply.getJMSCorrelationID()).isEqualTo("corr-1");
        JsonNode view = json(reply);
        assertThat(view.get("found").asBoolean()).isTrue();
        assertThat(view.get("status").asText()).isEqualTo("PAID");
        assertThat(view.get("amount").asText()).isEqualTo("20.00");
        assertThat(view.get("refundedAmount").asText()).isEqualTo("5.00");
        assertThat(view.get("refunds").get(0).get("refundId").asText()).isEqualTo("RF-I1");
        assertThat(view.get("refreshed").asBoolean()).isFalse();

        JsonNode unknown = json(h.request(INQUIRIES, "{\"orderId\":\"SO-NONE\"}", "corr-2"));
        assertThat(unknown.get("found").asBoolean()).isFalse();

        // an open payment whose notification was lost: refresh asks Antom and settles it
        h.sim.faults().dropNotifications(8);
        h.sendOrder(order("SO-I2", "10.63"));
        h.awaitStatus("SO-I2", PaymentStatus.PROCESSING);
        h.sim.completePayment("SO-I2", true);
        JsonNode stale = json(h.request(INQUIRIES, "{\"orderId\":\"SO-I2\"}", "corr-3"));
        assertThat(stale.get("status").asText()).isEqualTo("PROCESSING");
        JsonNode fresh = json(h.request(INQUIRIES, "{\"orderId\":\"SO-I2\",\"refresh\":true}", "corr-4"));
        assertThat(fresh.get("status").asText()).isEqualTo("PAID");
        assertThat(fresh.get("refreshed").asBoolean()).isTrue();
        assertThat(statuses(h.take(RESULTS, 1))).containsExactly("PAID");

        JsonNode bad = json(h.request(INQUIRIES, "{\"refresh\":true}", "corr-5"));
        assertThat(bad.get("error").asText()).isEqualTo("orderId: is required");
        assertThat(property(h.take(DLQ, 1).get(0), AntomRouteHeaders.DEAD_LETTER_REASON))
                .isEqualTo("orderId: is required");
    }

    @Test
    void inquiryWithoutReplyToGoesToTheDeadLetterQueue() throws Exception {
        started();
        h.sendText(INQUIRIES, "{\"orderId\":\"SO-I3\"}", Map.of());
        assertThat(property(h.take(DLQ, 1).get(0), AntomRouteHeaders.DEAD_LETTER_REASON))
                .isEqualTo("JMSReplyTo: missing; a status inquiry is request/reply");
    }
}
