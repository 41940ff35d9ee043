package io.camelantom.component;

import java.nio.charset.StandardCharsets;

import io.camelantom.model.Amount;
import io.camelantom.model.AntomJson;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.Merchant;
import io.camelantom.model.Order;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PaymentFactor;
import io.camelantom.model.PaymentMethod;
import io.camelantom.model.RefundRequest;
import io.camelantom.model.Store;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class V2RequestsTest {

    private static String v2(Object request) {
        return new String(AntomJson.canonicalBytes(V2Requests.toV2((io.camelantom.model.AntomRequest) request)),
                StandardCharsets.UTF_8);
    }

    private static PayRequest pay(String value) {
        PayRequest pay = new PayRequest();
        pay.setProductCode("IN_STORE_PAYMENT");
        pay.setPaymentRequestId("PAY_1");
        pay.setPaymentAmount(Amount.of(new java.math.BigDecimal(value), "USD"));
        Order order = new Order();
        order.setReferenceOrderId("ORDER_1");
        Merchant merchant = new Merchant();
        Store store = new Store();
        store.setReferenceStoreId("STORE_42");
        merchant.setStore(store);
        order.setMerchant(merchant);
        pay.setOrder(order);
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CONNECT_WALLET");
        method.setPaymentMethodId("2810");
        pay.setPaymentMethod(method);
        PaymentFactor factor = new PaymentFactor();
        factor.setInStorePaymentScenario("PaymentCode");
        pay.setPaymentFactor(factor);
        return pay;
    }

    @Test
    void payMapsToTheV2Fields() {
        assertThat(v2(pay("10.99"))).isEqualTo("{\"extendInfo\":\"{}\",\"originalMerchantOrderId\":\"ORDER_1\","
                                               + "\"originalMerchantStoreId\":\"STORE_42\",\"paymentAmount\":{\"currency\":\"USD\",\"value\":1099},"
                                               + "\"paymentMethod\":\"CONNECT_WALLET\",\"paymentRequestId\":\"PAY_1\"}");
    }

    @Test
    void extraV2FieldsTravelAsAdditionalProperties() {
        PayRequest pay = pay("1");
        pay.setExtendInfo("{\"till\":\"7\"}");
        pay.setAdditionalProperty("paymentReceipt", "x");
        assertThat(v2(pay)).contains("\"extendInfo\":\"{\\\"till\\\":\\\"7\\\"}\"", "\"paymentReceipt\":\"x\"");
    }

    @Test
    void amountsBeyondV2sIntegerAreRefused() {
        PayRequest pay = pay("1");
        pay.setPaymentAmount(new Amount("USD", "2147483648"));
        assertThatThrownBy(() -> V2Requests.toV2(pay)).hasMessageContaining("paymentAmount.value");
        pay.setPaymentAmount(new Amount("USD", "2147483647"));
        assertThat(v2(pay)).contains("\"value\":2147483647");
    }

    @Test
    void inquiryAndRefund() {
        InquiryPaymentRequest inquiry = new InquiryPaymentRequest();
        inquiry.setPaymentRequestId("PAY_1");
        assertThat(v2(inquiry)).isEqualTo("{\"extendInfo\":\"{}\",\"paymentRequestId\":\"PAY_1\"}");
        RefundRequest refund = new RefundRequest();
        refund.setRefundRequestId("REF_1");
        refund.setPaymentId("P1");
        refund.setRefundAmount(new Amount("JPY", "500"));
        refund.setRefundReason("broken");
        assertThat(v2(refund)).isEqualTo("{\"extendInfo\":\"{}\",\"memo\":\"broken\",\"paymentId\":\"P1\","
                                         + "\"refundAmount\":{\"currency\":\"JPY\",\"value\":500},\"refundRequestId\":\"REF_1\"}");
    }

    @Test
    void theDecryptionKeyIsMaskedInTheUri() {
        assertThat(AntomEndpoint.maskSecrets("antom:pay?apiVersion=v2&decryptionPrivateKey=MIIEsecret"))
                .doesNotContain("MIIEsecret").contains("apiVersion=v2");
    }
}
