package io.camelantom.model;

/** A transaction (payment, refund, capture, cancel...) listed by inquiryPayment. Unknown fields are kept. */
public class Transaction extends AntomObject {

    private String transactionType;
    private String transactionStatus;
    private String transactionRequestId;
    private String transactionId;
    private Amount transactionAmount;
    private String transactionTime;
    private Result transactionResult;

    public String getTransactionType() {
        return transactionType;
    }

    public void setTransactionType(String transactionType) {
        this.transactionType = transactionType;
    }

    public String getTransactionStatus() {
        return transactionStatus;
    }

    public void setTransactionStatus(String transactionStatus) {
        this.transactionStatus = transactionStatus;
    }

    public String getTransactionRequestId() {
        return transactionRequestId;
    }

    public void setTransactionRequestId(String transactionRequestId) {
        this.transactionRequestId = transactionRequestId;
    }

    public String getTransactionId() {
        return transactionId;
    }

    public void setTransactionId(String transactionId) {
        this.transactionId = transactionId;
    }

    public Amount getTransactionAmount() {
        return transactionAmount;
    }

    public void setTransactionAmount(Amount transactionAmount) {
        this.transactionAmount = transactionAmount;
    }

    public String getTransactionTime() {
        return transactionTime;
    }

    public void setTransactionTime(String transactionTime) {
        this.transactionTime = transactionTime;
    }

    public Result getTransactionResult() {
        return transactionResult;
    }

    public void setTransactionResult(Result transactionResult) {
        this.transactionResult = transactionResult;
    }

}
