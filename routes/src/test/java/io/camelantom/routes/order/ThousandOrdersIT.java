package io.camelantom.routes.order;

import static io.camelantom.routes.order.OrderBridgeHarness.DLQ;
import static io.camelantom.routes.order.OrderBridgeHarness.ORDERS;
import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.jms.TextMessage;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issue 5's acceptance run: 1,000 orders of mixed outcomes in, 1,000 final results out, nothing charged twice. */
class ThousandOrdersIT {

    private static final Logger LOG = LoggerFactory.getLogger(ThousandOrdersIT.class);

    @TempDir
    Path dir;

    @Test
    void thousandMixedOrdersGiveThousandFinalResults() throws Exception {
        MixedOrders orders = new MixedOrders("K", 1000);
        try (OrderBridgeHarness h = new OrderBridgeHarness(dir).withNotifications()) {
            // a throughput run: resends after 20/50 ms instead of the defaults' 1/5 s (PayResendIT runs the defaults)
            h.parameters.put(OrderBridgeRouteTemplate.PAY_RESEND_DELAY, "PT0.02S");
            h.parameters.put(OrderBridgeRouteTemplate.PAY_RESEND_TRAFFIC_LIMIT_DELAY, "PT0.05S");
            h.startApp();
            long start = System.nanoTime();
            h.sendOrders(orders.bodies);
            List<TextMessage> results = h.take(RESULTS, 1000, Duration.ofMinutes(3));
            long millis = (System.nanoTime() - start) / 1_000_000;

            Map<String, List<String>> statusesByOrder = results.stream().collect(Collectors.groupingBy(
                    m -> property(m, AntomRouteHeaders.ORDER_ID),
                    Collectors.mapping(m -> property(m, AntomRouteHeaders.PAYMENT_STATUS), Collectors.toList())));
            Map<String, Long> counts = new TreeMap<>(results.stream().collect(Collectors.groupingBy(
                    m -> property(m, AntomRouteHeaders.PAYMENT_STATUS), Collectors.counting())));
            LOG.info("1,000-order run: {} results for {} orders in {} ms: {}; ledger {}", results.size(),
                    statusesByOrder.size(), millis, counts, h.ledger.countByStatus());

            assertThat(results).hasSize(1000);
            assertThat(statusesByOrder).hasSize(1000);
            orders.expected.forEach((orderId, status) -> {
                assertThat(statusesByOrder.get(orderId)).as(orderId).containsExactly(status.name());
                assertThat(h.sim.chargeCount(orderId)).as("charges of " + orderId)
                        .isEqualTo(status == PaymentStatus.PAID ? 1 : 0);
            });
            assertThat(h.ledger.countByStatus()).containsOnlyKeys("PAID", "FAILED");
            assertThat(h.broker.count(ORDERS)).isZero();
            assertThat(h.broker.count(DLQ)).isZero();
        }
    }
}
