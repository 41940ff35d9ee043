package io.camelantom.model;

/**
 * Field group: {@code extendInfo}, the free-form extension string Antom takes and gives back on pay (the request, its
 * order and the answer, with its Order Code form) and on refund.
 * Implemented by the model's messages and parts only (the value lives in {@link AntomObject}).
 */
public interface ExtendInfo {

    default String getExtendInfo() {
        return AntomObject.groupField(this, "extendInfo");
    }

    default void setExtendInfo(String extendInfo) {
        AntomObject.setGroupField(this, "extendInfo", extendInfo);
    }
}
