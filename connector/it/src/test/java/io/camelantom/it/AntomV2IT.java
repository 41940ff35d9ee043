package io.camelantom.it;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomConstants;
import io.camelantom.encryption.ResponseKeyMode;
import io.camelantom.model.Amount;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.Merchant;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PayResponse;
import io.camelantom.model.RefundResponse;
import io.camelantom.model.Store;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import io.camelantom.simulator.PaymentStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Antom v2 in-store: pay, inquiryPayment and refund over real HTTP against the simulator, with and without RSA_AES,
 * and every way an encrypted exchange can go wrong.
 */
class AntomV2IT extends SimulatorSupport {

    /** Encryption required, answers carrying their own Encrypt header (the base's simulator: optional, the request's key). */
    static SimulatorFixture strictFixture;
    static AntomSimulator strict;

    @BeforeAll
    static void startStrictSimulator() {
        strictFixture = closedAfterAll(SimulatorFixture.builder(CLIENT_ID).merchantKeys(merchantKeys)
                .simulator(b -> b.requireEncryption(true).encryptedAnswerKey(ResponseKeyMode.RESPONSE_HEADER).timeScale(600))
                .start());
        strict = strictFixture.simulator();
    }

    @Override
    void configure(CamelContext context) {
        context.addComponent("strict", component(strictFixture));
    }

    @AfterEach
    void clearStrictFaults() {
        strict.faults().clear();
    }

    /** Ids of letters, digits and underscores, as Antom's v2 examples show them. */
    private static String v2Id(String prefix) {
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

    private void roundTrip(String scheme, String options) {
        String id = v2Id("PAY");
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

        Exchange refunded = send(scheme + ":refund?" + options, refund(paymentId, v2Id("REF"), "99"));
        assertThat(refunded.getException()).isNull();
        assertThat(refunded.getMessage().getBody(RefundResponse.class).getRefundId()).isNotNull();

        AntomSimulator simulator = simulatorOf(scheme + ":");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        assertThat(simulator.payment(id).orElseThrow().refundedAmount()).isEqualTo(99);
    }

    /** The simulator behind an endpoint: {@code strict:} or {@code antom:}. */
    private static AntomSimulator simulatorOf(String uri) {
        return uri.startsWith("strict:") ? strict : sim;
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
        String id = v2Id("PAY");
        assertThat(send("antom:pay?apiVersion=v2", pay(id, "500")).getException()).isNull();
        var payment = sim.payment(id).orElseThrow();
        assertThat(payment.productCode()).isEqualTo("IN_STORE_PAYMENT");
        assertThat(payment.paymentMethodType()).isEqualTo("CONNECT_WALLET");
    }

    @Test
    void aFullRefundOmitsTheAmount() {
        String id = v2Id("PAY");
        String paymentId = send("antom:pay?apiVersion=v2", pay(id, "700")).getMessage().getHeader(AntomConstants.PAYMENT_ID,
                String.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refundRequestId", v2Id("REF"));
        body.put("paymentId", paymentId);
        body.put("extendInfo", "{}");
        Exchange refunded = send("antom:refund?apiVersion=v2", body);
        assertThat(refunded.getException()).isNull();
        assertThat(sim.payment(id).orElseThrow().refundedAmount()).isEqualTo(700);
    }

    @Test
    void cancelIsReachedThroughCallWithAPath() {
        String id = v2Id("PAY");
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
        String id = v2Id("PAY");
        sendFailing("antom:pay?apiVersion=v2", pay(id, "5151"), "USER_BALANCE_NOT_ENOUGH");
        sendFailing("antom:pay?apiVersion=v2", pay(id, "5151"), "PAYMENT_FAIL");
        assertThat(sim.chargeCount(id)).isZero();
    }

    @Test
    void aPaymentInProgressIsRetryable() {
        String id = v2Id("PAY");
        AntomRetryableException u = failure(send("antom:pay?apiVersion=v2", pay(id, "6363")), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.RESULT_UNKNOWN);
        assertThat(u.getResultCode()).isEqualTo("PAYMENT_IN_PROGRESS");
        Exchange inquired = send("antom:inquiryPayment?apiVersion=v2", inquiry(id));
        assertThat(inquired.getMessage().getHeader(AntomConstants.PAYMENT_STATUS)).isEqualTo("PROCESSING");
    }

    // ---------------------------------------------------------------- encryption failures

    /** Encrypted pays Antom refuses in a verified answer: what is wrong, the endpoint, Antom's result code. */
    static Stream<Arguments> refusedEncryptedPays() {
        String otherKey = Base64.getEncoder().encodeToString(AntomKeys.generateRsaKeyPair(2048).getPublic().getEncoded());
        return Stream.of(
                Arguments.of("a plain request where encryption is required", "strict:pay?apiVersion=v2&encryption=false",
                        "PARAM_ILLEGAL"),
                Arguments.of("a key wrapped for another key", "antom:pay?apiVersion=v2&antomEncryptionPublicKey=RAW(" + otherKey + ")",
                        "MSG_PARSE_ERROR"),
                Arguments.of("an unknown encryption keyVersion", "antom:pay?apiVersion=v2&encryptionKeyVersion=7", "KEY_NOT_FOUND"),
                Arguments.of("another AES mode: refused, not misread", "antom:pay?apiVersion=v2&aesMode=CBC_ZERO_IV",
                        "MSG_PARSE_ERROR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEncryptedPays")
    void aWronglyEncryptedPayIsRefusedAndNothingIsPaid(String wrong, String uri, String resultCode) {
        String id = v2Id("PAY");
        assertThat(sendFailing(uri, pay(id, "1000"), resultCode).getReply().verified()).isTrue();
        assertThat(simulatorOf(uri).payment(id)).isEmpty();
    }

    @Test
    void anAnswerThatDoesNotDecryptIsNeverTrusted() {
        String id = v2Id("PAY");
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
        String id = v2Id("PAY");
        sim.faults().signResponsesWith(AntomKeys.generateRsaKeyPair(2048).getPrivate());
        AntomRetryableException u = failure(send("antom:pay?apiVersion=v2", pay(id, "1000")), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNVERIFIED_RESPONSE);
    }

    @Test
    void theWrongDecryptionKeyCannotOpenAnswersWithTheirOwnKey() {
        String id = v2Id("PAY");
        String otherKey = Base64.getEncoder().encodeToString(AntomKeys.generateRsaKeyPair(2048).getPrivate().getEncoded());
        AntomRetryableException u = failure(send("strict:pay?apiVersion=v2&decryptionPrivateKey=RAW(" + otherKey + ")",
                pay(id, "1000")), AntomRetryableException.class);
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.UNDECRYPTABLE_RESPONSE);
        assertThat(u.getMessage()).doesNotContain("PRIVATE KEY");
        assertThat(strict.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void encryptionIsRefusedForV1() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("antom:pay?encryption=true", pay(v2Id("PAY"), "1000")))
                .hasMessageContaining("set apiVersion=v2");
    }

    @Test
    void v2AmountsMustFitAnInteger() {
        Exchange e = send("antom:pay?apiVersion=v2", pay(v2Id("PAY"), "2147483648"));
        assertThat(e.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2147483647");
    }

}
