package io.camelantom.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalOrderReaderTest {

    static Stream<BadOrders.BadOrder> badOrders() {
        // the last one is refused by the ledger check in the bridge, not by the reader
        return BadOrders.ALL.stream().filter(b -> !b.reason().startsWith("attempt: 2 asked"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void refusesBadOrdersNamingTheField(BadOrders.BadOrder bad) {
        assertThatThrownBy(() -> CanonicalOrderReader.read(bad.body()))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessage(bad.reason());
    }

    @Test
    void readsAFullOrder() {
        CanonicalOrder order = CanonicalOrderReader.read("{\"orderId\":\"SO-1\",\"amount\":12.34,\"currency\":\"USD\","
                + "\"description\":\"2 books\",\"buyerId\":\"C-1\",\"merchantId\":\"M-1\",\"storeId\":\"S-1\","
                + "\"storeName\":\"Main St\",\"terminalId\":\"T-1\",\"productCode\":\"IN_STORE_PAYMENT\","
                + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"2810\",\"scenario\":\"PaymentCode\"},"
                + "\"expiresAt\":\"2026-03-01T18:00:00+08:00\",\"notifyUrl\":\"https://shop.example/antom\","
                + "\"attempt\":2}");
        assertThat(order.amount()).isEqualByComparingTo("12.34");
        assertThat(order.attempt()).isEqualTo(2);
        assertThat(order.paymentMethod()).isEqualTo(new CanonicalOrder.Method("CONNECT_WALLET", "2810", "PaymentCode"));
        assertThat(order.expiresAt().toInstant().toString()).isEqualTo("2026-03-01T10:00:00Z");
        // the stored form reads back to the same order
        assertThat(CanonicalOrderReader.read(CanonicalOrderReader.toJson(order))).isEqualTo(order);
    }

    @Test
    void numberAndTextAmountsAreTheSameAndKeepEveryDigit() {
        String method = ",\"paymentMethod\":{\"type\":\"ALIPAY_CN\"}}";
        CanonicalOrder text = CanonicalOrderReader.read("{\"orderId\":\"A\",\"amount\":\"0.10\",\"currency\":\"USD\"" + method);
        CanonicalOrder number = CanonicalOrderReader.read("{\"orderId\":\"A\",\"amount\":0.1,\"currency\":\"USD\"" + method);
        assertThat(CanonicalOrderReader.minorUnits(text.amount(), "USD")).isEqualTo(10);
        assertThat(CanonicalOrderReader.minorUnits(number.amount(), "USD")).isEqualTo(10);
        assertThat(CanonicalOrderReader.minorUnits(new BigDecimal("500"), "JPY")).isEqualTo(500);
        assertThat(CanonicalOrderReader.minorUnits(new BigDecimal("1.234"), "KWD")).isEqualTo(1234);
    }

    @Test
    void readsAMapFromACustomMapper() {
        CanonicalOrder order = CanonicalOrderReader.read(Map.of("orderId", "M-1", "amount", "3.00", "currency", "EUR",
                "paymentMethod", Map.of("type", "CONNECT_WALLET")));
        assertThat(order.orderId()).isEqualTo("M-1");
        assertThat(order.attempt()).isEqualTo(1);
    }

    @Test
    void refusesAnAmountTooLargeForTheLedger() {
        assertThatThrownBy(() -> CanonicalOrderReader.minorUnits(new BigDecimal("1e20"), "USD"))
                .hasMessage("amount: 100000000000000000000 USD is too large");
    }
}
