package io.camelantom.model;

/**
 * Field group: a payment as Antom reports it in {@code pay}, {@code inquiryPayment} and {@code notifyPayment}: its ids, amounts and times.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface PaymentDetails extends PaymentIds {

    default Amount getPaymentAmount() {
        return AntomObject.groupField(this, "paymentAmount");
    }

    default void setPaymentAmount(Amount paymentAmount) {
        AntomObject.setGroupField(this, "paymentAmount", paymentAmount);
    }

    default Amount getActualPaymentAmount() {
        return AntomObject.groupField(this, "actualPaymentAmount");
    }

    default void setActualPaymentAmount(Amount actualPaymentAmount) {
        AntomObject.setGroupField(this, "actualPaymentAmount", actualPaymentAmount);
    }

    default String getPaymentCreateTime() {
        return AntomObject.groupField(this, "paymentCreateTime");
    }

    default void setPaymentCreateTime(String paymentCreateTime) {
        AntomObject.setGroupField(this, "paymentCreateTime", paymentCreateTime);
    }

    default String getPaymentTime() {
        return AntomObject.groupField(this, "paymentTime");
    }

    default void setPaymentTime(String paymentTime) {
        AntomObject.setGroupField(this, "paymentTime", paymentTime);
    }
}
