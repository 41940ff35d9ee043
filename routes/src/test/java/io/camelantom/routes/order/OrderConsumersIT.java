package io.camelantom.routes.order;

import static io.camelantom.routes.order.OrderBridgeHarness.ORDERS;
import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.json;
import static io.camelantom.routes.order.OrderBridgeHarness.order;
import static io.camelantom.routes.order.OrderBridgeHarness.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.TextMessage;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.testsupport.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * The orders queue grows from {@code concurrentConsumers} to {@code maxConcurrentConsumers} while orders wait on
 * Antom's latency, so a burst is not paid at concurrentConsumers / latency; a maximum below the minimum means none.
 */
class OrderConsumersIT extends OrderBridgeTestSupport {

    private static DefaultMessageListenerContainer ordersListener(CamelContext app) throws Exception {
        return (DefaultMessageListenerContainer) ((JmsConsumer) app.getRoute("order-bridge").getConsumer())
                .getListenerContainer();
    }

    @Test
    void aBurstOfOrdersGrowsTheConsumersAndEachOrderIsPaidOnce() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.CONCURRENT_CONSUMERS, "2");
        h.parameters.put(OrderBridgeRouteTemplate.MAX_CONCURRENT_CONSUMERS, "16");
        h.sim.faults().latency(Duration.ofMillis(400)); // each consumer waits on Antom's answer
        CamelContext app = h.startApp();
        DefaultMessageListenerContainer listener = ordersListener(app);
        assertThat(listener.getConcurrentConsumers()).isEqualTo(2);
        assertThat(listener.getMaxConcurrentConsumers()).isEqualTo(16);

        int orders = 80;
        AtomicInteger mostConsumers = new AtomicInteger();
        for (int i = 0; i < orders; i++) {
            h.sendOrder(order("SO-BURST-" + i, "12.34"));
        }
        Await.until("more consumers than concurrentConsumers", Duration.ofSeconds(30), () -> {
            mostConsumers.accumulateAndGet(listener.getActiveConsumerCount(), Math::max);
            return mostConsumers.get() > 2;
        });

        List<TextMessage> results = h.take(RESULTS, orders);
        Set<String> paid = new HashSet<>();
        for (TextMessage result : results) {
            assertThat(json(result).get("status").asText()).isEqualTo("PAID");
            assertThat(paid.add(property(result, AntomRouteHeaders.ORDER_ID)))
                    .as("one result per order").isTrue();
        }
        assertThat(paid).hasSize(orders);
        for (int i = 0; i < orders; i++) {
            assertThat(h.sim.chargeCount("SO-BURST-" + i)).as("SO-BURST-" + i).isEqualTo(1);
        }
        assertThat(h.drain(RESULTS, 500)).as("no further result").isEmpty();
        assertThat(h.broker.count(ORDERS)).isZero();
        assertThat(mostConsumers.get()).isBetween(3, 16);
    }

    @Test
    void aMaximumBelowConcurrentConsumersMeansNoGrowth() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.CONCURRENT_CONSUMERS, "6");
        h.parameters.put(OrderBridgeRouteTemplate.MAX_CONCURRENT_CONSUMERS, "2");
        DefaultMessageListenerContainer listener = ordersListener(h.startApp());

        assertThat(listener.getConcurrentConsumers()).isEqualTo(6);
        assertThat(listener.getMaxConcurrentConsumers()).isEqualTo(6);
        h.sendOrder(order("SO-FIXED-1", "12.34"));
        assertThat(h.take(RESULTS, 1)).hasSize(1);
    }
}
