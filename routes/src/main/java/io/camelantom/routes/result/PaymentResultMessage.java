package io.camelantom.routes.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;

/**
 * The result message of one order's final outcome, as published to the results queue: a JSON body and the same facts
 * as JMS headers ({@link AntomRouteHeaders}). Built from the ledger row, the single source of truth, so every route that
 * publishes a result (order bridge, notification settlement, outbox repair, reconciliation) publishes the same shape.
 *
 * <pre>{@code
 * {"orderId":"SO-2026-000123","paymentRequestId":"SO-2026-000123","attempt":1,"paymentId":"20260301...",
 *  "status":"PAID","resultCode":"SUCCESS","resultMessage":"success.","amount":"12.34","currency":"USD",
 *  "time":"2026-03-01T10:15:30.123456Z"}
 * }</pre>
 *
 * @param orderId          the ERP order id
 * @param paymentRequestId Antom's paymentRequestId of the attempt
 * @param attempt          the attempt number (1, then 2.. after a new attempt following FAILED/CANCELLED)
 * @param paymentId        Antom's paymentId, null when Antom never gave one (e.g. some failures)
 * @param status           PAID, FAILED or CANCELLED (published as {@link #publishedStatus()})
 * @param resultCode       the result code recorded (Antom's), may be null
 * @param resultMessage    the result message recorded, may be null
 * @param amountMinor      the amount in minor units
 * @param currency         ISO 4217 code
 * @param time             when this message was made
 */
public record PaymentResultMessage(String orderId, String paymentRequestId, int attempt, String paymentId,
        PaymentStatus status, String resultCode, String resultMessage, long amountMinor, String currency,
        Instant time) implements ResultMessage {

    /**
     * The published status of a payment that reconciliation found paid after its closing time, once Antom had refused
     * to cancel it ({@value #CANCEL_WINDOW_EXCEED}): the ledger says PAID, the ERP is told to refund it.
     */
    public static final String REFUND_REQUIRED = "REFUND_REQUIRED";
    /** Antom's result code of a cancel outside the cancel window; recorded on a PAID row, it makes it REFUND_REQUIRED. */
    public static final String CANCEL_WINDOW_EXCEED = "CANCEL_WINDOW_EXCEED";
    /**
     * The result code (ours, not Antom's) of a FAILED payment that Antom never received before its closing time:
     * reconciliation found {@code ORDER_NOT_EXIST} past the closing time and a cancel confirmed it; nothing was charged.
     */
    public static final String EXPIRED_NOT_RECEIVED = "EXPIRED_NOT_RECEIVED";

    public PaymentResultMessage {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentRequestId, "paymentRequestId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(time, "time");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a result message is only published for a final status, not " + status);
        }
    }

    /** The result of a final ledger row. */
    public static PaymentResultMessage of(PaymentRecord row, Instant time) {
        return new PaymentResultMessage(row.orderId(), row.paymentRequestId(), row.attempt(), row.paymentId(),
                row.status(), row.resultCode(), row.resultMessage(), row.amountMinor(), row.currency(), time);
    }

    /**
     * The status as published (JSON {@code status}, header {@code CamelAntomOrderPaymentStatus}): the ledger status,
     * except {@value #REFUND_REQUIRED} for a PAID payment recorded with {@value #CANCEL_WINDOW_EXCEED} (reconciliation).
     * Derived from the row, so a republication says the same.
     */
    public String publishedStatus() {
        return publishedStatus(status, resultCode);
    }

    /** The status a row with this status and result code is published (or reported) as. */
    public static String publishedStatus(PaymentStatus status, String resultCode) {
        return status == PaymentStatus.PAID && CANCEL_WINDOW_EXCEED.equals(resultCode) ? REFUND_REQUIRED : status.name();
    }

    /** The amount in major units as a plain decimal string ("12.34", "500" for JPY 500). */
    public String amount() {
        return majorUnits(amountMinor, currency);
    }

    /** An amount in minor units as a plain decimal string in major units ("12.34", "500" for JPY 500). */
    public static String majorUnits(long amountMinor, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return BigDecimal.valueOf(amountMinor).movePointLeft(Math.max(digits, 0)).toPlainString();
    }

    @Override
    public String subject() {
        return "payment " + paymentRequestId;
    }

    /** The JSON body (UTF-8 text, fields in a fixed order, absent values omitted). */
    @Override
    public String toJson() {
        ObjectNode node = AntomJson.mapper().createObjectNode();
        node.put("orderId", orderId);
        node.put("paymentRequestId", paymentRequestId);
        node.put("attempt", attempt);
        putIfPresent(node, "paymentId", paymentId);
        return withOutcome(node, publishedStatus(), resultCode, resultMessage, amount(), currency, time);
    }

    /** The JMS headers of the message ({@link AntomRouteHeaders}); absent values are left out. */
    @Override
    public Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(AntomRouteHeaders.ORDER_ID, orderId);
        headers.put(AntomRouteHeaders.PAYMENT_REQUEST_ID, paymentRequestId);
        if (paymentId != null) {
            headers.put(AntomRouteHeaders.PAYMENT_ID, paymentId);
        }
        headers.put(AntomRouteHeaders.PAYMENT_STATUS, publishedStatus());
        if (resultCode != null) {
            headers.put(AntomRouteHeaders.RESULT_CODE, resultCode);
        }
        if (resultMessage != null) {
            headers.put(AntomRouteHeaders.RESULT_MESSAGE, resultMessage);
        }
        headers.put(AntomRouteHeaders.AMOUNT_VALUE, Long.toString(amountMinor));
        headers.put(AntomRouteHeaders.CURRENCY, currency);
        return headers;
    }

    /**
     * Adds the fields every result message (payment, refund) ends with, in this order: status, Antom's result code and
     * message when present, amount, currency and time; returns the JSON text.
     */
    static String withOutcome(ObjectNode node, String status, String resultCode, String resultMessage, String amount,
            String currency, Instant time) {
        node.put("status", status);
        putIfPresent(node, "resultCode", resultCode);
        putIfPresent(node, "resultMessage", resultMessage);
        node.put("amount", amount);
        node.put("currency", currency);
        node.put("time", time.toString());
        try {
            return AntomJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a result message", e);
        }
    }

    static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
