package io.camelantom.model;

/**
 * Field group: a refund as Antom reports it in {@code refund}, {@code inquiryRefund} and {@code notifyRefund}: its ids, the payment, the amount and time.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface RefundDetails extends RefundIds, PaymentId {

    default Amount getRefundAmount() {
        return AntomObject.groupField(this, "refundAmount");
    }

    default void setRefundAmount(Amount refundAmount) {
        AntomObject.setGroupField(this, "refundAmount", refundAmount);
    }

    default String getRefundTime() {
        return AntomObject.groupField(this, "refundTime");
    }

    default void setRefundTime(String refundTime) {
        AntomObject.setGroupField(this, "refundTime", refundTime);
    }
}
