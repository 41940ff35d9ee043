package io.camelantom.model;

/** Response of {@code inquiryRefund}; {@code refundStatus} is SUCCESS, FAIL or PROCESSING. Unknown fields are kept. */
public class InquiryRefundResponse extends AntomResponse {

    private String refundRequestId;
    private String refundId;
    private String paymentId;
    private Amount refundAmount;
    private String refundStatus;
    private String refundTime;
    private Amount grossSettlementAmount;
    private Object settlementQuote;

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

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public Amount getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(Amount refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getRefundStatus() {
        return refundStatus;
    }

    public void setRefundStatus(String refundStatus) {
        this.refundStatus = refundStatus;
    }

    public String getRefundTime() {
        return refundTime;
    }

    public void setRefundTime(String refundTime) {
        this.refundTime = refundTime;
    }

    public Amount getGrossSettlementAmount() {
        return grossSettlementAmount;
    }

    public void setGrossSettlementAmount(Amount grossSettlementAmount) {
        this.grossSettlementAmount = grossSettlementAmount;
    }

    public Object getSettlementQuote() {
        return settlementQuote;
    }

    public void setSettlementQuote(Object settlementQuote) {
        this.settlementQuote = settlementQuote;
    }

}
