package io.camelantom.routes.order;

import static io.camelantom.routes.order.OrderBridgeHarness.DLQ;
import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.order;
import static io.camelantom.routes.order.OrderBridgeHarness.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.jms.TextMessage;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.reconciliation.Reconciliation;
import io.camelantom.routes.reconciliation.ReconciliationReport;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import io.camelantom.routes.result.PaymentResultMessage;
import io.camelantom.routes.testsupport.Await;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a transient error never costs a sale. The order bridge with its DEFAULT resend policy (the harness sets
 * no resend parameter and the antom component has no {@code maxRetries}) against the simulator's trigger table and
 * faults; reconciliation (run on demand) for what the bridge leaves open: Antom never received the pay request.
 */
class PayResendIT extends OrderBridgeTestSupport {

    final AtomicInteger cancels = new AtomicInteger();

    private static String orderExpiring(String orderId, String amount, Instant expiresAt) {
        String order = order(orderId, amount);
        return order.substring(0, order.length() - 1) + ",\"expiresAt\":\"" + expiresAt + "\"}";
    }

    private Map<String, TextMessage> resultsByOrder(int expected, Duration timeout) {
        List<TextMessage> results = h.take(RESULTS, expected, timeout);
        assertThat(results).as("one result per order").hasSize(expected);
        return results.stream().collect(Collectors.toMap(m -> property(m, AntomRouteHeaders.ORDER_ID),
                Function.identity()));
    }

    @Test
    void everyTriggerEndsWithItsExpectedStatusWithTheDefaultConfiguration() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.startApp();
        Instant expiry63 = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> expected = Map.of("T-00", "PAID", "T-51", "FAILED", "T-61", "PAID", "T-62", "FAILED",
                "T-71", "PAID", "T-72", "PAID", "T-73", "PAID", "T-81", "PAID", "T-91", "PAID", "T-63", "FAILED");
        for (String orderId : expected.keySet()) {
            String suffix = orderId.substring(2);
            h.sendOrder(suffix.equals("63") ? orderExpiring(orderId, "10.63", expiry63)
                    : order(orderId, "10." + suffix));
        }

