package io.camelantom.routes.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelantom.routes.ledger.PaymentStatus;

/**
 * A batch of orders of mixed outcomes, chosen by the simulator's amount triggers, and the final status each must end
 * with: S at once, F (four codes), U resolved by a notification to PAID or FAILED, slow answers, HTTP 500 before and
 * after charging, rate limiting and U after charging (the order bridge resends the identical request).
 */
public final class MixedOrders {

    /** Cents suffix → final status. */
    public static final Map<String, PaymentStatus> TRIGGERS = Map.ofEntries(
            Map.entry("00", PaymentStatus.PAID), Map.entry("10", PaymentStatus.PAID), Map.entry("20", PaymentStatus.PAID),
            Map.entry("51", PaymentStatus.FAILED), Map.entry("52", PaymentStatus.FAILED),
            Map.entry("53", PaymentStatus.FAILED), Map.entry("54", PaymentStatus.FAILED),
            Map.entry("61", PaymentStatus.PAID), Map.entry("62", PaymentStatus.FAILED),
            Map.entry("72", PaymentStatus.PAID), Map.entry("73", PaymentStatus.PAID),
            Map.entry("81", PaymentStatus.PAID), Map.entry("91", PaymentStatus.PAID));
    private static final List<String> CYCLE = List.of("00", "10", "20", "51", "52", "53", "54", "61", "62", "72", "73",
            "81", "91", "00", "61", "10");

    public final List<String> bodies = new ArrayList<>();
    public final Map<String, PaymentStatus> expected = new HashMap<>();

    public MixedOrders(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String suffix = CYCLE.get(i % CYCLE.size());
            String orderId = prefix + "-" + i;
            bodies.add(OrderBridgeHarness.order(orderId, (10 + i % 50) + "." + suffix));
            expected.put(orderId, TRIGGERS.get(suffix));
        }
    }
}
