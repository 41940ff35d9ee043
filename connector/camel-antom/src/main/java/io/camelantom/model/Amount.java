package io.camelantom.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Money as Antom sends it: an ISO 4217 currency and a string holding a non-negative integer in the currency's minor
 * unit ({@code {"currency":"USD","value":"599"}} is USD 5.99; {@code {"currency":"JPY","value":"599"}} is JPY 599).
 * <p>
 * Build amounts from a major-unit decimal with {@link #of(String, BigDecimal, String)}: a value the currency cannot
 * represent (JPY 5.5, USD 1.005), a negative value or an unknown currency is refused, with a message naming the field,
 * before anything is sent.
 */
public class Amount extends AntomObject {

    private static final Pattern MINOR_UNITS = Pattern.compile("0|[1-9][0-9]*");

    private String currency;
    private String value;

    public Amount() {
    }

    public Amount(String currency, String value) {
        this.currency = currency;
        this.value = value;
    }

    /** An amount given in the currency's major unit, e.g. {@code of(new BigDecimal("5.99"), "USD")}. */
    public static Amount of(BigDecimal majorUnits, String currency) {
        return of("amount", majorUnits, currency);
    }

    /** Same as {@link #of(BigDecimal, String)}; {@code field} names the field in error messages. */
    public static Amount of(String field, BigDecimal majorUnits, String currency) {
        Currency iso = currency(field, currency);
        if (majorUnits == null) {
            throw new IllegalArgumentException(field + ": the amount is missing");
        }
        if (majorUnits.signum() < 0) {
            throw new IllegalArgumentException(field + ": the amount must not be negative (" + majorUnits.toPlainString() + ")");
        }
        int digits = iso.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(field + ": currency " + currency + " has no minor unit Antom can use");
        }
        BigDecimal minor = majorUnits.movePointRight(digits);
        try {
            minor = minor.setScale(0, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + ": " + majorUnits.toPlainString() + " " + iso.getCurrencyCode()
                                               + " cannot be represented: " + iso.getCurrencyCode() + " has " + digits
                                               + " decimal place(s)");
        }
        return new Amount(iso.getCurrencyCode(), minor.toBigIntegerExact().toString());
    }

    /** An amount already in minor units, e.g. {@code ofMinorUnits(599, "USD")} is USD 5.99. */
    public static Amount ofMinorUnits(long minorUnits, String currency) {
        Amount amount = new Amount(currency, Long.toString(minorUnits));
        amount.validate("amount");
        return amount;
    }

    /**
     * Checks the amount as Antom will: a known ISO 4217 currency and a non-negative integer string.
     *
     * @param field the field path used in the error message, e.g. {@code paymentAmount}
     */
    public void validate(String field) {
        currency(field, currency);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ".value: the amount value is missing");
        }
        if (!MINOR_UNITS.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ".value: '" + value
                                               + "' is not a non-negative whole number of minor units (USD 5.99 is \"599\")");
        }
    }

    /** The amount in the currency's major unit (USD "599" gives 5.99). */
    @JsonIgnore
    public BigDecimal toMajorUnits() {
        validate("amount");
        return new BigDecimal(value).movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static Currency currency(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(field + ".currency: the currency is missing");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ".currency: '" + code + "' is not an ISO 4217 currency code");
        }
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount other && Objects.equals(currency, other.currency) && Objects.equals(value, other.value)
               && getAdditionalProperties().equals(other.getAdditionalProperties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, value);
    }

    @Override
    public String toString() {
        return currency + " " + value + " (minor units)";
    }
}
