package io.camelantom.model;

/** Response of {@code cancel}. Unknown fields are kept. */
public class CancelResponse extends AntomResponse implements PaymentIds {

    private String cancelTime;

    public String getCancelTime() {
        return cancelTime;
    }

    public void setCancelTime(String cancelTime) {
        this.cancelTime = cancelTime;
    }
}
