package io.camelantom.model;

/** A {@code notifyRefund} notification ({@code notifyType} REFUND_RESULT); {@code refundStatus} is SUCCESS or FAIL. Unknown fields are kept. */
public class RefundNotification extends AntomNotification implements RefundDetails, SettlementDetails, AcquirerReference {

    private String refundStatus;

    public String getRefundStatus() {
        return refundStatus;
    }

    public void setRefundStatus(String refundStatus) {
        this.refundStatus = refundStatus;
    }
}
