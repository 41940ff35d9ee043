package io.camelantom.model;

/**
 * Field group: a capture as Antom reports it in {@code capture} and {@code notifyCapture}: its ids, the payment, the amount and time.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface CaptureDetails extends PaymentId {

    default String getCaptureRequestId() {
        return AntomObject.groupField(this, "captureRequestId");
    }

    default void setCaptureRequestId(String captureRequestId) {
        AntomObject.setGroupField(this, "captureRequestId", captureRequestId);
    }

    default String getCaptureId() {
        return AntomObject.groupField(this, "captureId");
    }

    default void setCaptureId(String captureId) {
        AntomObject.setGroupField(this, "captureId", captureId);
    }

    default Amount getCaptureAmount() {
        return AntomObject.groupField(this, "captureAmount");
    }

    default void setCaptureAmount(Amount captureAmount) {
        AntomObject.setGroupField(this, "captureAmount", captureAmount);
    }

    default String getCaptureTime() {
        return AntomObject.groupField(this, "captureTime");
    }

    default void setCaptureTime(String captureTime) {
        AntomObject.setGroupField(this, "captureTime", captureTime);
    }
}
