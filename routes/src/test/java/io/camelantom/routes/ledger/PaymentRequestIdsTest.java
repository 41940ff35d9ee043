package io.camelantom.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PaymentRequestIdsTest {

    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9_-]+");

    @Test
    void readableOrderIdIsTheFirstAttemptsIdAndGetsASuffixForLaterAttempts() {
        assertThat(PaymentRequestIds.forOrder("SO-2024-000123")).isEqualTo("SO-2024-000123");
        assertThat(PaymentRequestIds.forAttempt("SO-2024-000123", 2)).isEqualTo("SO-2024-000123--2");
        assertThat(PaymentRequestIds.forAttempt("SO-2024-000123", 999)).isEqualTo("SO-2024-000123--999");
    }

    @Test
    void derivationIsDeterministic() {
        String odd = "Bestellung/2024 #17 (Zürich)";
        assertThat(PaymentRequestIds.forOrder(odd)).isEqualTo(PaymentRequestIds.forOrder(odd));
        assertThat(PaymentRequestIds.forAttempt(odd, 3)).isEqualTo(PaymentRequestIds.forAttempt(odd, 3));
    }

    @Test
    void oddOrLongOrderIdsGetAReadablePrefixAndAHash() {
        String odd = "Bestellung/2024 #17 (Zürich)";
        String id = PaymentRequestIds.forOrder(odd);
        assertThat(id).startsWith("Bestellung_2024__17__Z").contains("--h").matches(CHARSET);
        assertThat(id.substring(id.indexOf("--h") + 3)).matches("[0-9a-f]{32}");

        String longId = "A".repeat(60);
        assertThat(PaymentRequestIds.isReadable("A".repeat(59))).isTrue();
        assertThat(PaymentRequestIds.forOrder("A".repeat(59))).isEqualTo("A".repeat(59));
        assertThat(PaymentRequestIds.forOrder(longId)).startsWith("A".repeat(24) + "--h");
    }

    @Test
    void everyIdFitsAntomsLimitAndCharset() {
        List<String> orderIds = List.of("1", "x".repeat(59), "x".repeat(60), "y".repeat(256), "é".repeat(256),
                "---", "-a-", "a--b", "a-", "_", "order id with spaces", "订单-123", "a\u0000b", "--h0123");
        for (String orderId : orderIds) {
            for (int attempt : new int[] { 1, 2, 10, 999 }) {
                String id = PaymentRequestIds.forAttempt(orderId, attempt);
                assertThat(id.length()).as(orderId).isLessThanOrEqualTo(PaymentRequestIds.MAX_LENGTH);
                assertThat(id).as(orderId).matches(CHARSET);
            }
        }
    }

    @Test
    void distinctOrderIdsAndAttemptsNeverShareAnId() {
        // ids chosen to provoke every structural ambiguity of the rule
        List<String> orderIds = List.of("A", "A-", "A--2", "A-2", "A_2", "A--h", "a", "A 2", "A/2", "A?2", "A--",
                "A---2", "x".repeat(59), "x".repeat(60), "x".repeat(61), "x".repeat(24) + "--h", "---", "--", "-");
        Set<String> seen = new HashSet<>();
        for (String orderId : orderIds) {
            for (int attempt = 1; attempt <= 12; attempt++) {
                assertThat(seen.add(PaymentRequestIds.forAttempt(orderId, attempt)))
                        .as("%s attempt %d", orderId, attempt).isTrue();
            }
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.add(PaymentRequestIds.forOrder("order #" + i))).isTrue();
        }
    }

    @Test
    void rejectsEmptyOrderIdsAndAttemptsOutOfRange() {
        assertThatThrownBy(() -> PaymentRequestIds.forOrder("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentRequestIds.forOrder(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentRequestIds.forAttempt("A", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentRequestIds.forAttempt("A", 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
