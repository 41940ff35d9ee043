package io.camelantom.routes.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The table of bad orders: each body and the exact dead-letter reason the bridge gives it. */
final class BadOrders {

    record BadOrder(String name, String body, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<BadOrder> ALL = List.of(
            new BadOrder("malformed JSON", "{\"orderId\":\"B-1\",\"amount\":",
                    "the message body is not valid JSON (line 1, column 27)"),
            new BadOrder("not an object", "[1,2,3]", "the message body is not a JSON object"),
            new BadOrder("empty body", "", "the message body is not a JSON object"),
            bad("missing orderId", "B-0", o -> o.remove("orderId"), "orderId: is required"),
            bad("orderId not a string", "B-0", o -> o.put("orderId", 42), "orderId: must be a JSON string"),
            bad("missing amount", "B-2", o -> o.remove("amount"), "amount: is required"),
            bad("amount not a number", "B-3", o -> o.put("amount", "ten"),
                    "amount: 'ten' is not a decimal number in major units (e.g. \"12.34\")"),
            bad("negative amount", "B-4", o -> o.put("amount", "-5.00"), "amount: the amount must not be negative (-5.00)"),
            bad("zero amount", "B-5", o -> o.put("amount", 0), "amount: must be greater than zero"),
            bad("JPY with decimals", "B-6", o -> o.put("amount", "5.5").put("currency", "JPY"),
                    "amount: 5.5 JPY cannot be represented: JPY has 0 decimal place(s)"),
            bad("USD with three decimals", "B-7", o -> o.put("amount", new BigDecimal("1.005")),
                    "amount: 1.005 USD cannot be represented: USD has 2 decimal place(s)"),
            bad("unknown currency", "B-8", o -> o.put("currency", "XYZ"),
                    "currency: 'XYZ' is not an ISO 4217 currency code"),
            bad("lower-case currency", "B-9", o -> o.put("currency", "usd"),
                    "currency: 'usd' is not an ISO 4217 currency code (3 upper-case letters)"),
            bad("missing currency", "B-10", o -> o.remove("currency"), "currency: is required"),
            bad("missing payment method", "B-11", o -> o.remove("paymentMethod"), "paymentMethod: is required"),
            bad("payment method without type", "B-12", o -> o.putObject("paymentMethod").put("code", "1"),
                    "paymentMethod.type: is required"),
            bad("PaymentCode without code", "B-13",
                    o -> o.putObject("paymentMethod").put("type", "CONNECT_WALLET").put("scenario", "PaymentCode"),
                    "paymentMethod.code: is required for the PaymentCode scenario"),
            bad("unknown scenario", "B-14",
                    o -> o.putObject("paymentMethod").put("type", "CONNECT_WALLET").put("scenario", "Telepathy"),
                    "paymentMethod.scenario: must be one of PaymentCode, OrderCode, EntryCode"),
            bad("expiry without offset", "B-15", o -> o.put("expiresAt", "2026-03-01T18:00:00"),
                    "expiresAt: '2026-03-01T18:00:00' is not an ISO-8601 time with offset (e.g. 2026-03-01T18:00:00+08:00)"),
            bad("cashier without redirect", "B-16", o -> o.put("productCode", "CASHIER_PAYMENT"),
                    "redirectUrl: is required for CASHIER_PAYMENT"),
            bad("attempt 0", "B-17", o -> o.put("attempt", 0), "attempt: must be a whole number from 1 to 999"),
            bad("attempt 2 of an unknown order", "B-18", o -> o.put("attempt", 2),
                    "attempt: 2 asked for order B-18, which has no attempt yet (send attempt 1 first)"));

    /**
     * A valid order (USD 1.00, a CONNECT_WALLET payment code) with one thing made wrong by {@code change}, so that
     * each row shows only what is wrong.
     */
    private static BadOrder bad(String name, String orderId, Consumer<ObjectNode> change, String reason) {
        ObjectNode order = JsonNodeFactory.instance.objectNode().put("orderId", orderId).put("amount", "1.00")
                .put("currency", "USD");
        order.putObject("paymentMethod").put("type", "CONNECT_WALLET").put("code", "2810");
        change.accept(order);
        return new BadOrder(name, order.toString(), reason);
    }

    private BadOrders() {
    }
}
