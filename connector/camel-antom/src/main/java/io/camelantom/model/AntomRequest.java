package io.camelantom.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Base of the modelled Antom requests. */
public abstract class AntomRequest extends AntomObject {

    /**
     * Refuses a request Antom would reject or that could not be retried safely, before anything is sent. Messages name
     * the field.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public void validate() {
        // most requests have nothing to check beyond what Antom checks
    }

    /**
     * The id Antom uses to recognise a repeated request ({@code paymentRequestId}, {@code refundRequestId},
     * {@code captureRequestId}), or {@code null} for read-only requests.
     */
    @JsonIgnore
    public String getIdempotencyKey() {
        return null;
    }

    protected static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (value.length() > 64 && field.endsWith("Id")) {
            throw new IllegalArgumentException(field + ": at most 64 characters (got " + value.length() + ")");
        }
    }

    /** A required amount, itself valid (see {@link Amount#validate(String)}). */
    protected static void requireAmount(Amount amount, String field) {
        if (amount == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        amount.validate(field);
    }

    protected static void requireOneOf(String first, String firstField, String second, String secondField) {
        if ((first == null || first.isBlank()) && (second == null || second.isBlank())) {
            throw new IllegalArgumentException(firstField + " or " + secondField + ": one of them is required");
        }
    }
}
