package io.camelantom.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the connector.
 * <p>
 * Serialisation is canonical, as Antom's SDK does it: properties in alphabetical order at every level (modelled and
 * unknown fields together), {@code null}s omitted, no whitespace, non-ASCII characters written as UTF-8. The same
 * request therefore always gives the same bytes, which is what makes a retry byte-identical.
 * <p>
 * The mapper is immutable once built and thread-safe; it holds no per-merchant configuration.
 */
public final class AntomJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // keep every digit of a number a caller sent in a Map or String body
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private AntomJson() {
    }

    /** The shared, immutable mapper (read-only use). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Canonical bytes of a message: a POJO, a {@code Map}, a {@link JsonNode} or a JSON text. Unknown fields are kept;
     * everything is sorted by name at every level.
     *
     * @throws IllegalArgumentException when a JSON text cannot be parsed or is not an object
     */
    public static byte[] canonicalBytes(Object message) {
        Object tree = toGenericTree(message);
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the Antom message as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The message as nested {@code Map}s and {@code List}s (what canonical serialisation sorts). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object message) {
        Object tree = toGenericTree(message);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("An Antom message must be a JSON object, not " + describe(tree));
        }
        return (Map<String, Object>) map;
    }

    private static Object toGenericTree(Object message) {
        if (message == null) {
            throw new IllegalArgumentException("The Antom message is missing (null body)");
        }
        if (message instanceof String text) {
            return parseObject(text);
        }
        if (message instanceof byte[] bytes) {
            try {
                return requireObject(MAPPER.readValue(bytes, Object.class));
            } catch (IOException e) {
                throw new IllegalArgumentException("The body is not valid JSON: " + shortMessage(e), e);
            }
        }
        return requireObject(MAPPER.convertValue(message, Object.class));
    }

    private static Object parseObject(String text) {
        try {
            return requireObject(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + shortMessage(e), e);
        }
    }

    private static Object requireObject(Object tree) {
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException("An Antom message must be a JSON object, not " + describe(tree));
        }
        return tree;
    }

    /** Reads a message into a type (unknown fields are kept in the type's additional properties). */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + " from JSON: " + shortMessage(e), e);
        }
    }

    /** Converts a message (POJO, Map, JSON text or bytes) into a type. */
    public static <T> T convert(Object message, Class<T> type) {
        if (type.isInstance(message)) {
            return type.cast(message);
        }
        if (message instanceof String text) {
            try {
                return MAPPER.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + " from JSON: " + shortMessage(e), e);
            }
        }
        if (message instanceof byte[] bytes) {
            return read(bytes, type);
        }
        return MAPPER.convertValue(message, type);
    }

    /** Parses raw JSON into a tree. */
    public static JsonNode readTree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortMessage(IOException e) {
        // Jackson's own message may quote the input; the original message alone says what is wrong
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getClass().getSimpleName();
    }

    private static String describe(Object tree) {
        return tree == null ? "null" : tree instanceof java.util.List ? "a JSON array" : "a JSON " + tree.getClass().getSimpleName();
    }
}
