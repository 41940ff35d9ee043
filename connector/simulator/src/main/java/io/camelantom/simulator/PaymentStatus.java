package io.camelantom.simulator;

/** A payment's status as inquiryPayment reports it ({@code paymentStatus}). */
public enum PaymentStatus {
    PROCESSING,
    SUCCESS,
    FAIL,
    CANCELLED;

    public boolean isFinal() {
        return this != PROCESSING;
    }
}
