package io.camelantom.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Camel type conversion into the model classes ({@code convertBodyTo(PayRequest.class)}, {@code ${bodyAs(...)}},
 * {@code getBody(PayResponse.class)}) from JSON text, bytes, streams, readers, files (a {@code file:} consumer's
 * body), Jackson trees and {@code Map}s.
 * <p>
 * The ObjectMapper is chosen as camel-jackson chooses it for its data format and type converter: the single
 * {@code ObjectMapper} bean of the registry when there is exactly one (the user's, e.g. Spring Boot's), else the
 * connector's own ({@link AntomJson}). Fields the model does not know are kept either way (the model's
 * {@code @JsonAnySetter}). Only the model classes are converted here; what is sent to Antom is always serialised
 * canonically by {@link AntomJson}, whichever mapper read it.
 */
@Converter(generateLoader = true)
public final class AntomModelConverters {

    private AntomModelConverters() {
    }

    @Converter(fallback = true)
    public static Object convertTo(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (value == null || !AntomObject.class.isAssignableFrom(type) || type.isInstance(value)
            || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        ObjectMapper mapper = mapper(exchange == null ? null : exchange.getContext());
        if (value instanceof WrappedFile<?> && exchange != null) {
            // a file consumer's body (file:, ftp:...): read it as Camel reads files
            value = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, value);
            if (value == null) {
                return null;
            }
        }
        try {
            if (value instanceof String text) {
                return mapper.readValue(text, type);
            }
            if (value instanceof byte[] bytes) {
                return mapper.readValue(bytes, type);
            }
            if (value instanceof InputStream in) {
                return mapper.readValue(in, type);
            }
            if (value instanceof Reader reader) {
                return mapper.readValue(reader, type);
            }
            if (value instanceof JsonNode || value instanceof Map || value instanceof AntomObject) {
                return mapper.convertValue(value, type);
            }
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the input (personal data); the original message says what is wrong
            throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + " from JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
        return null;
    }

    /** The single ObjectMapper bean of the registry (camel-jackson's rule), else the connector's. */
    static ObjectMapper mapper(CamelContext context) {
        if (context != null) {
            Set<ObjectMapper> mappers = context.getRegistry().findByType(ObjectMapper.class);
            if (mappers.size() == 1) {
                return mappers.iterator().next();
            }
        }
        return AntomJson.mapper();
    }
}
