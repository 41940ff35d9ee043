package io.camelantom.client;

import java.util.Set;

/**
 * The result codes Antom documents (docs/antom-protocol.md, section 6): the gateway's common codes, the payment
 * outcome codes and the operation-specific ones. Metrics tag a call with its code only when it is one of these, so
 * a misbehaving gateway cannot create a time series per arbitrary text.
 */
public final class AntomResultCodes {

    /** The tag value of a result code that is not documented. */
    public static final String OTHER = "OTHER";
    /** The tag value when there is no (verified) result code: a timeout, an I/O error, an unverified answer. */
    public static final String NONE = "NONE";

    public static final Set<String> DOCUMENTED = Set.of(
            // common
            "SUCCESS", "ACCESS_DENIED", "INVALID_CLIENT", "INVALID_SIGNATURE", "KEY_NOT_FOUND",
            "MEDIA_TYPE_NOT_ACCEPTABLE", "METHOD_NOT_SUPPORTED", "NO_INTERFACE_DEF", "INVALID_API", "MSG_PARSE_ERROR",
            "PARAM_ILLEGAL", "PROCESS_FAIL", "REPEAT_REQ_INCONSISTENT", "CURRENCY_NOT_SUPPORT", "INVALID_CONTRACT",
            "MERCHANT_NOT_REGISTERED", "BUSINESS_NOT_SUPPORT", "REQUEST_TRAFFIC_EXCEED_LIMIT", "UNKNOWN_EXCEPTION",
            "PAYMENT_IN_PROCESS",
            // payment outcomes
            "USER_BALANCE_NOT_ENOUGH", "RISK_REJECT", "USER_AMOUNT_EXCEED_LIMIT", "PAYMENT_AMOUNT_EXCEED_LIMIT",
            "PAYMENT_COUNT_EXCEED_LIMIT", "USER_NOT_EXIST", "USER_STATUS_ABNORMAL", "USER_KYC_NOT_QUALIFIED",
            "USER_PAYMENT_VERIFICATION_FAILED", "UNAVAILABLE_PAYMENT_METHOD", "INVALID_CODE", "EXPIRED_CODE",
            "REGULATION_RESTRICTION", "ORDER_IS_CLOSED",
            // operation-specific
            "ORDER_NOT_EXIST", "CANCEL_WINDOW_EXCEED", "REFUND_AMOUNT_EXCEED", "REFUND_WINDOW_EXCEED",
            "ORDER_STATUS_INVALID", "MULTIPLE_REFUNDS_NOT_SUPPORTED", "REFUND_IN_PROCESS", "REFUND_NOT_EXIST");

    private AntomResultCodes() {
    }

    /** The code itself when documented, {@link #NONE} when absent, else {@link #OTHER}. */
    public static String bounded(String resultCode) {
        if (resultCode == null || resultCode.isBlank()) {
            return NONE;
        }
        return DOCUMENTED.contains(resultCode) ? resultCode : OTHER;
    }
}