        Await.until("T-63 PROCESSING", Duration.ofSeconds(20), () -> h.ledger.find("T-63")
                .map(r -> r.status() == PaymentStatus.PROCESSING).orElse(false));
        Map<String, TextMessage> results = resultsByOrder(expected.size(), Duration.ofSeconds(40));
        expected.forEach((orderId, status) -> {
            assertThat(property(results.get(orderId), AntomRouteHeaders.PAYMENT_STATUS)).as(orderId).isEqualTo(status);
            assertThat(h.sim.chargeCount(orderId)).as("charges of " + orderId)
                    .isEqualTo(status.equals("PAID") ? 1 : 0);
        });
        // the transient errors cost one resend each, not a sale (73 and 91 are charged at once: their notification
        // may settle them before the resend)
        for (String resent : List.of("T-72", "T-81")) {
            PaymentRecord row = h.ledger.find(resent).orElseThrow();
            assertThat(row.callCount()).as("calls of " + resent).isEqualTo(2);
            assertThat(row.resultCode()).as(resent).isEqualTo("SUCCESS");
        }
        for (String charged : List.of("T-73", "T-91")) {
            assertThat(h.ledger.find(charged).orElseThrow().callCount()).as("calls of " + charged).isBetween(1, 2);
        }
        // Antom has the 63 payment (PAYMENT_IN_PROCESS): not resent; it fails only once it expired
        PaymentRecord expired = h.ledger.find("T-63").orElseThrow();
        assertThat(expired.callCount()).isEqualTo(1);
        assertThat(expired.resultCode()).isEqualTo("ORDER_IS_CLOSED");
        assertThat(expired.updatedAt()).isAfterOrEqualTo(expiry63);
        assertThat(h.ledger.find("T-00").orElseThrow().callCount()).isEqualTo(1);
        assertThat(h.broker.count(DLQ)).isZero();
    }

    @Test
    void theFirstRequestsRejectedByAntomStillEndPaid() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.startApp();
        h.sim.faults().failNextRequests(3, 503);
        h.sendOrder(order("F-503", "11.00"));
        TextMessage result = resultsByOrder(1, Duration.ofSeconds(30)).get("F-503");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("PAID");
        assertThat(h.sim.chargeCount("F-503")).isEqualTo(1);
        assertThat(h.ledger.find("F-503").orElseThrow().callCount()).isEqualTo(4);

        h.sim.faults().resetNextRequests(2);   // connection closed without an answer: an I/O error
        h.sendOrder(order("F-RESET", "11.10"));
        result = resultsByOrder(1, Duration.ofSeconds(30)).get("F-RESET");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("PAID");
        assertThat(h.sim.chargeCount("F-RESET")).isEqualTo(1);
        assertThat(h.ledger.find("F-RESET").orElseThrow().callCount()).isEqualTo(3);
    }

    @Test
    void anAnswerThatIsNotAnUnknownOutcomeIsNeverResent() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.startApp();
        h.sim.faults().failNextRequests(1, 400);   // a client error: resending the same request cannot help
        h.sendOrder(order("F-400", "11.20"));
        Await.until("F-400 PROCESSING", Duration.ofSeconds(20), () -> h.ledger.find("F-400")
                .map(r -> r.status() == PaymentStatus.PROCESSING).orElse(false));
        assertThat(h.ledger.find("F-400").orElseThrow().callCount()).isEqualTo(1);
        assertThat(h.sim.payment("F-400")).isEmpty();
        assertThat(h.drain(RESULTS, 500)).isEmpty();
    }

    @Test
    void aBuyerWaitingOrderCodeIsNeverResent() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.startApp();
        h.sendOrder("{\"orderId\":\"OC-1\",\"amount\":\"10.00\",\"currency\":\"USD\","
                + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"scenario\":\"OrderCode\"}}");
        Await.until("OC-1 PROCESSING", Duration.ofSeconds(20), () -> h.ledger.find("OC-1")
                .map(r -> r.status() == PaymentStatus.PROCESSING).orElse(false));
        Thread.sleep(1500);   // longer than the first resend delay
        assertThat(h.ledger.find("OC-1").orElseThrow().callCount()).isEqualTo(1);
        h.sim.scanOrderCode("OC-1");
        TextMessage result = resultsByOrder(1, Duration.ofSeconds(20)).get("OC-1");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("PAID");
        assertThat(h.sim.chargeCount("OC-1")).isEqualTo(1);
    }

    /** The bridge, plus reconciliation run on demand, with cancels counted on their way to Antom. */
    private Reconciliation startWithReconciliation() throws Exception {
        h.startApp(context -> {
        }, context -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cancel").process(e -> cancels.incrementAndGet()).to("antom:cancel");
                }
            });
            OrderBridgeHarness.addReconciliation(context, Map.of(
                    ReconciliationRouteTemplate.ORDER_NOT_EXIST_GRACE_PERIOD, "PT1S",
                    ReconciliationRouteTemplate.BACKOFF_FIRST, "PT0.1S",
                    ReconciliationRouteTemplate.CANCEL_ENDPOINT, "direct:cancel"));
        });
        return h.reconciliation();
    }

    @Test
    void antomUnreachableUntilAfterExpiryEndsFailedAfterAConfirmingCancelNeverCharged() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        Reconciliation reconciliation = startWithReconciliation();
        h.sim.faults().failNextRequests(1000, 503);
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        h.sendOrder(orderExpiring("DOWN-1", "12.00", expiry));

        Await.until("DOWN-1 PROCESSING", Duration.ofSeconds(20), () -> h.ledger.find("DOWN-1")
                .map(r -> r.status() == PaymentStatus.PROCESSING).orElse(false));
        PaymentRecord open = h.ledger.find("DOWN-1").orElseThrow();
        assertThat(open.callCount()).as("resent while young, never at or after the expiry").isGreaterThan(1);
        // still unreachable: reconciliation leaves it open, never FAILED before its expiry
        ReconciliationReport down = reconciliation.runOnce();
        assertThat(down.errors()).isEqualTo(1);
        assertThat(h.ledger.find("DOWN-1").orElseThrow().status()).isEqualTo(PaymentStatus.PROCESSING);

        Await.until("past the expiry", Duration.ofSeconds(10), () -> Instant.now().isAfter(expiry.plusSeconds(1)));
        h.sim.faults().clear();
        reconciliation.runOnce();

        PaymentRecord row = h.ledger.find("DOWN-1").orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(row.resultCode()).isEqualTo(PaymentResultMessage.EXPIRED_NOT_RECEIVED);
        assertThat(cancels.get()).as("a confirming cancel").isEqualTo(1);
        assertThat(h.sim.payment("DOWN-1")).isEmpty();
        assertThat(h.sim.chargeCount("DOWN-1")).isZero();
        TextMessage result = resultsByOrder(1, Duration.ofSeconds(10)).get("DOWN-1");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("FAILED");
        assertThat(property(result, AntomRouteHeaders.RESULT_CODE)).isEqualTo(PaymentResultMessage.EXPIRED_NOT_RECEIVED);
    }

    @Test
    void antomBackBeforeTheExpiryGetsTheOriginalPayRequestFromReconciliationAndThePaymentEndsPaid() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.PAY_RESEND_WINDOW, "PT2S");   // the bridge gives up early here
        Reconciliation reconciliation = startWithReconciliation();
        h.sim.faults().failNextRequests(1000, 503);
        h.sendOrder(order("BACK-1", "12.10"));
        Await.until("BACK-1 PROCESSING", Duration.ofSeconds(20), () -> h.ledger.find("BACK-1")
                .map(r -> r.status() == PaymentStatus.PROCESSING).orElse(false));
        h.sim.faults().clear();

        Await.until("past the grace period", Duration.ofSeconds(10), () -> Duration.between(
                h.ledger.find("BACK-1").orElseThrow().createdAt(), Instant.now()).toMillis() > 1200);
        reconciliation.runOnce();

        PaymentRecord row = h.ledger.find("BACK-1").orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(cancels.get()).isZero();
        assertThat(h.sim.chargeCount("BACK-1")).isEqualTo(1);
        // the resend is the original request: same notify URL (the bridge's parameter), same expiry
        assertThat(h.sim.payment("BACK-1").orElseThrow().notifyUrl()).isEqualTo(h.notifyUrl());
        assertThat(h.sim.payment("BACK-1").orElseThrow().expiryTime()).isEqualTo(row.expiresAt()
                .truncatedTo(ChronoUnit.SECONDS));
        TextMessage result = resultsByOrder(1, Duration.ofSeconds(10)).get("BACK-1");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("PAID");
    }
}
