package io.camelantom.routes.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.camelantom.model.AntomJson;
import io.camelantom.model.PayRequest;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import org.junit.jupiter.api.Test;

class PayRequestFactoryTest {

    private static final String ORDER = "{\"orderId\":\"SO-9\",\"amount\":\"12.34\",\"currency\":\"USD\","
            + "\"description\":\"2 books\",\"buyerId\":\"C-1\",\"merchantId\":\"M-1\",\"storeId\":\"S-1\","
            + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"2810\"}}";

    private static PaymentRecord row(String paymentRequestId, Instant expiresAt) {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        return new PaymentRecord(paymentRequestId, "SO-9", 1, 1234, "USD", "2 books", PaymentStatus.PENDING, null,
                null, null, 0, now, now, expiresAt, now, 0, null, ORDER, null, 0);
    }

    @Test
    void mapsTheCanonicalOrderIntoAnInStorePayRequest() {
        CanonicalOrder order = CanonicalOrderReader.read(ORDER);
        PayRequest pay = PayRequestFactory.payRequest(order, row("SO-9", Instant.parse("2026-03-01T11:00:00.123456Z")),
                "https://shop.example/antom/notifications");
        pay.validate();
        assertThat(new String(AntomJson.canonicalBytes(pay), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"order\":{\"buyer\":{\"referenceBuyerId\":\"C-1\"},\"merchant\":{\"referenceMerchantId\":\"M-1\","
                        + "\"store\":{\"referenceStoreId\":\"S-1\"}},\"orderAmount\":{\"currency\":\"USD\",\"value\":\"1234\"},"
                        + "\"orderDescription\":\"2 books\",\"referenceOrderId\":\"SO-9\"},"
                        + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1234\"},"
                        + "\"paymentExpiryTime\":\"2026-03-01T11:00:00+00:00\",\"paymentFactor\":{\"inStorePaymentScenario\":"
                        + "\"PaymentCode\"},\"paymentMethod\":{\"paymentMethodId\":\"2810\",\"paymentMethodType\":"
                        + "\"CONNECT_WALLET\"},\"paymentNotifyUrl\":\"https://shop.example/antom/notifications\","
                        + "\"paymentRequestId\":\"SO-9\",\"productCode\":\"IN_STORE_PAYMENT\"}");
    }

    @Test
    void theSameOrderAndRowAlwaysGiveTheSameBytes() {
        PaymentRecord row = row("SO-9", Instant.parse("2026-03-01T11:00:00Z"));
        byte[] first = AntomJson.canonicalBytes(PayRequestFactory.payRequest(CanonicalOrderReader.read(ORDER), row, null));
        // the stored normalised form of the order gives the same request as the message it came from
        CanonicalOrder stored = CanonicalOrderReader.read(CanonicalOrderReader.toJson(CanonicalOrderReader.read(ORDER)));
        byte[] again = AntomJson.canonicalBytes(PayRequestFactory.payRequest(stored, row, null));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anOrdersOwnNotifyUrlWinsAndNoExpiryIsLeftOut() {
        CanonicalOrder order = CanonicalOrderReader.read(ORDER.replace("\"description\"",
                "\"notifyUrl\":\"https://erp.example/notify\",\"description\""));
        PayRequest pay = PayRequestFactory.payRequest(order, row("SO-9--2", null), "https://default.example/n");
        assertThat(pay.getPaymentNotifyUrl()).isEqualTo("https://erp.example/notify");
        assertThat(pay.getPaymentExpiryTime()).isNull();
        assertThat(pay.getPaymentRequestId()).isEqualTo("SO-9--2");
    }
}
