package io.camelantom.component;

import java.nio.charset.StandardCharsets;

import io.camelantom.model.Amount;
import io.camelantom.model.AntomJson;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.PayRequest;
import io.camelantom.model.RefundRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class V2RequestsTest {

    private static String v2(Object request) {
        return new String(AntomJson.canonicalBytes(V2Requests.toV2((io.camelantom.model.AntomRequest) request)),
                StandardCharsets.UTF_8);
    }

    /** An in-store payment-code pay of {@code minorUnits} US cents, as an application hands it to antom:pay. */
    private static PayRequest pay(String minorUnits) {
        return AntomJson.convert("{\"productCode\":\"IN_STORE_PAYMENT\",\"paymentRequestId\":\"PAY_1\","
                                 + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"" + minorUnits + "\"},"
                                 + "\"order\":{\"referenceOrderId\":\"ORDER_1\",\"merchant\":{\"store\":{\"referenceStoreId\":\"STORE_42\"}}},"
                                 + "\"paymentMethod\":{\"paymentMethodType\":\"CONNECT_WALLET\",\"paymentMethodId\":\"2810\"},"
                                 + "\"paymentFactor\":{\"inStorePaymentScenario\":\"PaymentCode\"}}", PayRequest.class);
    }

    @Test
    void payMapsToTheV2Fields() {
        assertThat(v2(pay("1099"))).isEqualTo("{\"extendInfo\":\"{}\",\"originalMerchantOrderId\":\"ORDER_1\","
                                               + "\"originalMerchantStoreId\":\"STORE_42\",\"paymentAmount\":{\"currency\":\"USD\",\"value\":1099},"
                                               + "\"paymentMethod\":\"CONNECT_WALLET\",\"paymentRequestId\":\"PAY_1\"}");
    }

    @Test
    void extraV2FieldsTravelAsAdditionalProperties() {
        PayRequest pay = pay("100");
        pay.setExtendInfo("{\"till\":\"7\"}");
        pay.setAdditionalProperty("paymentReceipt", "x");
        assertThat(v2(pay)).contains("\"extendInfo\":\"{\\\"till\\\":\\\"7\\\"}\"", "\"paymentReceipt\":\"x\"");
    }

    @Test
    void amountsBeyondV2sIntegerAreRefused() {
        PayRequest pay = pay("100");
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
