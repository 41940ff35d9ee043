package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentsApiIdsTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 123456789, 999999999999L, 1000000000000L, Long.MAX_VALUE})
    void sequencesArePaddedAsTheFormatterPadsThem(long n) {
        assertThat(PaymentsApi.zeroPadded(n, 12)).isEqualTo(String.format("%012d", n));
        assertThat(PaymentsApi.zeroPadded(n, 16)).isEqualTo(String.format("%016d", n));
    }
}
