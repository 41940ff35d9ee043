package io.camelantom.component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.camelantom.model.Amount;
import io.camelantom.model.AntomRequest;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.PayRequest;
import io.camelantom.model.RefundRequest;

/**
 * The v2 in-store bodies, mapped from the v1 models (protocol notes §5.7). Answers need no mapping: v2 answers read
 * into the v1 response types (an Integer amount value becomes its string, unmodelled fields stay in the additional
 * properties).
 * <ul>
 * <li>pay: {@code paymentRequestId}; {@code paymentAmount} with an Integer {@code value} (minor units, 0 to
 * 2147483647); {@code paymentMethod} = the v1 {@code paymentMethod.paymentMethodType}; {@code originalMerchantOrderId}
 * = {@code order.referenceOrderId}; {@code originalMerchantStoreId} = {@code order.merchant.store.referenceStoreId};
 * {@code extendInfo} (required in v2) = the request's {@code extendInfo}, else {@code "{}"}; {@code paymentNotifyUrl}
 * and {@code paymentExpiryTime} are carried over when set (not in the v2 field list: UNCONFIRMED).</li>
 * <li>inquiryPayment: {@code paymentRequestId} (and {@code paymentId} when set), {@code extendInfo}.</li>
 * <li>refund: {@code refundRequestId}, {@code paymentId}, {@code refundAmount} (Integer value; omitted = full refund),
 * {@code memo} = {@code refundReason}, {@code originalMerchantRefundId} = {@code referenceRefundId},
 * {@code extendInfo}.</li>
 * </ul>
 * Fields in a request's additional properties are added as they are, so any v2 field not listed here can be sent.
 */
final class V2Requests {

    /** The operations v2 documents. */
    static final Set<AntomOperation> OPERATIONS = Set.of(AntomOperation.pay, AntomOperation.inquiryPayment,
            AntomOperation.refund);
    private static final String EMPTY_EXTEND_INFO = "{}";

    private V2Requests() {
    }

    static Map<String, Object> toV2(AntomRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request instanceof PayRequest pay) {
            body.put("paymentRequestId", pay.getPaymentRequestId());
            body.put("paymentAmount", amount(pay.getPaymentAmount(), "paymentAmount"));
            if (pay.getPaymentMethod() == null || pay.getPaymentMethod().getPaymentMethodType() == null) {
                throw new IllegalArgumentException("paymentMethod.paymentMethodType: is required (v2 sends it as paymentMethod)");
            }
            body.put("paymentMethod", pay.getPaymentMethod().getPaymentMethodType());
            if (pay.getOrder() != null) {
                body.put("originalMerchantOrderId", pay.getOrder().getReferenceOrderId());
                if (pay.getOrder().getMerchant() != null && pay.getOrder().getMerchant().getStore() != null) {
                    body.put("originalMerchantStoreId", pay.getOrder().getMerchant().getStore().getReferenceStoreId());
                }
            }
            body.put("paymentNotifyUrl", pay.getPaymentNotifyUrl());
            body.put("paymentExpiryTime", pay.getPaymentExpiryTime());
            body.put("extendInfo", pay.getExtendInfo() != null ? pay.getExtendInfo() : EMPTY_EXTEND_INFO);
        } else if (request instanceof InquiryPaymentRequest inquiry) {
            body.put("paymentRequestId", inquiry.getPaymentRequestId());
            body.put("paymentId", inquiry.getPaymentId());
            body.put("extendInfo", EMPTY_EXTEND_INFO);
        } else if (request instanceof RefundRequest refund) {
            body.put("refundRequestId", refund.getRefundRequestId());
            body.put("paymentId", refund.getPaymentId());
            if (refund.getRefundAmount() != null) {
                body.put("refundAmount", amount(refund.getRefundAmount(), "refundAmount"));
            }
            body.put("memo", refund.getRefundReason());
            body.put("originalMerchantRefundId", refund.getReferenceRefundId());
            body.put("extendInfo", refund.getExtendInfo() != null ? refund.getExtendInfo() : EMPTY_EXTEND_INFO);
        } else {
            throw new IllegalArgumentException("v2 has no mapping for " + request.getClass().getSimpleName());
        }
        request.getAdditionalProperties().forEach(body::putIfAbsent);
        body.values().removeIf(v -> v == null);
        return body;
    }

    /** v2's Amount: the same currency, the value as a JSON integer in minor units. */
    private static Map<String, Object> amount(Amount amount, String field) {
        if (amount == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        amount.validate(field);
        long value;
        try {
            value = Long.parseLong(amount.getValue());
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ".value: v2 takes at most 2147483647 minor units (got "
                                               + amount.getValue() + ")");
        }
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("currency", amount.getCurrency());
        v2.put("value", (int) value);
        return v2;
    }
}
