package io.camelantom.examples.standalone;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelantom.examples.standalone.SampleOrders.Scenario;

/**
 * What the ERP side of the demo sees: the orders it sent and the result messages that came back on the results queue
 * (one per order: PAID, FAILED or CANCELLED), and the refund results of the refunds it asked for (REFUNDED or
 * REFUND_FAILED). Thread-safe; prints progress lines and the summary table.
 */
final class ResultBoard {

    /** One result as the ERP received it. */
    record Result(String status, String resultCode, boolean reconciled) {
    }

    /** One refund result as the ERP received it; {@code amount} in major units ("12.50"). */
    record RefundResult(String refundId, String status, String amount) {

        long refundedMinor() {
            return "REFUNDED".equals(status) ? new java.math.BigDecimal(amount).movePointRight(2).longValueExact() : 0;
        }
    }

    /**
     * The counts at one moment; {@code pending}: orders without their result, or (partly refunded ones) without their
     * refund result; {@code refunded}: refund results REFUNDED.
     */
    record Counts(int sent, int paid, int failed, int cancelled, int refunded, int pending, int reconciled,
            int deadLetters, int duplicates) {

        int settled() {
            return paid + failed + cancelled;
        }
    }

    private final PrintStream out;
    private final Map<String, Scenario> sent = new ConcurrentHashMap<>();
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger deadLetters = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    ResultBoard(PrintStream out) {
        this.out = out;
    }

    void sent(String orderId, Scenario scenario) {
        sent.put(orderId, scenario);
    }

    /** A result message; results of orders this run did not send (an earlier run's) are ignored. */
    void result(String orderId, String status, String resultCode, boolean reconciled) {
        if (!sent.containsKey(orderId)) {
            return;
        }
        if (results.putIfAbsent(orderId, new Result(status, resultCode, reconciled)) != null) {
            // the outbox may republish a result after a crash: the ERP de-duplicates on the order id
            duplicates.incrementAndGet();
        }
    }

    /** A refund result; those of orders this run did not send are ignored. */
    void refundResult(String orderId, String refundId, String status, String amount) {
        if (!sent.containsKey(orderId)) {
            return;
        }
        if (refunds.putIfAbsent(orderId, new RefundResult(refundId, status, amount)) != null) {
            duplicates.incrementAndGet(); // de-duplicated on the refund id, as the ERP would
        }
    }

    /** The scenario of an order this run sent, or null. */
    Scenario scenarioOf(String orderId) {
        return sent.get(orderId);
    }

    void deadLetter(String orderId, String reason) {
        deadLetters.incrementAndGet();
        println("  dead letter: order " + orderId + ": " + reason);
    }

    Counts counts() {
        int paid = 0;
        int failed = 0;
        int cancelled = 0;
        int reconciled = 0;
        for (Result r : results.values()) {
            switch (r.status()) {
                case "PAID" -> paid++;
                case "FAILED" -> failed++;
                case "CANCELLED" -> cancelled++;
                default -> {
                }
            }
            if (r.reconciled()) {
                reconciled++;
            }
        }
        int pending = 0;
        int refunded = 0;
        for (Map.Entry<String, Scenario> e : sent.entrySet()) {
            Result r = results.get(e.getKey());
            RefundResult refund = refunds.get(e.getKey());
            // a paid order the ERP refunds is done once its refund result is in too
            if (r == null || e.getValue().refund() != null && "PAID".equals(r.status()) && refund == null) {
                pending++;
            }
            if (refund != null && "REFUNDED".equals(refund.status())) {
                refunded++;
            }
        }
        return new Counts(sent.size(), paid, failed, cancelled, refunded, pending, reconciled, deadLetters.get(),
                duplicates.get());
    }

    Map<String, Result> results() {
        return Map.copyOf(results);
    }

    Map<String, Scenario> sentOrders() {
        return Map.copyOf(sent);
    }

