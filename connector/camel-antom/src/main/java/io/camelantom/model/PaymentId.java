package io.camelantom.model;

/**
 * Field group: Antom's id of the payment a message is about ({@code paymentId}).
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface PaymentId {

    default String getPaymentId() {
        return AntomObject.groupField(this, "paymentId");
    }

    default void setPaymentId(String paymentId) {
        AntomObject.setGroupField(this, "paymentId", paymentId);
    }
}
