package io.camelantom.model;

/** How the buyer pays: the method type and, for user-presented codes or tokens, its id. Unknown fields are kept. */
public class PaymentMethod extends AntomObject {

    private String paymentMethodType;
    private String paymentMethodId;
    private String customerId;
    private Object paymentMethodMetaData;

    public String getPaymentMethodType() {
        return paymentMethodType;
    }

    public void setPaymentMethodType(String paymentMethodType) {
        this.paymentMethodType = paymentMethodType;
    }

    public String getPaymentMethodId() {
        return paymentMethodId;
    }

    public void setPaymentMethodId(String paymentMethodId) {
        this.paymentMethodId = paymentMethodId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public Object getPaymentMethodMetaData() {
        return paymentMethodMetaData;
    }

    public void setPaymentMethodMetaData(Object paymentMethodMetaData) {
        this.paymentMethodMetaData = paymentMethodMetaData;
    }

}
