package io.camelantom.routes.order;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelantom.model.Amount;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentRequestIds;

/**
 * Reads and checks the canonical ERP order (JSON text, bytes, a {@code Map}, a Jackson tree or a {@link CanonicalOrder})
 * and writes it back in its one stored form. Every refusal is an {@link RejectedMessageException} whose message names
 * the field and says what is wrong, without quoting personal data (buyer references, codes).
 */
public final class CanonicalOrderReader {

    static final Set<String> PRODUCT_CODES = Set.of("IN_STORE_PAYMENT", "AGREEMENT_PAYMENT", "CASHIER_PAYMENT");
    static final Set<String> SCENARIOS = Set.of("PaymentCode", "OrderCode", "EntryCode");
    private static final int MAX_TEXT = 256;
    private static final int MAX_URL = 2048;

    private CanonicalOrderReader() {
    }

    /** Reads an order from a message body. */
    public static CanonicalOrder read(Object body) {
        if (body instanceof CanonicalOrder order) {
            return check(order);
        }
        return fromTree(tree(body));
    }

    static JsonNode tree(Object body) {
        if (body == null) {
            throw new RejectedMessageException("the message body is empty: expected a JSON order");
        }
        try {
            JsonNode node;
            if (body instanceof JsonNode n) {
                node = n;
            } else if (body instanceof String text) {
                node = AntomJson.mapper().readTree(text);
            } else if (body instanceof byte[] bytes) {
                node = AntomJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            } else if (body instanceof Map<?, ?> map) {
                node = AntomJson.mapper().valueToTree(map);
            } else {
                throw new RejectedMessageException("the message body is a " + body.getClass().getName()
                        + ": expected a JSON order (text, bytes or a Map)");
            }
            if (node == null || node.isMissingNode() || !node.isObject()) {
                throw new RejectedMessageException("the message body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's location says where; its own message would quote the input
            throw new RejectedMessageException("the message body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException | IllegalArgumentException e) {
            throw new RejectedMessageException("the message body cannot be read as JSON: " + e.getClass().getSimpleName());
        }
    }

    private static CanonicalOrder fromTree(JsonNode o) {
        String orderId = requiredText(o, "orderId", NewPayment.MAX_ORDER_ID_LENGTH);
        BigDecimal amount = amount(o);
        String currency = currency(o);
        JsonNode methodNode = o.get("paymentMethod");
        if (methodNode == null || methodNode.isNull()) {
            throw new RejectedMessageException("paymentMethod: is required");
        }
        if (!methodNode.isObject()) {
            throw new RejectedMessageException("paymentMethod: must be an object {type, code, scenario}");
        }
        CanonicalOrder.Method method = new CanonicalOrder.Method(
                requiredText(methodNode, "paymentMethod.type", "type", 64),
                optionalText(methodNode, "paymentMethod.code", "code", 128),
                optionalText(methodNode, "paymentMethod.scenario", "scenario", 32));
        int attempt = 1;
        JsonNode attemptNode = o.get("attempt");
        if (attemptNode != null && !attemptNode.isNull()) {
            if (!attemptNode.canConvertToExactIntegral() || !attemptNode.canConvertToInt()) {
                throw new RejectedMessageException("attempt: must be a whole number from 1 to "
                        + PaymentRequestIds.MAX_ATTEMPT);
            }
            attempt = attemptNode.intValue();
        }
        return check(new CanonicalOrder(orderId, amount, currency,
                optionalText(o, "description", MAX_TEXT), optionalText(o, "buyerId", 64),
                optionalText(o, "merchantId", 64), optionalText(o, "storeId", 64), optionalText(o, "storeName", MAX_TEXT),
                optionalText(o, "terminalId", 64), optionalText(o, "productCode", 32), method, expiry(o),
                optionalText(o, "notifyUrl", MAX_URL), optionalText(o, "redirectUrl", MAX_URL),
                attempt));
    }

    /** The rules that do not depend on the JSON form (also applied to an order a custom mapper built). */
    static CanonicalOrder check(CanonicalOrder order) {
        if (order.orderId() == null || order.orderId().isBlank()) {
            throw new RejectedMessageException("orderId: is required");
        }
        if (order.orderId().length() > NewPayment.MAX_ORDER_ID_LENGTH) {
            throw new RejectedMessageException("orderId: longer than " + NewPayment.MAX_ORDER_ID_LENGTH + " characters");
        }
        if (order.currency() == null) {
            throw new RejectedMessageException("currency: is required");
        }
        minorUnits(order.amount(), order.currency());
        if (order.paymentMethod() == null || order.paymentMethod().type() == null
                || order.paymentMethod().type().isBlank()) {
            throw new RejectedMessageException("paymentMethod.type: is required");
        }
        String scenario = order.paymentMethod().scenario();
        if (scenario != null && !SCENARIOS.contains(scenario)) {
            throw new RejectedMessageException("paymentMethod.scenario: must be one of PaymentCode, OrderCode, EntryCode");
        }
        if ("PaymentCode".equals(scenario) && order.paymentMethod().code() == null) {
            throw new RejectedMessageException("paymentMethod.code: is required for the PaymentCode scenario");
        }
        if (order.productCode() != null && !PRODUCT_CODES.contains(order.productCode())) {
            throw new RejectedMessageException("productCode: must be one of IN_STORE_PAYMENT, AGREEMENT_PAYMENT, "
                    + "CASHIER_PAYMENT");
        }
        if ("CASHIER_PAYMENT".equals(order.productCode()) && order.redirectUrl() == null) {
            throw new RejectedMessageException("redirectUrl: is required for CASHIER_PAYMENT");
        }
        if (order.attempt() < 1 || order.attempt() > PaymentRequestIds.MAX_ATTEMPT) {
            throw new RejectedMessageException("attempt: must be a whole number from 1 to " + PaymentRequestIds.MAX_ATTEMPT);
        }
        checkUrl("notifyUrl", order.notifyUrl());
        checkUrl("redirectUrl", order.redirectUrl());
        return order;
    }

    /**
     * The order's amount in minor units ({@link Amount#of}): refuses a missing, zero or negative amount, a value the
     * currency cannot represent (JPY 5.5) and an unknown currency.
     */
    public static long minorUnits(BigDecimal amount, String currency) {
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException("currency: '" + currency + "' is not an ISO 4217 currency code");
        }
        if (amount == null) {
            throw new RejectedMessageException("amount: is required");
        }
        if (amount.signum() == 0) {
            throw new RejectedMessageException("amount: must be greater than zero");
        }
        Amount minor;
        try {
            minor = Amount.of("amount", amount, currency);
        } catch (IllegalArgumentException e) {
            throw new RejectedMessageException(e.getMessage());
        }
        BigInteger value = new BigInteger(minor.getValue());
        if (value.bitLength() > 62) {
            throw new RejectedMessageException("amount: " + amount.toPlainString() + " " + currency + " is too large");
        }
        return value.longValueExact();
    }

    static BigDecimal amount(JsonNode o) {
        JsonNode node = o.get("amount");
        if (node == null || node.isNull()) {
            throw new RejectedMessageException("amount: is required");
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
                throw new RejectedMessageException("amount: '" + cut(node.asText()) + "' is not a decimal number in major "
                        + "units (e.g. \"12.34\")");
            }
            return new BigDecimal(text);
        }
        throw new RejectedMessageException("amount: must be a decimal number in major units (e.g. \"12.34\" or 12.34)");
    }

    static String currency(JsonNode o) {
        String currency = requiredText(o, "currency", 16);
        if (!currency.matches("[A-Z]{3}")) {
            throw new RejectedMessageException("currency: '" + cut(currency) + "' is not an ISO 4217 currency code "
                    + "(3 upper-case letters)");
        }
        return currency;
    }

    private static OffsetDateTime expiry(JsonNode o) {
        String text = optionalText(o, "expiresAt", 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new RejectedMessageException("expiresAt: '" + cut(text) + "' is not an ISO-8601 time with offset "
                    + "(e.g. 2026-03-01T18:00:00+08:00)");
        }
    }

    private static void checkUrl(String field, String url) {
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new RejectedMessageException(field + ": must be an absolute http(s) URL");
        }
    }

