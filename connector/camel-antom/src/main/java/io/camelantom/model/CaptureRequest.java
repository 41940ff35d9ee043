package io.camelantom.model;

/** Request of {@code capture}; idempotency key {@code captureRequestId}. Unknown fields are kept. */
public class CaptureRequest extends AntomRequest implements PaymentId {

    private String captureRequestId;
    private Amount captureAmount;
    private String isLastCapture;

    public String getCaptureRequestId() {
        return captureRequestId;
    }

    public void setCaptureRequestId(String captureRequestId) {
        this.captureRequestId = captureRequestId;
    }

    public Amount getCaptureAmount() {
        return captureAmount;
    }

    public void setCaptureAmount(Amount captureAmount) {
        this.captureAmount = captureAmount;
    }

    public String getIsLastCapture() {
        return isLastCapture;
    }

    public void setIsLastCapture(String isLastCapture) {
        this.isLastCapture = isLastCapture;
    }

    @Override
    public void validate() {
        require(captureRequestId, "captureRequestId");
        require(getPaymentId(), "paymentId");
        requireAmount(captureAmount, "captureAmount");
    }

    @Override
    public String getIdempotencyKey() {
        return captureRequestId;
    }
}
