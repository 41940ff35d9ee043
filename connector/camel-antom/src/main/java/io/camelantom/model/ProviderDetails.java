package io.camelantom.model;

/**
 * Field group: what the payment method provider and the acquirer reported about a payment, as Antom passes it on: {@code pspCustomerInfo}, {@code paymentResultInfo}, {@code acquirerInfo}.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface ProviderDetails {

    default Object getPspCustomerInfo() {
        return AntomObject.groupField(this, "pspCustomerInfo");
    }

    default void setPspCustomerInfo(Object pspCustomerInfo) {
        AntomObject.setGroupField(this, "pspCustomerInfo", pspCustomerInfo);
    }

    default Object getPaymentResultInfo() {
        return AntomObject.groupField(this, "paymentResultInfo");
    }

    default void setPaymentResultInfo(Object paymentResultInfo) {
        AntomObject.setGroupField(this, "paymentResultInfo", paymentResultInfo);
    }

    default Object getAcquirerInfo() {
        return AntomObject.groupField(this, "acquirerInfo");
    }

    default void setAcquirerInfo(Object acquirerInfo) {
        AntomObject.setGroupField(this, "acquirerInfo", acquirerInfo);
    }
}
