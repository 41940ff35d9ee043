package io.camelantom.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    @Test
    void finalStatesHaveNoWayOutButTheErpsCancelOfAPaidPayment() {
        for (PaymentStatus s : PaymentStatus.finalStates()) {
            assertThat(s.isFinal()).isTrue();
            for (PaymentStatus t : PaymentStatus.values()) {
                assertThat(s.canMoveTo(t)).as(s + " -> " + t).isEqualTo(s == PaymentStatus.PAID
                        && t == PaymentStatus.CANCELLING);
            }
        }
        assertThat(PaymentStatus.CANCELLING.isFinal()).isFalse();
        assertThat(PaymentStatus.CANCELLING.isOpen()).isFalse();
        assertThat(PaymentStatus.CANCELLING.legalTargets()).containsExactlyInAnyOrder(PaymentStatus.PROCESSING,
                PaymentStatus.PAID, PaymentStatus.FAILED, PaymentStatus.CANCELLED);
    }

    @Test
    void nothingGoesBackToPendingAndEveryOpenStateCanEnd() {
        for (PaymentStatus s : PaymentStatus.values()) {
            assertThat(s.canMoveTo(PaymentStatus.PENDING)).as(s.name()).isFalse();
            if (!s.isFinal()) {
                assertThat(s.legalTargets()).containsAll(PaymentStatus.finalStates());
            }
        }
        assertThat(PaymentStatus.PROCESSING.canMoveTo(PaymentStatus.UNKNOWN)).isTrue();
        assertThat(PaymentStatus.UNKNOWN.canMoveTo(PaymentStatus.PROCESSING)).isTrue();
    }

    @Test
    void parsesOnlyKnownNames() {
        assertThat(PaymentStatus.parse("PAID")).contains(PaymentStatus.PAID);
        assertThat(PaymentStatus.parse("paid")).isEmpty();
        assertThat(PaymentStatus.parse("SETTLED")).isEmpty();
        assertThat(PaymentStatus.parse(null)).isEmpty();
    }

    @Test
    void backoffGrowsToItsCap() {
        CheckBackoff b = CheckBackoff.defaults();
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(b.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(b.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(b.delayAfter(500)).isEqualTo(Duration.ofHours(1));
    }
}
