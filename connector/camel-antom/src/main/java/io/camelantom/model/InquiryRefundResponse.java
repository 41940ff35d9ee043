package io.camelantom.model;

/** Response of {@code inquiryRefund}; {@code refundStatus} is SUCCESS, FAIL or PROCESSING. Unknown fields are kept. */
public class InquiryRefundResponse extends AntomResponse implements RefundDetails, SettlementDetails {

    private String refundStatus;

    public String getRefundStatus() {
        return refundStatus;
    }

    public void setRefundStatus(String refundStatus) {
        this.refundStatus = refundStatus;
    }
}
