package io.camelantom.model;

/** Response of {@code inquiryPayment}. {@code result} only says whether the inquiry worked; the payment's own state is {@code paymentStatus} (SUCCESS, FAIL, PROCESSING, CANCELLED, PENDING). Unknown fields are kept. */
public class InquiryPaymentResponse extends AntomResponse implements PaymentDetails, SettlementDetails, AcquirerReference {

    private String paymentStatus;
    private String paymentResultCode;
    private String paymentResultMessage;
    private String authExpiryTime;
    private String paymentMethodType;
    private java.util.List<Transaction> transactions;

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

    public java.util.List<Transaction> getTransactions() {
        return transactions;
    }

    public void setTransactions(java.util.List<Transaction> transactions) {
        this.transactions = transactions;
    }
}
