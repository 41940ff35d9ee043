package io.camelantom.model;

/** Response of {@code pay}. Online payments carry a redirect URL, Order Code payments an {@link OrderCodeForm}. Unknown fields are kept. */
public class PayResponse extends AntomResponse implements PaymentDetails, SettlementDetails, ProviderDetails, ExtendInfo {

    private String authExpiryTime;
    private String normalUrl;
    private String schemeUrl;
    private String applinkUrl;
    private String appIdentifier;
    private String paymentData;
    private RedirectActionForm redirectActionForm;
    private OrderCodeForm orderCodeForm;
    private Object paymentActionForm;

    public String getAuthExpiryTime() {
        return authExpiryTime;
    }

    public void setAuthExpiryTime(String authExpiryTime) {
        this.authExpiryTime = authExpiryTime;
    }

    public String getNormalUrl() {
        return normalUrl;
    }

    public void setNormalUrl(String normalUrl) {
        this.normalUrl = normalUrl;
    }

    public String getSchemeUrl() {
        return schemeUrl;
    }

    public void setSchemeUrl(String schemeUrl) {
        this.schemeUrl = schemeUrl;
    }

    public String getApplinkUrl() {
        return applinkUrl;
    }

    public void setApplinkUrl(String applinkUrl) {
        this.applinkUrl = applinkUrl;
    }

    public String getAppIdentifier() {
        return appIdentifier;
    }

    public void setAppIdentifier(String appIdentifier) {
        this.appIdentifier = appIdentifier;
    }

    public String getPaymentData() {
        return paymentData;
    }

    public void setPaymentData(String paymentData) {
        this.paymentData = paymentData;
    }

    public RedirectActionForm getRedirectActionForm() {
        return redirectActionForm;
    }

    public void setRedirectActionForm(RedirectActionForm redirectActionForm) {
        this.redirectActionForm = redirectActionForm;
    }

    public OrderCodeForm getOrderCodeForm() {
        return orderCodeForm;
    }

    public void setOrderCodeForm(OrderCodeForm orderCodeForm) {
        this.orderCodeForm = orderCodeForm;
    }

    public Object getPaymentActionForm() {
        return paymentActionForm;
    }

    public void setPaymentActionForm(Object paymentActionForm) {
        this.paymentActionForm = paymentActionForm;
    }
}
