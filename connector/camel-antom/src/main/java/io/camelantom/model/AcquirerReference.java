package io.camelantom.model;

/**
 * Field group: the acquirer's own reference of a payment, refund or capture ({@code acquirerReferenceNo}).
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface AcquirerReference {

    default String getAcquirerReferenceNo() {
        return AntomObject.groupField(this, "acquirerReferenceNo");
    }

    default void setAcquirerReferenceNo(String acquirerReferenceNo) {
        AntomObject.setGroupField(this, "acquirerReferenceNo", acquirerReferenceNo);
    }
}
