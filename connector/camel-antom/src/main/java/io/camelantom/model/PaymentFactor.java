package io.camelantom.model;

/** Factors of a payment; {@code inStorePaymentScenario} is PaymentCode, OrderCode or EntryCode. Antom sends booleans as strings. Unknown fields are kept. */
public class PaymentFactor extends AntomObject {

    private String inStorePaymentScenario;
    private String isAuthorization;
    private String captureMode;
    private String presentmentMode;

    public String getInStorePaymentScenario() {
        return inStorePaymentScenario;
    }

    public void setInStorePaymentScenario(String inStorePaymentScenario) {
        this.inStorePaymentScenario = inStorePaymentScenario;
    }

    public String getIsAuthorization() {
        return isAuthorization;
    }

    public void setIsAuthorization(String isAuthorization) {
        this.isAuthorization = isAuthorization;
    }

    public String getCaptureMode() {
        return captureMode;
    }

    public void setCaptureMode(String captureMode) {
        this.captureMode = captureMode;
    }

    public String getPresentmentMode() {
        return presentmentMode;
    }

    public void setPresentmentMode(String presentmentMode) {
        this.presentmentMode = presentmentMode;
    }

}
