package io.camelantom.model;

/** Response of {@code inquiryPayment}. {@code result} only says whether the inquiry worked; the payment's own state is {@code paymentStatus} (SUCCESS, FAIL, PROCESSING, CANCELLED, PENDING). Unknown fields are kept. */
public class InquiryPaymentResponse extends AntomResponse {

    private String paymentStatus;
    private String paymentResultCode;
    private String paymentResultMessage;
    private String paymentRequestId;
    private String paymentId;
    private Amount paymentAmount;
    private Amount actualPaymentAmount;
    private String paymentCreateTime;
    private String paymentTime;
    private String authExpiryTime;
    private String paymentMethodType;
    private String acquirerReferenceNo;
    private java.util.List<Transaction> transactions;
    private Amount grossSettlementAmount;
    private Object settlementQuote;

    public String getPaymentStatus() {
        return paymentStatus;
    }

    public void setPaymentStatus(String paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    public String getPaymentResultCode() {
        return paymentResultCode;
    }

    public void setPaymentResultCode(String paymentResultCode) {
        this.paymentResultCode = paymentResultCode;
    }

    public String getPaymentResultMessage() {
        return paymentResultMessage;
    }

    public void setPaymentResultMessage(String paymentResultMessage) {
        this.paymentResultMessage = paymentResultMessage;
    }

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

    public String getAuthExpiryTime() {
        return authExpiryTime;
    }

    public void setAuthExpiryTime(String authExpiryTime) {
        this.authExpiryTime = authExpiryTime;
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

    public java.util.List<Transaction> getTransactions() {
        return transactions;
    }

    public void setTransactions(java.util.List<Transaction> transactions) {
        this.transactions = transactions;
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
