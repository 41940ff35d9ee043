package io.camelantom.model;

/**
 * Field group: the two ids of a refund: the merchant's {@code refundRequestId} and Antom's {@code refundId}.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface RefundIds {

    default String getRefundRequestId() {
        return AntomObject.groupField(this, "refundRequestId");
    }

    default void setRefundRequestId(String refundRequestId) {
        AntomObject.setGroupField(this, "refundRequestId", refundRequestId);
    }

    default String getRefundId() {
        return AntomObject.groupField(this, "refundId");
    }

    default void setRefundId(String refundId) {
        AntomObject.setGroupField(this, "refundId", refundId);
    }
}
