package io.camelantom.simulator;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The v1 JSON conventions: every scalar is a JSON string, amounts are {@code {"currency","value"}} in minor units,
 * times are ISO-8601 with offset to the second. Reading helpers throw {@link ParamIllegalException} naming the field.
 */
final class AmsJson {

    /** ISO-8601 with a numeric offset ({@code +00:00}, never {@code Z}), to the second, as Antom writes times. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ObjectMapper mapper;
    private final ZoneId zone;

    AmsJson(ObjectMapper mapper, ZoneId zone) {
        this.mapper = mapper;
        this.zone = zone;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ObjectNode result(String status, String code, String message) {
        ObjectNode result = object();
        result.put("resultCode", code);
        result.put("resultStatus", status);
        result.put("resultMessage", message);
        return result;
    }

    /** The result of a successful call: S, SUCCESS. */
    ObjectNode success() {
        return result("S", "SUCCESS", "success.");
    }

    /** A body holding only {@code result}. */
    ObjectNode resultBody(String status, String code, String message) {
        ObjectNode body = object();
        body.set("result", result(status, code, message));
        return body;
    }

    ObjectNode amount(String currency, String value) {
        ObjectNode amount = object();
        amount.put("currency", currency);
        amount.put("value", value);
        return amount;
    }

    ObjectNode amount(Amount amount) {
        return amount(amount.currency(), amount.value());
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    // ------------------------------------------------------------ reading requests

    /** An optional string field; a non-string scalar is illegal (v1 sends every scalar as a JSON string). */
    static String optionalString(JsonNode parent, String name, String path) {
        JsonNode node = optional(parent, name, path, JsonNode::isTextual, "a JSON string");
        if (node == null) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    static String requiredString(JsonNode parent, String name, String path, int maxLength) {
        String value = optionalString(parent, name, path);
        if (value == null) {
            throw new ParamIllegalException("the required field " + path + " is missing");
        }
        if (value.length() > maxLength) {
            throw new ParamIllegalException("the field " + path + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static JsonNode optionalObject(JsonNode parent, String name, String path) {
        return optional(parent, name, path, JsonNode::isObject, "a JSON object");
    }

    /** The field's node, null when it is absent or JSON null; one of another JSON type is illegal. */
    private static JsonNode optional(JsonNode parent, String name, String path, Predicate<JsonNode> isType, String type) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!isType.test(node)) {
            throw new ParamIllegalException("the field " + path + " must be " + type);
        }
        return node;
    }

    static JsonNode requiredObject(JsonNode parent, String name, String path) {
        JsonNode node = optionalObject(parent, name, path);
        if (node == null) {
            throw new ParamIllegalException("the required field " + path + " is missing");
        }
        return node;
    }

    /** A required Amount: currency a known ISO 4217 code, value a non-negative integer string (minor units). */
    static Amount requiredAmount(JsonNode parent, String name) {
        JsonNode node = requiredObject(parent, name, name);
        return readAmount(node, name);
    }

    static Amount readAmount(JsonNode node, String path) {
        String currency = requiredString(node, "currency", path + ".currency", 3);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new ParamIllegalException("the field " + path + ".currency is not an ISO 4217 currency code: " + currency);
        }
        String value = requiredString(node, "value", path + ".value", 19);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParamIllegalException("the field " + path + ".value must be a non-negative integer in minor units, as a string");
        }
        BigInteger number = new BigInteger(value);
        if (number.bitLength() > 62) {
            throw new ParamIllegalException("the field " + path + ".value is too large");
        }
        return new Amount(currency, number.toString(), number.longValue());
    }

    static Instant optionalTime(JsonNode parent, String name) {
        String text = optionalString(parent, name, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParamIllegalException("the field " + name + " is not an ISO-8601 time with offset (e.g. 2019-11-27T12:01:01+08:00)");
        }
    }

    /** An optional absolute http(s) URL. */
    static String optionalUrl(JsonNode parent, String name) {
        String text = optionalString(parent, name, name);
        if (text == null) {
            return null;
        }
        if (text.length() > 2048) {
            throw new ParamIllegalException("the field " + name + " is longer than 2048 characters");
        }
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new ParamIllegalException("the field " + name + " must be an absolute http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ParamIllegalException("the field " + name + " is not a valid URL");
        }
        return text;
    }

    /** An amount as read from a request; {@code value} is normalised (no leading zeros). */
    record Amount(String currency, String value, long minor) {
    }
}
