package io.camelantom.examples.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP antom_calls_seconds Calls to Antom
            # TYPE antom_calls_seconds summary
            antom_calls_seconds_count{client_id="C1",operation="pay",outcome="SUCCESS"} 3.0
            antom_calls_seconds_count{client_id="C1",operation="pay",outcome="FAIL"} 1.0
            antom_calls_seconds_count{client_id="C1",operation="inquiryPayment",outcome="SUCCESS"} 2.0
            process_uptime_seconds 12.5
            """;

    private final PrometheusText metrics = new PrometheusText(SCRAPE);

    @Test
    void sumsTheSeriesThatHaveAllTheLabels() {
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay")).isEqualTo(4.0);
        assertThat(metrics.value("antom_calls_seconds_count", "operation", "pay", "outcome", "FAIL")).isEqualTo(1.0);
        assertThat(metrics.value("antom_calls_seconds_count")).isEqualTo(6.0);
        assertThat(metrics.value("process_uptime_seconds")).isEqualTo(12.5);
    }

    @Test
    void aLabelValueMatchesWholeNotAsAPrefix() {
        assertThat(metrics.valueOrZero("antom_calls_seconds_count", "outcome", "SUCC")).isZero();
    }

    @Test
    void noMatchingSeriesFailsUnlessZeroIsAsked() {
        assertThatThrownBy(() -> metrics.value("antom_calls_seconds_count", "operation", "refund"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("antom_calls_seconds_count");
        assertThat(metrics.valueOrZero("antom_calls_seconds_count", "operation", "refund")).isZero();
    }
}
