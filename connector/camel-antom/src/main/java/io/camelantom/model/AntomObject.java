package io.camelantom.model;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every Antom message part. Antom adds fields often: whatever this version does not model is kept in
 * {@link #getAdditionalProperties()} and written back unchanged, so a request or response passes through untouched.
 * <p>
 * Fields that several messages carry together (a payment's ids, its amounts and times, the settlement amounts...) are
 * declared once, as a field group: an interface whose default getters and setters keep their values here (see
 * {@link PaymentIds}). Jackson reads and writes them like the class's own fields, in the same alphabetical order.
 */
public abstract class AntomObject {

    private final Map<String, Object> additionalProperties = new TreeMap<>();
    // values of the field groups this message implements; most parts (Amount, Result...) have none
    private Map<String, Object> groupFields;

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

    /** A field group's value; the group interfaces have no fields of their own. */
    @SuppressWarnings("unchecked")
    static <T> T groupField(Object message, String name) {
        Map<String, Object> fields = ((AntomObject) message).groupFields;
        return fields == null ? null : (T) fields.get(name);
    }

    static void setGroupField(Object message, String name, Object value) {
        AntomObject object = (AntomObject) message;
        if (object.groupFields == null) {
            object.groupFields = new HashMap<>();
        }
        object.groupFields.put(name, value);
    }
}
