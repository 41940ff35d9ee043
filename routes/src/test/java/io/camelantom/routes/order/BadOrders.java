package io.camelantom.routes.order;

import java.util.List;

/** The table of bad orders: each body and the exact dead-letter reason the bridge gives it. */
final class BadOrders {

    record BadOrder(String name, String body, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String METHOD = "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"2810\"}";

    static final List<BadOrder> ALL = List.of(
            new BadOrder("malformed JSON", "{\"orderId\":\"B-1\",\"amount\":",
                    "the message body is not valid JSON (line 1, column 27)"),
            new BadOrder("not an object", "[1,2,3]", "the message body is not a JSON object"),
            new BadOrder("empty body", "", "the message body is not a JSON object"),
            new BadOrder("missing orderId", "{\"amount\":\"1.00\",\"currency\":\"USD\"," + METHOD + "}",
                    "orderId: is required"),
            new BadOrder("orderId not a string", "{\"orderId\":42,\"amount\":\"1.00\",\"currency\":\"USD\"," + METHOD + "}",
                    "orderId: must be a JSON string"),
            new BadOrder("missing amount", "{\"orderId\":\"B-2\",\"currency\":\"USD\"," + METHOD + "}",
                    "amount: is required"),
            new BadOrder("amount not a number", "{\"orderId\":\"B-3\",\"amount\":\"ten\",\"currency\":\"USD\"," + METHOD + "}",
                    "amount: 'ten' is not a decimal number in major units (e.g. \"12.34\")"),
            new BadOrder("negative amount", "{\"orderId\":\"B-4\",\"amount\":\"-5.00\",\"currency\":\"USD\"," + METHOD + "}",
                    "amount: the amount must not be negative (-5.00)"),
            new BadOrder("zero amount", "{\"orderId\":\"B-5\",\"amount\":0,\"currency\":\"USD\"," + METHOD + "}",
                    "amount: must be greater than zero"),
            new BadOrder("JPY with decimals", "{\"orderId\":\"B-6\",\"amount\":\"5.5\",\"currency\":\"JPY\"," + METHOD + "}",
                    "amount: 5.5 JPY cannot be represented: JPY has 0 decimal place(s)"),
            new BadOrder("USD with three decimals", "{\"orderId\":\"B-7\",\"amount\":1.005,\"currency\":\"USD\"," + METHOD + "}",
                    "amount: 1.005 USD cannot be represented: USD has 2 decimal place(s)"),
            new BadOrder("unknown currency", "{\"orderId\":\"B-8\",\"amount\":\"1.00\",\"currency\":\"XYZ\"," + METHOD + "}",
                    "currency: 'XYZ' is not an ISO 4217 currency code"),
            new BadOrder("lower-case currency", "{\"orderId\":\"B-9\",\"amount\":\"1.00\",\"currency\":\"usd\"," + METHOD + "}",
                    "currency: 'usd' is not an ISO 4217 currency code (3 upper-case letters)"),
            new BadOrder("missing currency", "{\"orderId\":\"B-10\",\"amount\":\"1.00\"," + METHOD + "}",
                    "currency: is required"),
            new BadOrder("missing payment method", "{\"orderId\":\"B-11\",\"amount\":\"1.00\",\"currency\":\"USD\"}",
                    "paymentMethod: is required"),
            new BadOrder("payment method without type",
                    "{\"orderId\":\"B-12\",\"amount\":\"1.00\",\"currency\":\"USD\",\"paymentMethod\":{\"code\":\"1\"}}",
                    "paymentMethod.type: is required"),
            new BadOrder("PaymentCode without code", "{\"orderId\":\"B-13\",\"amount\":\"1.00\",\"currency\":\"USD\","
                    + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"scenario\":\"PaymentCode\"}}",
                    "paymentMethod.code: is required for the PaymentCode scenario"),
            new BadOrder("unknown scenario", "{\"orderId\":\"B-14\",\"amount\":\"1.00\",\"currency\":\"USD\","
                    + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"scenario\":\"Telepathy\"}}",
                    "paymentMethod.scenario: must be one of PaymentCode, OrderCode, EntryCode"),
            new BadOrder("expiry without offset", "{\"orderId\":\"B-15\",\"amount\":\"1.00\",\"currency\":\"USD\","
                    + "\"expiresAt\":\"2026-03-01T18:00:00\"," + METHOD + "}",
                    "expiresAt: '2026-03-01T18:00:00' is not an ISO-8601 time with offset (e.g. 2026-03-01T18:00:00+08:00)"),
            new BadOrder("cashier without redirect", "{\"orderId\":\"B-16\",\"amount\":\"1.00\",\"currency\":\"USD\","
                    + "\"productCode\":\"CASHIER_PAYMENT\"," + METHOD + "}",
                    "redirectUrl: is required for CASHIER_PAYMENT"),
            new BadOrder("attempt 0", "{\"orderId\":\"B-17\",\"attempt\":0,\"amount\":\"1.00\",\"currency\":\"USD\"," + METHOD + "}",
                    "attempt: must be a whole number from 1 to 999"),
            new BadOrder("attempt 2 of an unknown order", "{\"orderId\":\"B-18\",\"attempt\":2,\"amount\":\"1.00\","
                    + "\"currency\":\"USD\"," + METHOD + "}",
                    "attempt: 2 asked for order B-18, which has no attempt yet (send attempt 1 first)"));

    private BadOrders() {
    }
}
