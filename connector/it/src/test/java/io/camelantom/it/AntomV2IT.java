package io.camelantom.it;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomConstants;
import io.camelantom.encryption.ResponseKeyMode;
import io.camelantom.model.Amount;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.Merchant;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PayResponse;
import io.camelantom.model.RefundRequest;
import io.camelantom.model.RefundResponse;
import io.camelantom.model.Store;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import io.camelantom.simulator.PaymentStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Antom v2 in-store: pay, inquiryPayment and refund over real HTTP against the simulator, with and without RSA_AES,
 * and every way an encrypted exchange can go wrong.
 */
class AntomV2IT {

    static final String CLIENT_ID = "IT_V2_MERCHANT";

    static KeyPair merchantKeys;
    /** Encryption optional, answers with the request's key. */
    static SimulatorFixture plain;
    static AntomSimulator sim;
    /** Encryption required, answers carrying their own Encrypt header. */
    static SimulatorFixture strictFixture;
    static AntomSimulator strict;

    CamelContext context;
    ProducerTemplate template;

    @BeforeAll
    static void startSimulators() {
        merchantKeys = AntomKeys.generateRsaKeyPair(2048);
        plain = SimulatorFixture.builder(CLIENT_ID).merchantKeys(merchantKeys).simulator(b -> b.timeScale(600)).start();
        sim = plain.simulator();
        strictFixture = SimulatorFixture.builder(CLIENT_ID).merchantKeys(merchantKeys)
                .simulator(b -> b.requireEncryption(true).encryptedAnswerKey(ResponseKeyMode.RESPONSE_HEADER).timeScale(600))
                .start();
        strict = strictFixture.simulator();
    }

