package io.camelantom.routes.order;

import static io.camelantom.routes.order.OrderBridgeHarness.DLQ;
import static io.camelantom.routes.order.OrderBridgeHarness.ORDERS;
import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.json;
import static io.camelantom.routes.order.OrderBridgeHarness.order;
import static io.camelantom.routes.order.OrderBridgeHarness.property;
import static io.camelantom.routes.order.OrderBridgeHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.testsupport.TestApplications;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

class OrderBridgeIT extends OrderBridgeTestSupport {

    private OrderBridgeHarness started() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.startApp();
        return h;
    }

    @Test
    void paidOrderGivesOnePaidResultWithHeaders() throws Exception {
        started();
        TextMessage result = h.resultOf(order("SO-1001", "12.34"));
        JsonNode body = json(result);
        assertThat(body.get("orderId").asText()).isEqualTo("SO-1001");
        assertThat(body.get("paymentRequestId").asText()).isEqualTo("SO-1001");
        assertThat(body.get("status").asText()).isEqualTo("PAID");
        assertThat(body.get("resultCode").asText()).isEqualTo("SUCCESS");
        assertThat(body.get("amount").asText()).isEqualTo("12.34");
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("attempt").asInt()).isEqualTo(1);
        assertThat(body.get("paymentId").asText()).isNotBlank();
        assertThat(property(result, AntomRouteHeaders.ORDER_ID)).isEqualTo("SO-1001");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_REQUEST_ID)).isEqualTo("SO-1001");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_STATUS)).isEqualTo("PAID");
        assertThat(property(result, AntomRouteHeaders.PAYMENT_ID)).isEqualTo(body.get("paymentId").asText());
        assertThat(property(result, AntomRouteHeaders.RESULT_CODE)).isEqualTo("SUCCESS");
        assertThat(property(result, AntomRouteHeaders.AMOUNT_VALUE)).isEqualTo("1234");

        PaymentRecord row = h.ledger.find("SO-1001").orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(row.resultPublishedAt()).isNotNull();
        assertThat(row.callCount()).isEqualTo(1);
        assertThat(row.expiresAt()).isNotNull();
        assertThat(h.sim.chargeCount("SO-1001")).isEqualTo(1);
        assertThat(h.sim.payment("SO-1001").orElseThrow().toString()).contains("1234");
        assertThat(h.broker.count(ORDERS)).isZero();
    }

    @Test
    void failedOrderGivesFailedResultWithAntomsCode() throws Exception {
        started();
        TextMessage result = h.resultOf(order("SO-1002", "10.51"));
        JsonNode body = json(result);
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("resultCode").asText()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(property(result, AntomRouteHeaders.RESULT_CODE)).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(h.ledger.find("SO-1002").orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(h.sim.chargeCount("SO-1002")).isZero();
    }

    @Test
    void unknownOutcomeStaysProcessingWithoutResultUntilTheNotification() throws Exception {
        started();
        h.sendOrder(order("SO-1003", "10.63"));   // U PAYMENT_IN_PROCESS, never resolves by itself

        PaymentRecord row = h.awaitStatus("SO-1003", PaymentStatus.PROCESSING);
        assertThat(row.resultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        assertThat(h.drain(RESULTS, 500)).isEmpty();
        assertThat(h.broker.count(ORDERS)).isZero();

        h.sim.completePayment("SO-1003", true);   // the buyer pays; Antom notifies
        TextMessage result = h.takeOne(RESULTS);
        assertThat(json(result).get("status").asText()).isEqualTo("PAID");
        assertThat(h.ledger.find("SO-1003").orElseThrow().resultPublishedAt()).isNotNull();
        assertThat(h.sim.chargeCount("SO-1003")).isEqualTo(1);

        // the simulator resends nothing more once acknowledged; a late duplicate notification changes nothing
        assertThat(h.drain(RESULTS, 500)).isEmpty();
    }

    @Test
    void processingPaymentsResolvedByAntomGiveOneResultEach() throws Exception {
        started();
        h.sendOrder(order("SO-1004", "10.61"));   // U, then SUCCESS and a notification
        h.sendOrder(order("SO-1005", "10.62"));   // U, then FAIL and a notification

        List<TextMessage> results = h.take(RESULTS, 2);
        assertThat(results).hasSize(2);
        assertThat(results).extracting(m -> property(m, AntomRouteHeaders.ORDER_ID) + "="
                + property(m, AntomRouteHeaders.PAYMENT_STATUS))
                .containsExactlyInAnyOrder("SO-1004=PAID", "SO-1005=FAILED");
        assertThat(h.sim.chargeCount("SO-1004")).isEqualTo(1);
        assertThat(h.sim.chargeCount("SO-1005")).isZero();
    }

    @Test
    void reSentFinalOrderGetsItsRecordedResultAgainWithoutCallingAntom() throws Exception {
        started();
        h.resultOf(order("SO-1006", "20.00"));
        int calls = h.ledger.find("SO-1006").orElseThrow().callCount();

        TextMessage again = h.resultOf(order("SO-1006", "20.00"));
        assertThat(json(again).get("status").asText()).isEqualTo("PAID");
        assertThat(h.ledger.find("SO-1006").orElseThrow().callCount()).isEqualTo(calls);
        assertThat(h.sim.chargeCount("SO-1006")).isEqualTo(1);
        assertThat(h.sim.payments()).hasSize(1);
    }

    @Test
    void newAttemptAfterFailureUsesANewRecordedPaymentRequestId() throws Exception {
        started();
        // F RISK_REJECT
        assertThat(json(h.resultOf(order("SO-1007", "10.52"))).get("status").asText()).isEqualTo("FAILED");

        // re-sent as attempt 1: the recorded failure again, no new payment
        assertThat(json(h.resultOf(order("SO-1007", "10.52"))).get("status").asText()).isEqualTo("FAILED");

        // attempt 2 (the buyer's balance was topped up, the ERP asks again, with another amount)
        String second = order("SO-1007", "10.00").replace("{\"orderId\"", "{\"attempt\":2,\"orderId\"");
        TextMessage result = h.resultOf(second);
        JsonNode body = json(result);
        assertThat(body.get("paymentRequestId").asText()).isEqualTo("SO-1007--2");
        assertThat(body.get("attempt").asInt()).isEqualTo(2);
        assertThat(body.get("status").asText()).isEqualTo("PAID");
        assertThat(h.sim.chargeCount("SO-1007--2")).isEqualTo(1);

        // attempt 2 re-sent: idempotent, no third attempt
        h.resultOf(second);
        assertThat(h.ledger.findAttempts("SO-1007").payments()).hasSize(2);
    }

    @Test
    void redeliveredThreeTimesChargesOnceAndPublishesOneResult() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_REDELIVERIES, "0");
        java.util.concurrent.atomic.AtomicInteger deliveries = new java.util.concurrent.atomic.AtomicInteger();
        h.startApp(context -> AdviceWith.adviceWith(context, "order-bridge", a -> a.weaveAddLast().process(e -> {
            // the application dies after the result was sent, before the JMS transaction commits
            Integer delivery = e.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
            deliveries.incrementAndGet();
            if (delivery < 3) {
                throw new IllegalStateException("simulated crash in delivery " + delivery);
            }
        })));
        h.sendOrder(order("SO-1008", "30.00"));

        List<TextMessage> results = h.take(RESULTS, 1);
        assertThat(deliveries.get()).as("deliveries of the order message").isEqualTo(3);
        assertThat(results).hasSize(1);
        assertThat(json(results.get(0)).get("status").asText()).isEqualTo("PAID");
        assertThat(h.sim.chargeCount("SO-1008")).isEqualTo(1);
        PaymentRecord row = h.ledger.find("SO-1008").orElseThrow();
        assertThat(row.callCount()).isEqualTo(1);
        assertThat(h.broker.count(ORDERS)).isZero();
        assertThat(h.broker.count(DLQ)).isZero();
    }

    /**
     * Crashes can cut off deliveries before the bridge's error handler sees them fail, so the broker's delivery count
     * climbs towards its own limit (which would dead-letter the message and leave the payment PENDING). An order whose
     * open payment a cut-off delivery registered, delivered again past {@code maximumDeliveries}, is parked for
     * reconciliation without an Antom call; a new order at the same delivery count is paid as usual.
     */
    @Test
    void anOpenPaymentDeliveredPastMaximumDeliveriesIsParkedForReconciliationWithoutAnAntomCall() throws Exception {
        h = new OrderBridgeHarness(dir);
        // as a bridge killed after registering leaves it: PENDING, its pay call counted, maybe sent
        String cutOff = h.ledger.registerAndRecordCall(new NewPayment("SO-CUT", 4200, "USD", null, null, null))
                .payment().paymentRequestId();
        for (String orderId : List.of("SO-CUT", "SO-NEW")) {
            h.sendText(ORDERS, order(orderId, orderId.equals("SO-CUT") ? "42.00" : "43.00"), Map.of("test", orderId));
            // five deliveries that end without the bridge's error handler (rolled back here, as a crash would)
            try (jakarta.jms.JMSContext jms = h.broker.connectionFactory().createContext(
                    jakarta.jms.JMSContext.SESSION_TRANSACTED); jakarta.jms.JMSConsumer consumer = jms.createConsumer(
                            jms.createQueue(ORDERS), "test = '" + orderId + "'")) {
                for (int delivery = 1; delivery <= 5; delivery++) {
                    jakarta.jms.Message m = consumer.receive(5000);
                    assertThat(m).as("delivery %d of %s", delivery, orderId).isNotNull();
                    assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
                    jms.rollback();
                }
            }
        }
        h.startApp();

        List<TextMessage> results = h.take(RESULTS, 1);
        assertThat(json(results.get(0)).get("orderId").asText()).isEqualTo("SO-NEW");
        assertThat(json(results.get(0)).get("status").asText()).isEqualTo("PAID");
        PaymentRecord parked = h.awaitStatus(cutOff, PaymentStatus.UNKNOWN);
        assertThat(parked.resultCode()).isEqualTo("TRANSIENT_ERROR");
        assertThat(parked.callCount()).as("no further call counted").isEqualTo(1);
        assertThat(h.sim.payment(cutOff)).as("no Antom call").isEmpty();
        assertThat(h.drain(RESULTS, 500)).as("no result until reconciliation settles it").isEmpty();
        assertThat(h.broker.count(ORDERS)).isZero();
        assertThat(h.broker.count(DLQ)).isZero();
    }

    @Test
    void anOrderThatKeepsFailingBeforeItIsRegisteredIsRolledBackThenDeadLetteredAfterMaximumDeliveries()
            throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_REDELIVERIES, "0");
        h.parameters.put(OrderBridgeRouteTemplate.MAXIMUM_DELIVERIES, "2");
        java.util.concurrent.atomic.AtomicInteger deliveries = new java.util.concurrent.atomic.AtomicInteger();
        h.startApp(context -> AdviceWith.adviceWith(context, "order-bridge", a -> a.weaveAddFirst().process(e -> {
            deliveries.incrementAndGet();
            throw new IllegalStateException("simulated outage");
        })));
        String body = order("SO-1020", "12.34");
        h.sendOrder(body);

        // no payment registered, so nothing to park: rolled back, delivered again, then given up on
        assertThat(h.takeDeadLetter(body))
                .isEqualTo("not processed after 2 deliveries: IllegalStateException: simulated outage");
        assertThat(deliveries.get()).as("deliveries of the order message").isEqualTo(2);
        assertThat(h.ledger.find("SO-1020")).isEmpty();
        assertThat(h.drain(RESULTS, 300)).isEmpty();
        assertThat(h.broker.count(ORDERS)).isZero();
    }

    @Test
    void everyBadOrderGoesToTheDeadLetterQueueWithItsReasonAndItsOriginalBody() throws Exception {
        started();
        for (BadOrders.BadOrder bad : BadOrders.ALL) {
            h.sendOrder(bad.body());
        }
        List<TextMessage> dead = h.take(DLQ, BadOrders.ALL.size());
        assertThat(dead).hasSize(BadOrders.ALL.size());
        Map<String, String> reasonByBody = new java.util.HashMap<>();
        dead.forEach(m -> reasonByBody.put(text(m), property(m, AntomRouteHeaders.DEAD_LETTER_REASON)));
        for (BadOrders.BadOrder bad : BadOrders.ALL) {
            assertThat(reasonByBody).as(bad.name()).containsEntry(bad.body(), bad.reason());
        }
        assertThat(h.drain(RESULTS, 300)).isEmpty();
        assertThat(h.broker.count(ORDERS)).isZero();
        assertThat(h.sim.payments()).isEmpty();
    }

    @Test
    void orderIdWithOtherMoneyGoesToTheDeadLetterQueue() throws Exception {
        started();
        h.sendOrder(order("SO-1009", "40.00"));
        assertThat(h.take(RESULTS, 1)).hasSize(1);

        String other = order("SO-1009", "41.00");
        h.sendOrder(other);
        assertThat(h.takeDeadLetter(other))
                .isEqualTo("orderId: order SO-1009 is already registered as payment SO-1009 with amount 4000 USD "
                        + "(minor units), this message has 4100 USD; one paymentRequestId cannot carry other money "
                        + "(Antom would answer REPEAT_REQ_INCONSISTENT)");
        assertThat(h.drain(RESULTS, 300)).isEmpty();
        assertThat(h.sim.payments()).hasSize(1);
    }

    @Test
    void outboxRepairPublishesAnOwedResultOnce() throws Exception {
        h = new OrderBridgeHarness(dir);
        h.parameters.put(OrderBridgeRouteTemplate.OUTBOX_QUIET_PERIOD, "PT0.3S");
        h.parameters.put(OrderBridgeRouteTemplate.OUTBOX_REPAIR_PERIOD, "200");
        // a payment settled by a node that crashed before publishing its result
        h.ledger.register(new NewPayment("SO-1010", 5_00, "EUR", "crashed", Instant.now().plusSeconds(3600), null));
        h.ledger.transition("SO-1010", PaymentStatus.PENDING, PaymentStatus.PAID,
                TransitionDetails.result("SUCCESS", "success.").withPaymentId("PAY-1010"));
        h.startApp();

        TextMessage result = h.takeOne(RESULTS);
        JsonNode body = json(result);
        assertThat(body.get("orderId").asText()).isEqualTo("SO-1010");
        assertThat(body.get("paymentId").asText()).isEqualTo("PAY-1010");
        assertThat(body.get("amount").asText()).isEqualTo("5.00");
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(h.ledger.find("SO-1010").orElseThrow().resultPublishedAt()).isNotNull();
        Thread.sleep(800);   // several more repair runs
        assertThat(h.drain(RESULTS, 300)).isEmpty();
    }

    @Test
    void aSecondInstanceAddedToARunningContextGetsItsOwnCompanionRoutes() throws Exception {
        started();
        TestApplications.addRoute(h.app, OrderBridgeRouteTemplate.TEMPLATE_ID, "second-orders", Map.of(
                OrderBridgeRouteTemplate.NAME, "second",
                OrderBridgeRouteTemplate.ORDERS_QUEUE, "second.orders",
                OrderBridgeRouteTemplate.RESULTS_QUEUE, "second.results",
                OrderBridgeRouteTemplate.NOTIFICATIONS_QUEUE, "second.notifications"));
        assertThat(h.app.getRoute("second-notifications")).isNotNull();
        assertThat(h.app.getRoute("second-outbox")).isNotNull();

        h.sendText("second.orders", order("SO-2001", "7.00"), Map.of());
        TextMessage result = h.takeOne("second.results");
        assertThat(json(result).get("status").asText()).isEqualTo("PAID");
        assertThat(h.drain(RESULTS, 300)).isEmpty();
    }

    @Test
    void aCustomOrderMapperTurnsAnotherFormatIntoTheCanonicalOrder() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.ORDER_MAPPER, "csvOrderMapper");
        h.startApp(context -> {
        }, context -> context.getRegistry().bind("csvOrderMapper", (org.apache.camel.Processor) e -> {
            // "ORDER-ID;AMOUNT;CURRENCY;BUYER-CODE", as in routes/README.md
            String[] f = e.getMessage().getBody(String.class).strip().split(";");
            e.getMessage().setBody(Map.of("orderId", f[0], "amount", f[1], "currency", f[2],
                    "paymentMethod", Map.of("type", "CONNECT_WALLET", "code", f[3])));
        }));
        h.sendOrder("CSV-1;12.00;EUR;2810");
        h.sendOrder("CSV-2;broken");

        TextMessage result = h.takeOne(RESULTS);
        assertThat(json(result).get("orderId").asText()).isEqualTo("CSV-1");
        assertThat(json(result).get("currency").asText()).isEqualTo("EUR");
        assertThat(h.takeDeadLetter("CSV-2;broken"))
                .startsWith("the order mapper refused the message: ArrayIndexOutOfBoundsException");
    }

    @Test
    void notificationForAnUnknownPaymentIsKeptForTheGracePeriodThenDeadLettered() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications().keepingUnknownMessages("PT3S", "PT0.5S");
        h.startApp();
        String notification = "{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"NOT-OURS\","
                + "\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"}}";
        h.sendText(OrderBridgeHarness.NOTIFICATIONS, notification, Map.of("_AMQ_DUPL_ID", "PAYMENT_RESULT|NOT-OURS"));
        // tried again meanwhile, not dead-lettered before the grace period
        assertThat(h.take(DLQ, 1, Duration.ofMillis(1500))).isEmpty();
        assertThat(h.takeDeadLetter(notification))
                .startsWith("paymentRequestId: no payment NOT-OURS in the ledger PT3S after the message first arrived");
        assertThat(h.take(RESULTS, 1, Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void notificationThatArrivesBeforeItsPaymentIsRegisteredSettlesItOnceRegistered() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.UNKNOWN_PAYMENT_RETRY_DELAY, "PT0.5S");
        h.startApp();
        String notification = "{\"notifyType\":\"PAYMENT_RESULT\",\"paymentRequestId\":\"EARLY-1\","
                + "\"paymentId\":\"2026000000000001\",\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\"}}";
        // as the notification bridge publishes it: with Artemis' duplicate id, which the kept copy must not carry
        h.sendText(OrderBridgeHarness.NOTIFICATIONS, notification, Map.of("_AMQ_DUPL_ID", "PAYMENT_RESULT|EARLY-1"));
        Thread.sleep(1200);
        // another node registers the payment and is still waiting for Antom's answer
        h.ledger.register(new NewPayment("EARLY-1", 1000, "USD", "early", null, null));
        h.ledger.transition("EARLY-1", PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                TransitionDetails.result("PAYMENT_IN_PROCESS", "in process"));

        TextMessage result = h.takeOne(RESULTS);
        assertThat(json(result).get("orderId").asText()).isEqualTo("EARLY-1");
        assertThat(json(result).get("status").asText()).isEqualTo("PAID");
        assertThat(h.ledger.find("EARLY-1").orElseThrow().paymentId()).isEqualTo("2026000000000001");
        assertThat(h.take(DLQ, 1, Duration.ofMillis(500))).isEmpty();
    }
}
