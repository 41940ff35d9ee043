package io.camelantom.model;

/** A {@code notifyPayment} notification: {@code notifyType} PAYMENT_RESULT (final success or failure, read {@code result}) or PAYMENT_PENDING (the buyer finished, the final result is still awaited). Unknown fields are kept. */
public class PaymentNotification extends AntomNotification implements PaymentDetails, SettlementDetails, ProviderDetails, AcquirerReference {

    private String paymentMethodType;

    public String getPaymentMethodType() {
        return paymentMethodType;
    }

    public void setPaymentMethodType(String paymentMethodType) {
        this.paymentMethodType = paymentMethodType;
    }
}
