package io.camelantom.examples.standalone;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelantom.model.AntomJson;

/**
 * Sample ERP orders in the canonical order format of the {@code antom-order-bridge} (routes/README.md), with amounts
 * whose last two digits pick the simulator's outcome (connector/simulator/README.md, "Outcome triggers").
 */
final class SampleOrders {

    /** What a sample order shows, and the amount that makes the simulator do it. */
    enum Scenario {
        PAID("paid at once", "12.30", "PAID"),
        DECLINED_BALANCE("declined: balance not enough (51)", "20.51", "FAILED"),
        ORDER_CODE("in-store Order Code, customer scans it", "8.80", "PAID"),
        PROCESSING_THEN_PAID("U, then PAID by notification (61)", "15.61", "PAID"),
        NOTIFICATION_LOST_PAID("notification lost, PAID by reconciliation (61)", "18.61", "PAID"),
        DECLINED_RISK("declined: risk (52)", "30.52", "FAILED"),
        PROCESSING_THEN_FAILED("U, then FAILED by notification (62)", "25.62", "FAILED"),
        RETRIED_AFTER_500("HTTP 500 first, resent, paid once (72)", "40.72", "PAID"),
        // expired by Antom (FAILED ORDER_IS_CLOSED) or cancelled by reconciliation, whichever comes first
        NEVER_COMPLETES("never completes, closed by reconciliation (63)", "35.63", "FAILED|CANCELLED"),
        // the ERP's commands (routes/README.md, "The ERP's commands")
        CANCELLED_BY_ERP("Order Code unpaid, cancelled by the ERP (63)", "22.63", "CANCELLED"),
        PARTLY_REFUNDED("paid, then partly refunded by the ERP", "50.00", "PAID");

        /** What the ERP refunds of a {@link #PARTLY_REFUNDED} order, once it is paid. */
        static final String PARTIAL_REFUND = "12.50";

        final String title;
        final String amount;
        /** The result status(es) the simulator leads to, {@code |}-separated. */
        final String expected;

        Scenario(String title, String amount, String expected) {
            this.title = title;
            this.amount = amount;
            this.expected = expected;
        }

        boolean needsReconciliation() {
            return this == NOTIFICATION_LOST_PAID || this == NEVER_COMPLETES;
        }

        /** The refund (major units) the ERP makes once the order is paid, or null. */
        String refund() {
            return this == PARTLY_REFUNDED ? PARTIAL_REFUND : null;
        }
    }

    /** The repeating mix; the scenarios that only reconciliation settles are left out when it does not run. */
    static List<Scenario> mix(boolean reconciliation) {
        List<Scenario> mix = new ArrayList<>(List.of(Scenario.PAID, Scenario.DECLINED_BALANCE, Scenario.ORDER_CODE,
                Scenario.PROCESSING_THEN_PAID, Scenario.NOTIFICATION_LOST_PAID, Scenario.PAID, Scenario.DECLINED_RISK,
                Scenario.PROCESSING_THEN_FAILED, Scenario.RETRIED_AFTER_500, Scenario.NEVER_COMPLETES,
                Scenario.CANCELLED_BY_ERP, Scenario.PARTLY_REFUNDED));
        if (!reconciliation) {
            mix.replaceAll(s -> s.needsReconciliation() ? Scenario.PAID : s);
        }
        return mix;
    }

    /** One sample order. */
    record SampleOrder(String orderId, Scenario scenario, String json) {
    }

    /** The ERP's cancel command for an order (canonical form). */
    static String cancel(String orderId) {
        return AntomJson.mapper().createObjectNode().put("orderId", orderId).toString();
    }

    /** The ERP's refund command: refund id {@code <orderId>-R1}. */
    static String refund(String orderId, String amount) {
        return AntomJson.mapper().createObjectNode().put("refundId", orderId + "-R1").put("orderId", orderId)
                .put("amount", amount).put("currency", "USD").put("reason", "one item returned").toString();
    }

    /**
     * @param runId          makes this run's order ids unique (the broker and the ledger keep earlier runs')
     * @param lostNotifyUrl  where Antom's notifications for the "notification lost" scenarios go: nobody listens there
     * @param closingTime    how long the "never completes" payments stay open before they expire
     */
    static List<SampleOrder> make(int count, String runId, boolean reconciliation, String lostNotifyUrl,
            Duration closingTime) {
        List<Scenario> mix = mix(reconciliation);
        List<SampleOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Scenario scenario = mix.get(i % mix.size());
            String orderId = String.format("DEMO-%s-%03d", runId, i + 1);
            orders.add(new SampleOrder(orderId, scenario, json(orderId, scenario, i, lostNotifyUrl, closingTime)));
        }
        return orders;
    }

    private static String json(String orderId, Scenario scenario, int index, String lostNotifyUrl, Duration closingTime) {
        ObjectNode o = AntomJson.mapper().createObjectNode();
        o.put("orderId", orderId);
        o.put("amount", scenario.amount);
        o.put("currency", "USD");
        o.put("description", "Demo order " + (index + 1) + ": " + scenario.title);
        o.put("buyerId", String.format("C-%04d", 1 + index % 37));
        o.put("storeId", "S-001");
        o.put("storeName", "Demo store");
        ObjectNode method = o.putObject("paymentMethod");
        method.put("type", "CONNECT_WALLET");
        if (scenario == Scenario.ORDER_CODE || scenario == Scenario.CANCELLED_BY_ERP) {
            // the merchant shows a code, the customer scans it with the wallet
            method.put("scenario", "OrderCode");
        } else {
            // the customer shows the wallet's payment code, the cashier scans it
            method.put("code", String.format("2810120200%08d", index + 1));
            method.put("scenario", "PaymentCode");
        }
        if (scenario.needsReconciliation()) {
            o.put("notifyUrl", lostNotifyUrl);
        }
        if (scenario == Scenario.NEVER_COMPLETES) {
            o.put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plus(closingTime).withNano(0)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        try {
            return AntomJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
