package io.camelantom.routes.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.simulator.SimulatedPayment;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The order bridge paying through Antom v2 (RSA_AES-encrypted), as its antomEndpoint says. */
class OrderBridgeV2IT extends OrderBridgeTestSupport {

    @Test
    void ordersArePaidThroughV2WithEncryptionAndSettleOnce() throws Exception {
        // the simulator refuses any v2 request that is not encrypted
        h = new OrderBridgeHarness(dir, simulator -> simulator.requireEncryption(true)).withNotifications();
        h.parameters.put(OrderBridgeRouteTemplate.ANTOM_ENDPOINT, "antom:pay?apiVersion=v2&encryption=true");
        h.startApp();
        h.sendOrder(order("SO-V2-PAID", "12.34"));
        h.sendOrder(order("SO-V2-DECLINED", "12.51"));
        h.sendOrder(order("SO-V2-LATER", "12.61"));

        List<TextMessage> results = h.take(RESULTS, 3);
        Map<String, String> statusByOrder = results.stream().map(OrderBridgeHarness::json).collect(Collectors.toMap(
                j -> j.get("orderId").asText(), j -> j.get("status").asText()));
        assertThat(statusByOrder).containsExactlyInAnyOrderEntriesOf(
                Map.of("SO-V2-PAID", "PAID", "SO-V2-DECLINED", "FAILED", "SO-V2-LATER", "PAID"));
        assertThat(h.ledger.find("SO-V2-DECLINED").orElseThrow().resultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(h.ledger.find("SO-V2-PAID").orElseThrow().paymentId()).isNotBlank();
        assertThat(h.take(RESULTS, 0, Duration.ofMillis(300))).isEmpty();

        // canonical fields went into v2's fields; money was taken once per paid order
        SimulatedPayment paid = h.sim.payment("SO-V2-PAID").orElseThrow();
        assertThat(paid.referenceOrderId()).isEqualTo("SO-V2-PAID");
        assertThat(paid.referenceStoreId()).isEqualTo("S-1");
        assertThat(paid.amountValue()).isEqualTo("1234");
        assertThat(h.sim.chargeCount("SO-V2-PAID")).isEqualTo(1);
        assertThat(h.sim.chargeCount("SO-V2-LATER")).isEqualTo(1);
        assertThat(h.sim.chargeCount("SO-V2-DECLINED")).isZero();
        assertThat(h.ledger.find("SO-V2-LATER").orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    }
}