    /**
     * Orders whose money at Antom does not match what the ERP was told: a PAID order charged other than once, any other
     * order charged at all, or an amount refunded other than its REFUNDED refund results say (nothing without one).
     * The payment request id is the order id for the demo's orders (routes/README.md, paymentRequestId rule).
     */
    int chargeMismatches(java.util.function.ToIntFunction<String> chargeCount,
            java.util.function.ToLongFunction<String> refundedAmount) {
        int mismatches = 0;
        for (Map.Entry<String, Result> e : results.entrySet()) {
            int charged = chargeCount.applyAsInt(e.getKey());
            RefundResult refund = refunds.get(e.getKey());
            long refunded = refund == null ? 0 : refund.refundedMinor();
            if (("PAID".equals(e.getValue().status()) ? charged != 1 : charged != 0)
                    || refundedAmount.applyAsLong(e.getKey()) != refunded) {
                mismatches++;
            }
        }
        return mismatches;
    }

    /** Orders whose result is not the one the simulator's trigger leads to ("orderId: scenario -> status"). */
    java.util.List<String> unexpectedOutcomes() {
        java.util.List<String> unexpected = new java.util.ArrayList<>();
        results.forEach((orderId, r) -> {
            Scenario scenario = sent.get(orderId);
            if (!java.util.Arrays.asList(scenario.expected.split("\\|")).contains(r.status())) {
                unexpected.add(orderId + ": " + scenario.title + " -> " + r.status() + " " + r.resultCode());
            }
        });
        return unexpected;
    }

    static String progressLine(Counts c, Duration elapsed) {
        return String.format("  [%5.1fs] sent %d | paid %d | failed %d | cancelled %d | refunded %d | pending %d | "
                + "reconciled %d", elapsed.toMillis() / 1000.0, c.sent(), c.paid(), c.failed(), c.cancelled(),
                c.refunded(), c.pending(), c.reconciled());
    }

    /** The summary table: per scenario, then the totals. */
    String summary(Duration elapsed) {
        Map<Scenario, long[]> rows = new EnumMap<>(Scenario.class);
        long[] refundedTotal = new long[1];
        sent.forEach((orderId, scenario) -> {
            long[] row = rows.computeIfAbsent(scenario, s -> new long[6]);
            row[0]++;
            RefundResult refund = refunds.get(orderId);
            if (refund != null) {
                row[5] += refund.refundedMinor();
                refundedTotal[0] += refund.refundedMinor();
            }
            Result r = results.get(orderId);
            String status = r == null ? "PENDING" : r.status();
            switch (status) {
                case "PAID" -> row[1]++;
                case "FAILED" -> row[2]++;
                case "CANCELLED" -> row[3]++;
                default -> row[4]++;
            }
        });
        String format = "  %-48s %6s %6s %6s %9s %8s %7s%n";
        StringBuilder b = new StringBuilder();
        Counts c = counts();
        b.append(String.format("%nSummary: %d orders in %.1f s%n", c.sent(), elapsed.toMillis() / 1000.0));
        b.append(String.format(format, "scenario", "orders", "paid", "failed", "cancelled", "refunded", "pending"));
        b.append(String.format(format, "-".repeat(48), "------", "------", "------", "---------", "--------",
                "-------"));
        rows.forEach((scenario, row) -> b.append(String.format(format, scenario.title, row[0], row[1], row[2], row[3],
                money(row[5]), row[4])));
        b.append(String.format(format, "-".repeat(48), "------", "------", "------", "---------", "--------",
                "-------"));
        b.append(String.format(format, "total", c.sent(), c.paid(), c.failed(), c.cancelled(), money(refundedTotal[0]),
                c.pending()));
        b.append(String.format("  settled after a reconciliation check: %d, dead letters: %d, duplicate results: %d%n",
                c.reconciled(), c.deadLetters(), c.duplicates()));
        return b.toString();
    }

    /** Minor units of USD as the table shows them: "12.50", "-" for none. */
    private static String money(long minor) {
        return minor == 0 ? "-" : java.math.BigDecimal.valueOf(minor, 2).toPlainString();
    }

    synchronized void println(String line) {
        out.println(line);
        out.flush();
    }
}
