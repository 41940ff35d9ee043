package io.camelantom.model;

/** Request of {@code inquiryPayment}: {@code paymentRequestId} and/or {@code paymentId} ({@code paymentId} wins). Unknown fields are kept. */
public class InquiryPaymentRequest extends AntomRequest implements PaymentIds, MerchantAccount {

    @Override
    public void validate() {
        requireOneOf(getPaymentId(), "paymentId", getPaymentRequestId(), "paymentRequestId");
    }
}
