package io.camelantom.model;

/** Request of {@code inquiryRefund}: {@code refundRequestId} or {@code refundId} ({@code refundId} wins). Unknown fields are kept. */
public class InquiryRefundRequest extends AntomRequest {

    private String refundRequestId;
    private String refundId;
    private String merchantAccountId;

    public String getRefundRequestId() {
        return refundRequestId;
    }

    public void setRefundRequestId(String refundRequestId) {
        this.refundRequestId = refundRequestId;
    }

    public String getRefundId() {
        return refundId;
    }

    public void setRefundId(String refundId) {
        this.refundId = refundId;
    }

    public String getMerchantAccountId() {
        return merchantAccountId;
    }

    public void setMerchantAccountId(String merchantAccountId) {
        this.merchantAccountId = merchantAccountId;
    }

    @Override
    public void validate() {
        requireOneOf(refundId, "refundId", refundRequestId, "refundRequestId");
    }
}
