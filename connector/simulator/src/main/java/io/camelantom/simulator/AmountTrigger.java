package io.camelantom.simulator;

/**
 * The outcome selected by the last two digits of an amount's minor-unit value, the way card networks' test cards
 * work. The table is documented in the simulator's README; keep both in step.
 */
enum AmountTrigger {
    /** Any value without a trigger: paid at once. */
    NONE(null),
    BALANCE_NOT_ENOUGH("USER_BALANCE_NOT_ENOUGH"),
    RISK_REJECT("RISK_REJECT"),
    AMOUNT_EXCEED_LIMIT("PAYMENT_AMOUNT_EXCEED_LIMIT"),
    USER_STATUS_ABNORMAL("USER_STATUS_ABNORMAL"),
    /** 61: PROCESSING, then SUCCESS after the processing delay. */
    PROCESSING_THEN_SUCCESS(null),
    /** 62: PROCESSING, then FAIL (USER_BALANCE_NOT_ENOUGH) after the processing delay. */
    PROCESSING_THEN_FAIL("USER_BALANCE_NOT_ENOUGH"),
    /** 63: PROCESSING until cancelled or expired. */
    PROCESSING_FOREVER(null),
    /** 71: charged at once, the response comes after the slow-response delay. */
    SLOW_RESPONSE(null),
    /** 72: the first request gets HTTP 500 and nothing is created. */
    HTTP_500_BEFORE(null),
    /** 73: charged, then HTTP 500 is answered (the response is lost). */
    HTTP_500_AFTER(null),
    /** 81: the first request gets U REQUEST_TRAFFIC_EXCEED_LIMIT and nothing is created. */
    TRAFFIC_LIMIT(null),
    /** 91: charged, then U UNKNOWN_EXCEPTION is answered. */
    UNKNOWN_AFTER(null);

    private final String failureCode;

    AmountTrigger(String failureCode) {
        this.failureCode = failureCode;
    }

    /** The payment result code of a trigger that makes the payment fail, else {@code null}. */
    String failureCode() {
        return failureCode;
    }

    boolean failsAtOnce() {
        return switch (this) {
            case BALANCE_NOT_ENOUGH, RISK_REJECT, AMOUNT_EXCEED_LIMIT, USER_STATUS_ABNORMAL -> true;
            default -> false;
        };
    }

    boolean staysProcessing() {
        return this == PROCESSING_THEN_SUCCESS || this == PROCESSING_THEN_FAIL || this == PROCESSING_FOREVER;
    }

    /** Triggers acted on before anything is created, on the first request for an id only. */
    boolean rejectsFirstRequest() {
        return this == HTTP_500_BEFORE || this == TRAFFIC_LIMIT;
    }

    static AmountTrigger of(String minorUnits) {
        String digits = minorUnits.length() >= 2 ? minorUnits.substring(minorUnits.length() - 2) : "0" + minorUnits;
        return switch (digits) {
            case "51" -> BALANCE_NOT_ENOUGH;
            case "52" -> RISK_REJECT;
            case "53" -> AMOUNT_EXCEED_LIMIT;
            case "54" -> USER_STATUS_ABNORMAL;
            case "61" -> PROCESSING_THEN_SUCCESS;
            case "62" -> PROCESSING_THEN_FAIL;
            case "63" -> PROCESSING_FOREVER;
            case "71" -> SLOW_RESPONSE;
            case "72" -> HTTP_500_BEFORE;
            case "73" -> HTTP_500_AFTER;
            case "81" -> TRAFFIC_LIMIT;
            case "91" -> UNKNOWN_AFTER;
            default -> NONE;
        };
    }
}
