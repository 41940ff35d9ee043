package io.camelantom.model;

/** Request of {@code refund}; idempotency key {@code refundRequestId}. Unknown fields are kept. */
public class RefundRequest extends AntomRequest implements PaymentId, ExtendInfo {

    private String refundRequestId;
    private String referenceRefundId;
    private Amount refundAmount;
    private String refundReason;
    private String refundNotifyUrl;
    private String isAsyncRefund;

    public String getRefundRequestId() {
        return refundRequestId;
    }

    public void setRefundRequestId(String refundRequestId) {
        this.refundRequestId = refundRequestId;
    }

    public String getReferenceRefundId() {
        return referenceRefundId;
    }

    public void setReferenceRefundId(String referenceRefundId) {
        this.referenceRefundId = referenceRefundId;
    }

    public Amount getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(Amount refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundReason() {
        return refundReason;
    }

    public void setRefundReason(String refundReason) {
        this.refundReason = refundReason;
    }

    public String getRefundNotifyUrl() {
        return refundNotifyUrl;
    }

    public void setRefundNotifyUrl(String refundNotifyUrl) {
        this.refundNotifyUrl = refundNotifyUrl;
    }

    public String getIsAsyncRefund() {
        return isAsyncRefund;
    }

    public void setIsAsyncRefund(String isAsyncRefund) {
        this.isAsyncRefund = isAsyncRefund;
    }

    @Override
    public void validate() {
        require(refundRequestId, "refundRequestId");
        require(getPaymentId(), "paymentId");
        requireAmount(refundAmount, "refundAmount");
    }

    @Override
    public String getIdempotencyKey() {
        return refundRequestId;
    }
}
