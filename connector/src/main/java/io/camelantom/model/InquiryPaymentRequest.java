package io.camelantom.model;

/** Request of {@code inquiryPayment}: {@code paymentRequestId} and/or {@code paymentId} ({@code paymentId} wins). Unknown fields are kept. */
public class InquiryPaymentRequest extends AntomRequest {

    private String paymentRequestId;
    private String paymentId;
    private String merchantAccountId;

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

    public String getMerchantAccountId() {
        return merchantAccountId;
    }

    public void setMerchantAccountId(String merchantAccountId) {
        this.merchantAccountId = merchantAccountId;
    }

    @Override
    public void validate() {
        requireOneOf(paymentId, "paymentId", paymentRequestId, "paymentRequestId");
    }
}
