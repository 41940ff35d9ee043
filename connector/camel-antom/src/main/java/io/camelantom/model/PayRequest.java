package io.camelantom.model;

/** Request of {@code pay} ({@code /ams/api/v1/payments/pay}); idempotency key {@code paymentRequestId}. Unknown fields are kept. */
public class PayRequest extends AntomRequest implements MerchantAccount, ExtendInfo {

    private String productCode;
    private String paymentRequestId;
    private Order order;
    private Amount paymentAmount;
    private PaymentMethod paymentMethod;
    private PaymentFactor paymentFactor;
    private String paymentExpiryTime;
    private String paymentRedirectUrl;
    private String paymentNotifyUrl;
    private SettlementStrategy settlementStrategy;
    private Env env;
    private String merchantRegion;
    private String userRegion;

    public String getProductCode() {
        return productCode;
    }

    public void setProductCode(String productCode) {
        this.productCode = productCode;
    }

    public String getPaymentRequestId() {
        return paymentRequestId;
    }

    public void setPaymentRequestId(String paymentRequestId) {
        this.paymentRequestId = paymentRequestId;
    }

    public Order getOrder() {
        return order;
    }

    public void setOrder(Order order) {
        this.order = order;
    }

    public Amount getPaymentAmount() {
        return paymentAmount;
    }

    public void setPaymentAmount(Amount paymentAmount) {
        this.paymentAmount = paymentAmount;
    }

    public PaymentMethod getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(PaymentMethod paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public PaymentFactor getPaymentFactor() {
        return paymentFactor;
    }

    public void setPaymentFactor(PaymentFactor paymentFactor) {
        this.paymentFactor = paymentFactor;
    }

    public String getPaymentExpiryTime() {
        return paymentExpiryTime;
    }

    public void setPaymentExpiryTime(String paymentExpiryTime) {
        this.paymentExpiryTime = paymentExpiryTime;
    }

    public String getPaymentRedirectUrl() {
        return paymentRedirectUrl;
    }

    public void setPaymentRedirectUrl(String paymentRedirectUrl) {
        this.paymentRedirectUrl = paymentRedirectUrl;
    }

    public String getPaymentNotifyUrl() {
        return paymentNotifyUrl;
    }

    public void setPaymentNotifyUrl(String paymentNotifyUrl) {
        this.paymentNotifyUrl = paymentNotifyUrl;
    }

    public SettlementStrategy getSettlementStrategy() {
        return settlementStrategy;
    }

    public void setSettlementStrategy(SettlementStrategy settlementStrategy) {
        this.settlementStrategy = settlementStrategy;
    }

    public Env getEnv() {
        return env;
    }

    public void setEnv(Env env) {
        this.env = env;
    }

    public String getMerchantRegion() {
        return merchantRegion;
    }

    public void setMerchantRegion(String merchantRegion) {
        this.merchantRegion = merchantRegion;
    }

    public String getUserRegion() {
        return userRegion;
    }

    public void setUserRegion(String userRegion) {
        this.userRegion = userRegion;
    }

    @Override
    public void validate() {
        require(paymentRequestId, "paymentRequestId");
        requireAmount(paymentAmount, "paymentAmount");
        if (order != null && order.getOrderAmount() != null) {
            order.getOrderAmount().validate("order.orderAmount");
        }
    }

    @Override
    public String getIdempotencyKey() {
        return paymentRequestId;
    }
}
