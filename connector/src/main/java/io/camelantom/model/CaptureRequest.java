package io.camelantom.model;

/** Request of {@code capture}; idempotency key {@code captureRequestId}. Unknown fields are kept. */
public class CaptureRequest extends AntomRequest {

    private String captureRequestId;
    private String paymentId;
    private Amount captureAmount;
    private String isLastCapture;

    public String getCaptureRequestId() {
        return captureRequestId;
    }

    public void setCaptureRequestId(String captureRequestId) {
        this.captureRequestId = captureRequestId;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
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
        require(paymentId, "paymentId");
        if (captureAmount == null) {
            throw new IllegalArgumentException("captureAmount: is required");
        }
        captureAmount.validate("captureAmount");
    }

    @Override
    public String getIdempotencyKey() {
        return captureRequestId;
    }
}
