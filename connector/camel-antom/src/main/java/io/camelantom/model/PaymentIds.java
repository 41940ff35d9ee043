package io.camelantom.model;

/**
 * Field group: the two ids of a payment: the merchant's {@code paymentRequestId} and Antom's {@code paymentId}.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface PaymentIds extends PaymentId {

    default String getPaymentRequestId() {
        return AntomObject.groupField(this, "paymentRequestId");
    }

    default void setPaymentRequestId(String paymentRequestId) {
        AntomObject.setGroupField(this, "paymentRequestId", paymentRequestId);
    }
}
