package io.camelantom.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelantom.encryption.RsaAes;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The v2 in-store API over raw HTTP: plain and RSA_AES-encrypted requests, and the refusals. */
class V2ApiIT extends SimulatorTestSupport {

    private static final DateTimeFormatter V2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final HttpClient http = HttpClient.newHttpClient();
    private final AntomSigner signer = new AntomSigner(MERCHANT_KEYS.getPrivate(), 1);
    private final RsaAes rsaAes = new RsaAes(RsaAes.Settings.defaults());

    record Answer(int status, HttpResponse<byte[]> raw, String path) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** A field of the answer's {@code result}: resultStatus, resultCode or resultMessage. */
        String result(String field) {
            return json().path("result").path(field).asText();
        }

        JsonNode json() {
            try {
                return AntomTestClient.MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + new String(raw.body(), StandardCharsets.UTF_8), e);
            }
        }
    }

    private static String payBody(String id, String value) {
        return "{\"extendInfo\":\"{}\",\"originalMerchantOrderId\":\"O_" + id + "\",\"originalMerchantStoreId\":\"S1\","
               + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":" + value + "},\"paymentMethod\":\"CONNECT_WALLET\","
               + "\"paymentRequestId\":\"" + id + "\"}";
    }

    /** A pay request of 10.99 USD, encrypted for {@code antomKey}. */
    private RsaAes.Sealed sealedPay(String id, PublicKey antomKey) {
        return rsaAes.seal(payBody(id, "1099").getBytes(StandardCharsets.UTF_8), antomKey, 1);
    }

    /** Posts {@code wire} as an encrypted pay with {@code sealed}'s Encrypt header, signed over {@code wire} as Antom wants. */
    private Answer postSealed(byte[] wire, RsaAes.Sealed sealed) {
        return post("/openapi/v2/payments/pay", wire, new String(wire, StandardCharsets.US_ASCII), sealed.header());
    }

    private Answer post(String path, byte[] wire, String signedBody, String encrypt) {
        String time = V2_TIME.format(OffsetDateTime.now());
        String signature = signer.sign("POST", path, CLIENT_ID, time, signedBody.getBytes(StandardCharsets.UTF_8)).format();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json; charset=UTF-8").header("client-id", CLIENT_ID)
                .header("request-time", time).header("signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire));
        if (encrypt != null) {
            request.header("encrypt", encrypt);
        }
        return new Answer(0, AntomTestClient.exchange(http, request.build()), path);
    }

    private Answer plain(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), body, null);
    }

    private void verify(Answer answer) {
        AntomTestClient.verify(AntomVerifier.of(ANTOM_KEYS.getPublic()), answer.path(), answer.raw());
    }

    private static String v2Id(String prefix) {
        return newId(prefix).replace("-", "_");
    }

    @Test
    void plainPayUnderBothPrefixesAnswersInV2Shape() {
        for (String prefix : new String[] { "/openapi/v2/payments/", "/v2/payments/" }) {
            String id = v2Id("PAY");
            Answer answer = plain(prefix + "pay", payBody(id, "1099"));
            verify(answer);
            assertThat(answer.header("response-time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
            JsonNode json = answer.json();
            assertThat(json.path("result").path("resultStatus").asText()).isEqualTo("S");
            assertThat(json.path("paymentAmount").path("value").isInt()).isTrue();
            assertThat(json.path("paymentId").asText()).isNotEmpty();
            assertThat(simulator.chargeCount(id)).isEqualTo(1);

            Answer inquiry = plain(prefix + "inquiryPayment", "{\"extendInfo\":\"{}\",\"paymentRequestId\":\"" + id + "\"}");
            verify(inquiry);
            assertThat(inquiry.json().path("paymentStatus").asText()).isEqualTo("SUCCESS");
            assertThat(inquiry.json().path("paymentMethod").asText()).isEqualTo("CONNECT_WALLET");
        }
    }

    @Test
    void v2CodesForProgressAndRepeatedFailure() {
        String id = v2Id("PAY");
        assertThat(plain("/v2/payments/pay", payBody(id, "6363")).result("resultCode"))
                .isEqualTo("PAYMENT_IN_PROGRESS");
        String declined = v2Id("PAY");
        assertThat(plain("/v2/payments/pay", payBody(declined, "5151")).result("resultCode"))
                .isEqualTo("USER_BALANCE_NOT_ENOUGH");
        assertThat(plain("/v2/payments/pay", payBody(declined, "5151")).result("resultCode"))
                .isEqualTo("PAYMENT_FAIL");
    }

    @Test
    void malformedV2RequestsAreRefused() {
        Answer noExtendInfo = plain("/v2/payments/pay", payBody(v2Id("PAY"), "100").replace("\"extendInfo\":\"{}\",", ""));
        verify(noExtendInfo);
        assertThat(noExtendInfo.result("resultCode")).isEqualTo("PARAM_ILLEGAL");
        Answer capture = plain("/v2/payments/capture", "{}");
        assertThat(capture.raw().statusCode()).isEqualTo(404);
        assertThat(capture.result("resultCode")).isEqualTo("NO_INTERFACE_DEF");
    }

    @Test
    void anEncryptedRequestGetsAnEncryptedSignedAnswer() {
        String id = v2Id("PAY");
        RsaAes.Sealed sealed = sealedPay(id, ANTOM_KEYS.getPublic());
        Answer answer = postSealed(sealed.body(), sealed);
        verify(answer); // over the ciphertext
        assertThat(new String(answer.raw().body(), StandardCharsets.US_ASCII)).matches("[A-Za-z0-9+/=]+");
        JsonNode json;
        try {
            json = AntomTestClient.MAPPER.readTree(rsaAes.decrypt(answer.raw().body(), sealed.key()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(json.path("result").path("resultStatus").asText()).isEqualTo("S");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void aTamperedCiphertextIsRefusedSignedAndInClear() {
        String id = v2Id("PAY");
        RsaAes.Sealed sealed = sealedPay(id, ANTOM_KEYS.getPublic());
        byte[] ciphertext = Base64.getDecoder().decode(sealed.body());
        ciphertext[ciphertext.length - 1] ^= 0x5A;
        byte[] tampered = Base64.getEncoder().encode(ciphertext);
        // signed over the tampered bytes: the signature holds, the decryption does not
        assertRefusedAsUndecryptable(postSealed(tampered, sealed), id);
    }

    @Test
    void aSignatureOverThePlaintextIsAnInvalidSignature() {
        String id = v2Id("PAY");
        String plaintext = payBody(id, "1099");
        RsaAes.Sealed sealed = rsaAes.seal(plaintext.getBytes(StandardCharsets.UTF_8), ANTOM_KEYS.getPublic(), 1);
        Answer answer = post("/openapi/v2/payments/pay", sealed.body(), plaintext, sealed.header());
        assertThat(answer.header("signature")).isNull(); // Antom does not sign INVALID_SIGNATURE
        assertThat(answer.result("resultCode")).isEqualTo("INVALID_SIGNATURE");
        assertThat(simulator.payment(id)).isEmpty();
    }

    @Test
    void aKeyWrappedForAnotherKeyIsRefused() {
        String id = v2Id("PAY");
        KeyPair other = AntomKeys.generateRsaKeyPair(2048);
        RsaAes.Sealed sealed = sealedPay(id, other.getPublic());
        Answer answer = postSealed(sealed.body(), sealed);
        assertRefusedAsUndecryptable(answer, id);
        assertThat(answer.result("resultMessage")).contains("symmetricKey");
    }

    /** A request that does not decrypt is refused with MSG_PARSE_ERROR, signed and in clear; nothing is paid. */
    private void assertRefusedAsUndecryptable(Answer answer, String id) {
        verify(answer);
        assertThat(answer.result("resultStatus")).isEqualTo("F");
        assertThat(answer.result("resultCode")).isEqualTo("MSG_PARSE_ERROR");
        assertThat(simulator.payment(id)).isEmpty();
    }

    @Test
    void requireEncryptionRefusesPlainRequests() {
        try (AntomSimulator strict = AntomSimulator.builder().merchant(CLIENT_ID, MERCHANT_KEYS.getPublic())
                .antomKeyPair(ANTOM_KEYS).requireEncryption(true).build().start()) {
            AntomSimulator previous = simulator;
            simulator = strict;
            try {
                Answer answer = plain("/v2/payments/pay", payBody(v2Id("PAY"), "100"));
                verify(answer);
                assertThat(answer.result("resultCode")).isEqualTo("PARAM_ILLEGAL");
                assertThat(answer.result("resultMessage")).contains("Encrypt");
                // v1 is not affected
                AntomTestClient v1 = new AntomTestClient(strict.baseUrl(), CLIENT_ID, MERCHANT_KEYS, strict.antomPublicKey());
                assertThat(v1.callVerified("pay", AntomTestClient.payRequest(newId("v1"), "100")).resultStatus()).isEqualTo("S");
            } finally {
                simulator = previous;
            }
        }
    }
}
