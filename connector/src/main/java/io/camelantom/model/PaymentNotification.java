package io.camelantom.model;

/** A {@code notifyPayment} notification: {@code notifyType} PAYMENT_RESULT (final success or failure, read {@code result}) or PAYMENT_PENDING (the buyer finished, the final result is still awaited). Unknown fields are kept. */
public class PaymentNotification extends AntomNotification {

    private String paymentRequestId;
    private String paymentId;
    private Amount paymentAmount;
    private Amount actualPaymentAmount;
    private String paymentCreateTime;
    private String paymentTime;
    private String paymentMethodType;
    private String acquirerReferenceNo;
    private Amount grossSettlementAmount;
    private Object settlementQuote;
    private Object pspCustomerInfo;
    private Object paymentResultInfo;
    private Object acquirerInfo;

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

    public Amount getPaymentAmount() {
        return paymentAmount;
    }

    public void setPaymentAmount(Amount paymentAmount) {
        this.paymentAmount = paymentAmount;
    }

    public Amount getActualPaymentAmount() {
        return actualPaymentAmount;
    }

    public void setActualPaymentAmount(Amount actualPaymentAmount) {
        this.actualPaymentAmount = actualPaymentAmount;
    }

    public String getPaymentCreateTime() {
        return paymentCreateTime;
    }

    public void setPaymentCreateTime(String paymentCreateTime) {
        this.paymentCreateTime = paymentCreateTime;
    }

    public String getPaymentTime() {
        return paymentTime;
    }

    public void setPaymentTime(String paymentTime) {
        this.paymentTime = paymentTime;
    }

    public String getPaymentMethodType() {
        return paymentMethodType;
    }

    public void setPaymentMethodType(String paymentMethodType) {
        this.paymentMethodType = paymentMethodType;
    }

    public String getAcquirerReferenceNo() {
        return acquirerReferenceNo;
    }

    public void setAcquirerReferenceNo(String acquirerReferenceNo) {
        this.acquirerReferenceNo = acquirerReferenceNo;
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

    public Object getPspCustomerInfo() {
        return pspCustomerInfo;
    }

    public void setPspCustomerInfo(Object pspCustomerInfo) {
        this.pspCustomerInfo = pspCustomerInfo;
    }

    public Object getPaymentResultInfo() {
        return paymentResultInfo;
    }

    public void setPaymentResultInfo(Object paymentResultInfo) {
        this.paymentResultInfo = paymentResultInfo;
    }

    public Object getAcquirerInfo() {
        return acquirerInfo;
    }

    public void setAcquirerInfo(Object acquirerInfo) {
        this.acquirerInfo = acquirerInfo;
    }

}
