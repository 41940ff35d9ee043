package io.camelantom.model;

/** Response of {@code cancel}. Unknown fields are kept. */
public class CancelResponse extends AntomResponse {

    private String paymentRequestId;
    private String paymentId;
    private String cancelTime;

    public String getPaymentRequestId() {
        return paymentRequestId;
    }

    public void setPaymentRequestId(String paymentRequestId) {
        this.paymentRequestId = paymentRequestId;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public String getCancelTime() {
        return cancelTime;
    }

    public void setCancelTime(String cancelTime) {
        this.cancelTime = cancelTime;
    }

}
