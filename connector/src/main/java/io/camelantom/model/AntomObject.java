package io.camelantom.model;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every Antom message part. Antom adds fields often: whatever this version does not model is kept in
 * {@link #getAdditionalProperties()} and written back unchanged, so a request or response passes through untouched.
 */
public abstract class AntomObject {

    private final Map<String, Object> additionalProperties = new TreeMap<>();

    /** Fields this class does not model, in name order. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    public Object getAdditionalProperty(String name) {
        return additionalProperties.get(name);
    }
}
