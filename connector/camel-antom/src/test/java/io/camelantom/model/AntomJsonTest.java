package io.camelantom.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomJsonTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void serialisationIsSortedCompactAndOmitsNulls() {
        PayRequest pay = new PayRequest();
        pay.setPaymentRequestId("p-1");
        pay.setPaymentAmount(new Amount("USD", "599"));
        pay.setProductCode("IN_STORE_PAYMENT");
        pay.setAdditionalProperty("zNewField", "z");
        pay.setAdditionalProperty("aNewField", Map.of("y", 1, "b", "é"));

        assertThat(text(AntomJson.canonicalBytes(pay))).isEqualTo(
                "{\"aNewField\":{\"b\":\"é\",\"y\":1},\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"599\"},"
                                                                  + "\"paymentRequestId\":\"p-1\",\"productCode\":\"IN_STORE_PAYMENT\",\"zNewField\":\"z\"}");
    }

    @Test
    void pojoMapAndStringBodiesGiveTheSameBytes() {
        String json = "{ \"productCode\":\"IN_STORE_PAYMENT\", \"paymentRequestId\":\"p-1\", \"unknown\": {\"b\":\"2\",\"a\":[1,2.50]},"
                      + " \"paymentAmount\": {\"value\":\"599\",\"currency\":\"USD\"}, \"nothing\": null }";
        PayRequest fromString = AntomJson.convert(json, PayRequest.class);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("productCode", "IN_STORE_PAYMENT");
        map.put("paymentRequestId", "p-1");
        map.put("unknown", Map.of("b", "2", "a", List.of(1, new java.math.BigDecimal("2.50"))));
        map.put("paymentAmount", Map.of("value", "599", "currency", "USD"));
        PayRequest fromMap = AntomJson.convert(map, PayRequest.class);

        byte[] expected = AntomJson.canonicalBytes(fromString);
        assertThat(AntomJson.canonicalBytes(fromMap)).isEqualTo(expected);
        assertThat(AntomJson.canonicalBytes(json)).isEqualTo(expected);
        assertThat(text(expected)).contains("\"unknown\":{\"a\":[1,2.50],\"b\":\"2\"}").doesNotContain("nothing");
        // a second serialisation is byte-identical (what a retry relies on)
        assertThat(AntomJson.canonicalBytes(fromString)).isEqualTo(expected);
    }

    @Test
    void aTypedMessageGivesTheBytesOfItsGenericTree() {
        // typed messages already in order are written as they are; these shapes must still give the generic tree's bytes
        String full = "{\"order\":{\"orderAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},\"orderDescription\":\"Coffee\","
                      + "\"referenceOrderId\":\"o-1\"},\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},"
                      + "\"paymentMethod\":{\"paymentMethodId\":\"2810\",\"paymentMethodType\":\"CONNECT_WALLET\"},"
                      + "\"paymentRequestId\":\"p-1\",\"productCode\":\"IN_STORE_PAYMENT\",\"zCount\":12345678901234567890}";
        PayRequest inOrder = AntomJson.convert(full, PayRequest.class);
        PayRequest unknownFirst = AntomJson.convert(full, PayRequest.class);
        unknownFirst.setAdditionalProperty("aaa", "sorts before every modelled field");
        PayRequest nested = AntomJson.convert(full, PayRequest.class);
        nested.getPaymentAmount().setAdditionalProperty("b", "x");
        PayRequest withFloat = AntomJson.convert(full, PayRequest.class);
        withFloat.setAdditionalProperty("zRate", 1.0E10);
        PayRequest withNull = AntomJson.convert(full, PayRequest.class);
        withNull.setAdditionalProperty("zNothing", null);
        withNull.setAdditionalProperty("zList", java.util.Arrays.asList(1, null));
        PayRequest duplicate = AntomJson.convert(full, PayRequest.class);
        duplicate.setAdditionalProperty("productCode", "AGREEMENT_PAYMENT");
        for (PayRequest request : List.of(inOrder, unknownFirst, nested, withFloat, withNull, duplicate, new PayRequest())) {
            assertThat(text(AntomJson.canonicalBytes(request))).isEqualTo(text(AntomJson.canonicalBytes(AntomJson.toMap(request))));
        }
        assertThat(text(AntomJson.canonicalBytes(unknownFirst))).startsWith("{\"aaa\":");
    }

    @Test
    void readsOneObjectFieldAsATreeWould() throws Exception {
        byte[] answer = ("{\"paymentId\":\"1\",\"result\":{\"resultStatus\":\"U\"},\"list\":[{\"result\":{}}],"
                         + "\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\",\"extra\":{\"a\":1}}}")
                .getBytes(StandardCharsets.UTF_8);
        Result result = AntomJson.readObjectField(answer, "result", Result.class);
        assertThat(result.getResultStatus()).isEqualTo("S");
        assertThat(result.getAdditionalProperty("extra")).isEqualTo(Map.of("a", 1));
        assertThat(AntomJson.readObjectField("{\"result\":\"S\"}".getBytes(StandardCharsets.UTF_8), "result", Result.class)).isNull();
        assertThat(AntomJson.readObjectField("[{\"result\":{}}]".getBytes(StandardCharsets.UTF_8), "result", Result.class)).isNull();
        assertThat(AntomJson.readObjectField(new byte[0], "result", Result.class)).isNull();
        assertThatThrownBy(() -> AntomJson.readObjectField("{\"result\":{},\"x\":[1,}".getBytes(StandardCharsets.UTF_8),
                "result", Result.class)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void unknownResponseFieldsArePreservedOnRoundTrip() {
        String json = "{\"result\":{\"resultStatus\":\"S\",\"resultCode\":\"SUCCESS\",\"brandNewResultField\":\"x\"},"
                      + "\"paymentId\":\"20240001\",\"futureField\":{\"nested\":true}}";
        PayResponse response = AntomJson.read(json.getBytes(StandardCharsets.UTF_8), PayResponse.class);
        assertThat(response.getPaymentId()).isEqualTo("20240001");
        assertThat(response.getAdditionalProperty("futureField")).isEqualTo(Map.of("nested", true));
        assertThat(response.getResult().getAdditionalProperty("brandNewResultField")).isEqualTo("x");
        assertThat(text(AntomJson.canonicalBytes(response))).contains("\"futureField\":{\"nested\":true}")
                .contains("\"brandNewResultField\":\"x\"");
    }

    @Test
    void fieldGroupsAreReadAndWrittenLikeTheClassesOwnFields() throws Exception {
        // sorted input: canonical bytes must give it back byte for byte
        String json = "{\"acquirerReferenceNo\":\"acq-1\",\"futureField\":[1,2],"
                      + "\"grossSettlementAmount\":{\"currency\":\"EUR\",\"value\":\"90\"},\"notifyType\":\"REFUND_RESULT\","
                      + "\"paymentId\":\"pay-1\",\"refundAmount\":{\"currency\":\"USD\",\"value\":\"100\"},"
                      + "\"refundId\":\"ref-1\",\"refundRequestId\":\"rr-1\",\"refundStatus\":\"SUCCESS\","
                      + "\"refundTime\":\"2024-01-02T03:04:05+08:00\",\"result\":{\"resultCode\":\"SUCCESS\","
                      + "\"resultStatus\":\"S\"},\"settlementQuote\":{\"price\":\"1.1\"}}";
        RefundNotification refund = AntomJson.read(json.getBytes(StandardCharsets.UTF_8), RefundNotification.class);

        assertThat(refund.getRefundRequestId()).isEqualTo("rr-1");
        assertThat(refund.getPaymentId()).isEqualTo("pay-1");
        assertThat(refund.getRefundAmount()).isEqualTo(new Amount("USD", "100"));
        assertThat(refund.getGrossSettlementAmount()).isEqualTo(new Amount("EUR", "90"));
        assertThat(refund.getAcquirerReferenceNo()).isEqualTo("acq-1");
        // only the field no class or group models is an additional property
        assertThat(refund.getAdditionalProperties()).containsOnlyKeys("futureField");
        assertThat(text(AntomJson.canonicalBytes(refund))).isEqualTo(json);
        // written directly, group fields sort among the class's own ones; unknown fields come last, as before
        assertThat(AntomJson.mapper().writeValueAsString(refund)).isEqualTo(json.replace("\"futureField\":[1,2],", "")
                .replaceFirst("}$", ",\"futureField\":[1,2]}"));
    }

    @Test
    void aFieldGroupsValuesBelongToTheirMessage() {
        PaymentNotification first = new PaymentNotification();
        PaymentNotification second = new PaymentNotification();
        first.setPaymentId("pay-1");

        assertThat(first.getPaymentId()).isEqualTo("pay-1");
        assertThat(second.getPaymentId()).isNull();
        assertThat(text(AntomJson.canonicalBytes(second))).isEqualTo("{}");
    }

    @Test
    void refusesNonObjects() {
        assertThatThrownBy(() -> AntomJson.canonicalBytes("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> AntomJson.canonicalBytes("{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> AntomJson.canonicalBytes(null)).hasMessageContaining("null body");
    }

    @Test
    void notificationsAreTypedByNotifyType() {
        assertThat(AntomNotification.typeFor("PAYMENT_RESULT")).isEqualTo(PaymentNotification.class);
        assertThat(AntomNotification.typeFor("PAYMENT_PENDING")).isEqualTo(PaymentNotification.class);
        assertThat(AntomNotification.typeFor("REFUND_RESULT")).isEqualTo(RefundNotification.class);
        assertThat(AntomNotification.typeFor("CAPTURE_RESULT")).isEqualTo(CaptureNotification.class);
        assertThat(AntomNotification.typeFor("SOMETHING_NEW")).isEqualTo(AntomNotification.class);
    }
}
