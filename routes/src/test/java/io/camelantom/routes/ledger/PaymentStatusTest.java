package io.camelantom.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    @Test
    void finalStatesHaveNoWayOut() {
        for (PaymentStatus s : PaymentStatus.finalStates()) {
            assertThat(s.isFinal()).isTrue();
            assertThat(s.legalTargets()).isEmpty();
            for (PaymentStatus t : PaymentStatus.values()) {
                assertThat(s.canMoveTo(t)).isFalse();
            }
        }
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