    static String requiredText(JsonNode o, String field, int max) {
        return requiredText(o, field, field, max);
    }

    private static String requiredText(JsonNode o, String field, String name, int max) {
        String text = optionalText(o, field, name, max);
        if (text == null) {
            throw new RejectedMessageException(field + ": is required");
        }
        return text;
    }

    static String optionalText(JsonNode o, String field, int max) {
        return optionalText(o, field, field, max);
    }

    private static String optionalText(JsonNode o, String field, String name, int max) {
        JsonNode node = o.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new RejectedMessageException(field + ": must be a JSON string");
        }
        String text = node.asText();
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            throw new RejectedMessageException(field + ": longer than " + max + " characters");
        }
        return text;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** The order's one stored form (the ledger's ORDER_JSON): fields in a fixed order, absent ones left out. */
    public static String toJson(CanonicalOrder order) {
        ObjectNode o = AntomJson.mapper().createObjectNode();
        o.put("orderId", order.orderId());
        o.put("amount", order.amount().toPlainString());
        o.put("currency", order.currency());
        put(o, "description", order.description());
        put(o, "buyerId", order.buyerId());
        put(o, "merchantId", order.merchantId());
        put(o, "storeId", order.storeId());
        put(o, "storeName", order.storeName());
        put(o, "terminalId", order.terminalId());
        put(o, "productCode", order.productCode());
        ObjectNode m = o.putObject("paymentMethod");
        put(m, "type", order.paymentMethod().type());
        put(m, "code", order.paymentMethod().code());
        put(m, "scenario", order.paymentMethod().scenario());
        if (order.expiresAt() != null) {
            o.put("expiresAt", order.expiresAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        put(o, "notifyUrl", order.notifyUrl());
        put(o, "redirectUrl", order.redirectUrl());
        if (order.attempt() != 1) {
            o.put("attempt", order.attempt());
        }
        try {
            return AntomJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an order", e);
        }
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
