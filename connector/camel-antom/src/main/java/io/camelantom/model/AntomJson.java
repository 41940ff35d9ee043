package io.camelantom.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

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
        if (message instanceof AntomObject) {
            byte[] direct = alreadyCanonical(message);
            if (direct != null) {
                return direct;
            }
        }
        Object tree = toGenericTree(message);
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the Antom message as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A typed message written as it is, when that is already canonical: every object's names strictly ascending (so
     * no unknown field sits out of order and no name is written twice), and no {@code null} or floating-point value,
     * the two things the generic tree could write differently. Saves the round trip through nested {@code Map}s on
     * every request; anything else returns {@code null} and takes that round trip.
     */
    private static byte[] alreadyCanonical(Object message) {
        TokenBuffer tokens = new TokenBuffer(MAPPER, false);
        try {
            MAPPER.writeValue(tokens, message);
            if (!sortedWithoutNullsOrFloats(tokens)) {
                return null;
            }
            ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
            try (JsonGenerator generator = MAPPER.createGenerator(bytes)) {
                tokens.serialize(generator);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            // the general path reports what is wrong
            return null;
        }
    }

    private static boolean sortedWithoutNullsOrFloats(TokenBuffer tokens) throws IOException {
        // one entry per open object: the last name written in it, null before its first
        java.util.List<String> lastNames = new java.util.ArrayList<>();
        try (JsonParser parser = tokens.asParser()) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            lastNames.add(null);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> lastNames.add(null);
                    case END_OBJECT -> lastNames.remove(lastNames.size() - 1);
                    case FIELD_NAME -> {
                        int top = lastNames.size() - 1;
                        String previous = lastNames.get(top);
                        String name = parser.currentName();
                        if (previous != null && name.compareTo(previous) <= 0) {
                            return false;
                        }
                        lastNames.set(top, name);
                    }
                    case VALUE_NULL, VALUE_NUMBER_FLOAT, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> {
                        return false;
                    }
                    default -> {
                    }
                }
            }
        }
        return true;
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

    /**
     * Reads one field of a JSON object as a type without building the rest of the document: the last occurrence wins,
     * as in a tree. The whole text is still read, so malformed JSON anywhere fails as a full parse would.
     *
     * @return the field's value, or {@code null} when the text is not an object or the field is missing or not an object
     */
    public static <T> T readObjectField(byte[] json, String name, Class<T> type) throws IOException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            T found = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean wanted = name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted) {
                    found = value == JsonToken.START_OBJECT ? MAPPER.readValue(parser, type) : null;
                }
                if (!wanted || value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                }
            }
            return found;
        }
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
