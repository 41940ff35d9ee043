package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountTriggerTest {

    @ParameterizedTest
    @CsvSource({"0, NONE", "1, NONE", "51, BALANCE_NOT_ENOUGH", "1051, BALANCE_NOT_ENOUGH", "5100, NONE", "52, RISK_REJECT",
        "53, AMOUNT_EXCEED_LIMIT", "54, USER_STATUS_ABNORMAL", "55, NONE", "61, PROCESSING_THEN_SUCCESS", "62, PROCESSING_THEN_FAIL",
        "63, PROCESSING_FOREVER", "71, SLOW_RESPONSE", "72, HTTP_500_BEFORE", "73, HTTP_500_AFTER", "81, TRAFFIC_LIMIT",
        "91, UNKNOWN_AFTER", "99991, UNKNOWN_AFTER", "100, NONE"})
    void lastTwoDigitsSelectTheTrigger(String value, AmountTrigger expected) {
        assertThat(AmountTrigger.of(value)).isEqualTo(expected);
    }
}
