package io.camelantom.model;

/** Request of {@code cancel}: the original {@code paymentId} or {@code paymentRequestId}. Unknown fields are kept. */
public class CancelRequest extends AntomRequest implements PaymentIds, MerchantAccount {

    @Override
    public void validate() {
        requireOneOf(getPaymentId(), "paymentId", getPaymentRequestId(), "paymentRequestId");
    }
}
