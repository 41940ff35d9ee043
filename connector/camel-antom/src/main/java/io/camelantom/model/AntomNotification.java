package io.camelantom.model;

/**
 * A notification Antom POSTs to the merchant. The subclass follows {@code notifyType}; a type this version does not
 * model is read as a plain {@code AntomNotification} with every field kept.
 */
public class AntomNotification extends AntomObject {

    public static final String PAYMENT_RESULT = "PAYMENT_RESULT";
    public static final String PAYMENT_PENDING = "PAYMENT_PENDING";
    public static final String REFUND_RESULT = "REFUND_RESULT";
    /** UNCONFIRMED literal: Antom's SDK has the field but no constant for it. */
    public static final String CAPTURE_RESULT = "CAPTURE_RESULT";

    private String notifyType;
    private Result result;

    /** The class a {@code notifyType} is read into. */
    public static Class<? extends AntomNotification> typeFor(String notifyType) {
        if (notifyType == null) {
            return AntomNotification.class;
        }
        return switch (notifyType) {
            case PAYMENT_RESULT, PAYMENT_PENDING -> PaymentNotification.class;
            case REFUND_RESULT -> RefundNotification.class;
            case CAPTURE_RESULT -> CaptureNotification.class;
            default -> AntomNotification.class;
        };
    }

    public String getNotifyType() {
        return notifyType;
    }

    public void setNotifyType(String notifyType) {
        this.notifyType = notifyType;
    }

    public Result getResult() {
        return result;
    }

    public void setResult(Result result) {
        this.result = result;
    }
}
