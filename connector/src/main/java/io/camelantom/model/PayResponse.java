package io.camelantom.model;

/** Response of {@code pay}. Online payments carry a redirect URL, Order Code payments an {@link OrderCodeForm}. Unknown fields are kept. */
public class PayResponse extends AntomResponse {

    private String paymentRequestId;
    private String paymentId;
    private Amount paymentAmount;
    private Amount actualPaymentAmount;
    private String paymentCreateTime;
    private String paymentTime;
    private String authExpiryTime;
    private String normalUrl;
    private String schemeUrl;
    private String applinkUrl;
    private String appIdentifier;
    private String paymentData;
    private RedirectActionForm redirectActionForm;
    private OrderCodeForm orderCodeForm;
    private Object paymentActionForm;
    private Amount grossSettlementAmount;
    private Object settlementQuote;
    private Object pspCustomerInfo;
    private Object paymentResultInfo;
    private Object acquirerInfo;
    private String extendInfo;

    public String getPaymentRequestId() {
        return paymentRequestId;
    }

    public void setPaymentRequestId(String paymentRequestId) {
        this.paymentRequestId = paymentRequestId;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public Amount getPaymentAmount() {
        return paymentAmount;
    }

    public void setPaymentAmount(Amount paymentAmount) {
        this.paymentAmount = paymentAmount;
    }

    public Amount getActualPaymentAmount() {
        return actualPaymentAmount;
    }

    public void setActualPaymentAmount(Amount actualPaymentAmount) {
        this.actualPaymentAmount = actualPaymentAmount;
    }

    public String getPaymentCreateTime() {
        return paymentCreateTime;
    }

    public void setPaymentCreateTime(String paymentCreateTime) {
        this.paymentCreateTime = paymentCreateTime;
    }

    public String getPaymentTime() {
        return paymentTime;
    }

    public void setPaymentTime(String paymentTime) {
        this.paymentTime = paymentTime;
    }

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

    public Amount getGrossSettlementAmount() {
        return grossSettlementAmount;
    }

    public void setGrossSettlementAmount(Amount grossSettlementAmount) {
        this.grossSettlementAmount = grossSettlementAmount;
    }

    public Object getSettlementQuote() {
        return settlementQuote;
    }

    public void setSettlementQuote(Object settlementQuote) {
        this.settlementQuote = settlementQuote;
    }

    public Object getPspCustomerInfo() {
        return pspCustomerInfo;
    }

    public void setPspCustomerInfo(Object pspCustomerInfo) {
        this.pspCustomerInfo = pspCustomerInfo;
    }

    public Object getPaymentResultInfo() {
        return paymentResultInfo;
    }

    public void setPaymentResultInfo(Object paymentResultInfo) {
        this.paymentResultInfo = paymentResultInfo;
    }

    public Object getAcquirerInfo() {
        return acquirerInfo;
    }

    public void setAcquirerInfo(Object acquirerInfo) {
        this.acquirerInfo = acquirerInfo;
    }

    public String getExtendInfo() {
        return extendInfo;
    }

    public void setExtendInfo(String extendInfo) {
        this.extendInfo = extendInfo;
    }

}