    @AfterAll
    static void stopSimulators() {
        if (plain != null) {
            plain.close();
        }
        if (strictFixture != null) {
            strictFixture.close();
        }
    }

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.addComponent("antom", component(plain));
        context.addComponent("strict", component(strictFixture));
        context.start();
        template = context.createProducerTemplate();
    }

    private AntomComponent component(SimulatorFixture simulator) {
        AntomComponent antom = new AntomComponent();
        PropertyBindingSupport.bindProperties(context, antom.getConfiguration(), simulator.componentOptions());
        antom.getConfiguration().setRequestTimeout(5000);
        return antom;
    }

    @AfterEach
    void stopCamel() {
        context.stop();
        sim.faults().clear();
        strict.faults().clear();
    }

    private Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    private static String newId(String prefix) {
        return prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    static PayRequest pay(String paymentRequestId, String minorUnits) {
        PayRequest pay = SimulatorSupport.inStorePay(paymentRequestId, minorUnits);
        Merchant merchant = new Merchant();
        Store store = new Store();
        store.setReferenceStoreId("STORE_042");
        merchant.setStore(store);
        pay.getOrder().setMerchant(merchant);
        return pay;
    }

    private static InquiryPaymentRequest inquiry(String paymentRequestId) {
        InquiryPaymentRequest inquiry = new InquiryPaymentRequest();
        inquiry.setPaymentRequestId(paymentRequestId);
        return inquiry;
    }

    private static RefundRequest refund(String paymentId, String refundRequestId, String value) {
        RefundRequest refund = new RefundRequest();
        refund.setPaymentId(paymentId);
        refund.setRefundRequestId(refundRequestId);
        refund.setRefundAmount(new Amount("USD", value));
        refund.setRefundReason("returned");
        return refund;
    }

    private static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        assertThat(exchange.getException()).isInstanceOf(type);
        return type.cast(exchange.getException());
    }

    private void roundTrip(String scheme, String options) {
        String id = newId("PAY");
        Exchange paid = send(scheme + ":pay?" + options, pay(id, "1099"));
        assertThat(paid.getException()).isNull();
        PayResponse payResponse = paid.getMessage().getBody(PayResponse.class);
        assertThat(payResponse.getResult().isSuccess()).isTrue();
        String paymentId = paid.getMessage().getHeader(AntomConstants.PAYMENT_ID, String.class);
        assertThat(paymentId).isEqualTo(payResponse.getPaymentId()).isNotNull();
        assertThat(payResponse.getPaymentAmount()).isEqualTo(new Amount("USD", "1099"));
        // the raw answer is the decrypted v2 JSON: Integer amounts
        assertThat(paid.getMessage().getHeader(AntomConstants.RAW_RESPONSE, String.class)).contains("\"value\":1099");

        Exchange inquired = send(scheme + ":inquiryPayment?" + options, inquiry(id));
        assertThat(inquired.getException()).isNull();
        InquiryPaymentResponse inquiryResponse = inquired.getMessage().getBody(InquiryPaymentResponse.class);
        assertThat(inquiryResponse.getPaymentStatus()).isEqualTo("SUCCESS");
        assertThat(inquired.getMessage().getHeader(AntomConstants.PAYMENT_STATUS)).isEqualTo("SUCCESS");
        assertThat(inquiryResponse.getAdditionalProperties()).containsEntry("paymentMethod", "CONNECT_WALLET");

        Exchange refunded = send(scheme + ":refund?" + options, refund(paymentId, newId("REF"), "99"));
        assertThat(refunded.getException()).isNull();
        assertThat(refunded.getMessage().getBody(RefundResponse.class).getRefundId()).isNotNull();

        AntomSimulator simulator = "strict".equals(scheme) ? strict : sim;
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        assertThat(simulator.payment(id).orElseThrow().refundedAmount()).isEqualTo(99);
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void encryptedRoundTripIsTheV2Default() {
        roundTrip("antom", "apiVersion=v2");
    }

    @Test
    void plainRoundTripUnderTheShortPrefix() {
        roundTrip("antom", "apiVersion=v2&encryption=false&v2PathPrefix=/v2/payments/");
    }

    @Test
    void encryptedRoundTripWithAnswersCarryingTheirOwnKey() {
        roundTrip("strict", "apiVersion=v2&encryption=true&aesKeySize=128&aesKeyForm=ASCII_STRING");
    }

    @Test
    void theStoreAndOrderGoIntoTheV2Fields() {
        String id = newId("PAY");
        assertThat(send("antom:pay?apiVersion=v2", pay(id, "500")).getException()).isNull();
        var payment = sim.payment(id).orElseThrow();
        assertThat(payment.productCode()).isEqualTo("IN_STORE_PAYMENT");
        assertThat(payment.paymentMethodType()).isEqualTo("CONNECT_WALLET");
    }

    @Test
    void aFullRefundOmitsTheAmount() {
        String id = newId("PAY");
        String paymentId = send("antom:pay?apiVersion=v2", pay(id, "700")).getMessage().getHeader(AntomConstants.PAYMENT_ID,
                String.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refundRequestId", newId("REF"));
        body.put("paymentId", paymentId);
        body.put("extendInfo", "{}");
        Exchange refunded = send("antom:refund?apiVersion=v2", body);
        assertThat(refunded.getException()).isNull();
        assertThat(sim.payment(id).orElseThrow().refundedAmount()).isEqualTo(700);
    }

    @Test
    void cancelIsReachedThroughCallWithAPath() {
        String id = newId("PAY");
        assertThat(send("antom:pay?apiVersion=v2", pay(id, "800")).getException()).isNull();
        assertThat(send("antom:cancel?apiVersion=v2", Map.of("paymentRequestId", id)).getException())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("antom:call");
        Exchange cancelled = send("antom:call?apiVersion=v2&path=/openapi/v2/payments/cancel",
                Map.of("paymentRequestId", id, "extendInfo", "{}"));
        assertThat(cancelled.getException()).isNull();
        assertThat(sim.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    // ---------------------------------------------------------------- business outcomes with v2 codes

    @Test
    void aDeclinedPaymentFailsAndItsRepeatSaysPaymentFail() {
        String id = newId("PAY");
        AntomFailureException first = failure(send("antom:pay?apiVersion=v2", pay(id, "5151")), AntomFailureException.class);
        assertThat(first.getResultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
        AntomFailureException repeat = failure(send("antom:pay?apiVersion=v2", pay(id, "5151")), AntomFailureException.class);
        assertThat(repeat.getResultCode()).isEqualTo("PAYMENT_FAIL");
        assertThat(sim.chargeCount(id)).isZero();
    }

    @Test
    void aPaymentInProgressIsRetryable() {
        String id = newId("PAY");
        AntomRetryableException u = failure(send("antom:pay?apiVersion=v2", pay(id, "6363")), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.RESULT_UNKNOWN);
        assertThat(u.getResultCode()).isEqualTo("PAYMENT_IN_PROGRESS");
        Exchange inquired = send("antom:inquiryPayment?apiVersion=v2", inquiry(id));
        assertThat(inquired.getMessage().getHeader(AntomConstants.PAYMENT_STATUS)).isEqualTo("PROCESSING");
    }

    // ---------------------------------------------------------------- encryption failures

    @Test
    void aPlainRequestIsRefusedWhenEncryptionIsRequired() {
        String id = newId("PAY");
        AntomFailureException f = failure(send("strict:pay?apiVersion=v2&encryption=false", pay(id, "1000")),
                AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("PARAM_ILLEGAL");
        assertThat(f.getReply().verified()).isTrue();
        assertThat(strict.payment(id)).isEmpty();
    }

    @Test
    void aKeyWrappedForAnotherKeyIsRefused() {
        String id = newId("PAY");
        String otherKey = java.util.Base64.getEncoder().encodeToString(AntomKeys.generateRsaKeyPair(2048).getPublic().getEncoded());
        Exchange e = template.request("antom:pay?apiVersion=v2&antomEncryptionPublicKey=RAW(" + otherKey + ")",
                x -> x.getMessage().setBody(pay(id, "1000")));
        AntomFailureException f = failure(e, AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("MSG_PARSE_ERROR");
        assertThat(f.getReply().verified()).isTrue();
        assertThat(sim.payment(id)).isEmpty();
    }

    @Test
    void anUnknownEncryptionKeyVersionIsRefused() {
        String id = newId("PAY");
        AntomFailureException f = failure(send("antom:pay?apiVersion=v2&encryptionKeyVersion=7", pay(id, "1000")),
                AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("KEY_NOT_FOUND");
        assertThat(sim.payment(id)).isEmpty();
    }

    @Test
    void aMismatchedAesModeIsRefusedNotMisread() {
        String id = newId("PAY");
        AntomFailureException f = failure(send("antom:pay?apiVersion=v2&aesMode=CBC_ZERO_IV", pay(id, "1000")),
                AntomFailureException.class);
        assertThat(f.getResultCode()).isEqualTo("MSG_PARSE_ERROR");
        assertThat(sim.payment(id)).isEmpty();
    }

    @Test
    void anAnswerThatDoesNotDecryptIsNeverTrusted() {
        String id = newId("PAY");
        sim.faults().garbleEncryptedAnswers(1);
        AntomRetryableException u = failure(send("antom:pay?apiVersion=v2", pay(id, "1000")), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNDECRYPTABLE_RESPONSE);
        assertThat(u.getMessage()).doesNotContain("paymentId");
        // the payment happened; the identical resend gets the (decryptable) answer, and nothing is charged twice
        Exchange again = send("antom:pay?apiVersion=v2", pay(id, "1000"));
        assertThat(again.getException()).isNull();
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void anEncryptedAnswerSignedByAnotherKeyIsNeverTrusted() {
        String id = newId("PAY");
        sim.faults().signResponsesWith(AntomKeys.generateRsaKeyPair(2048).getPrivate());
        AntomRetryableException u = failure(send("antom:pay?apiVersion=v2", pay(id, "1000")), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNVERIFIED_RESPONSE);
    }

    @Test
    void theWrongDecryptionKeyCannotOpenAnswersWithTheirOwnKey() {
        String id = newId("PAY");
        String otherKey = java.util.Base64.getEncoder().encodeToString(AntomKeys.generateRsaKeyPair(2048).getPrivate().getEncoded());
        Exchange e = template.request("strict:pay?apiVersion=v2&decryptionPrivateKey=RAW(" + otherKey + ")",
                x -> x.getMessage().setBody(pay(id, "1000")));
        AntomRetryableException u = failure(e, AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNDECRYPTABLE_RESPONSE);
        assertThat(u.getMessage()).doesNotContain("PRIVATE KEY");
        assertThat(strict.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void encryptionIsRefusedForV1() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("antom:pay?encryption=true", pay(newId("PAY"), "1000")))
                .hasMessageContaining("set apiVersion=v2");
    }

    @Test
    void v2AmountsMustFitAnInteger() {
        Exchange e = send("antom:pay?apiVersion=v2", pay(newId("PAY"), "2147483648"));
        assertThat(e.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2147483647");
    }

}
