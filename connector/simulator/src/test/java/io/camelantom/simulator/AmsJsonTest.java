package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AmsJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void timesAreIsoWithNumericOffsetToTheSecond() {
        Instant t = Instant.parse("2026-03-01T10:00:00.987Z");
        assertThat(new AmsJson(mapper, ZoneOffset.UTC).time(t)).isEqualTo("2026-03-01T10:00:00+00:00");
        assertThat(new AmsJson(mapper, ZoneId.of("Asia/Kolkata")).time(t)).isEqualTo("2026-03-01T15:30:00+05:30");
    }

    @Test
    void amountsAreStringsInMinorUnitsWithAKnownCurrency() throws Exception {
        AmsJson.Amount amount = AmsJson.requiredAmount(json("{\"a\":{\"currency\":\"JPY\",\"value\":\"0599\"}}"), "a");
        assertThat(amount.value()).isEqualTo("599");
        assertThat(amount.minor()).isEqualTo(599);
        assertThatThrownBy(() -> AmsJson.requiredAmount(json("{\"a\":{\"currency\":\"USD\",\"value\":599}}"), "a"))
                .hasMessageContaining("a.value must be a JSON string");
        assertThatThrownBy(() -> AmsJson.requiredAmount(json("{\"a\":{\"currency\":\"USD\",\"value\":\"-1\"}}"), "a"))
                .hasMessageContaining("a.value must be a non-negative integer");
        assertThatThrownBy(() -> AmsJson.requiredAmount(json("{\"a\":{\"currency\":\"US\",\"value\":\"1\"}}"), "a"))
                .hasMessageContaining("a.currency");
        assertThatThrownBy(() -> AmsJson.requiredAmount(json("{\"a\":{\"value\":\"1\"}}"), "a"))
                .hasMessageContaining("a.currency is missing");
        assertThatThrownBy(() -> AmsJson.requiredAmount(json("{\"a\":{\"currency\":\"USD\",\"value\":\"99999999999999999999\"}}"), "a"))
                .isInstanceOf(ParamIllegalException.class);
        assertThatThrownBy(() -> AmsJson.requiredAmount(json("{}"), "a")).hasMessageContaining("the required field a is missing");
    }

    @Test
    void urlsMustBeAbsoluteHttp() throws Exception {
        assertThat(AmsJson.optionalUrl(json("{\"u\":\"https://m.example/notify\"}"), "u")).isEqualTo("https://m.example/notify");
        assertThat(AmsJson.optionalUrl(json("{}"), "u")).isNull();
        assertThatThrownBy(() -> AmsJson.optionalUrl(json("{\"u\":\"/relative\"}"), "u")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> AmsJson.optionalUrl(json("{\"u\":\"ftp://x/y\"}"), "u")).hasMessageContaining("absolute");
    }

    @Test
    void timesMustCarryAnOffset() throws Exception {
        assertThat(AmsJson.optionalTime(json("{\"t\":\"2019-11-27T12:01:01+08:00\"}"), "t")).isEqualTo(Instant.parse("2019-11-27T04:01:01Z"));
        assertThatThrownBy(() -> AmsJson.optionalTime(json("{\"t\":\"2019-11-27T12:01:01\"}"), "t")).hasMessageContaining("t is not");
    }
}
