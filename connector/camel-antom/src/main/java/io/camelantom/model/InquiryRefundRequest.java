package io.camelantom.model;

/** Request of {@code inquiryRefund}: {@code refundRequestId} or {@code refundId} ({@code refundId} wins). Unknown fields are kept. */
public class InquiryRefundRequest extends AntomRequest implements RefundIds, MerchantAccount {

    @Override
    public void validate() {
        requireOneOf(getRefundId(), "refundId", getRefundRequestId(), "refundRequestId");
    }
}
