package io.camelantom.benchmarks;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run does not start where the embedded broker would soon block every send for lack of disk. */
class DiskLimitTest {

    private final Path dir = Path.of("/runs");

    @Test
    void aDiskWithRoomForTheRunIsAccepted() {
        assertThatCode(() -> Application.requireBelowBrokerLimit(dir, 84)).doesNotThrowAnyException();
    }

    @Test
    void aDiskWithinTheMarginOfTheBrokersLimitIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> Application.requireBelowBrokerLimit(dir, 85))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/runs is 85 % used")
                .hasMessageContaining("blocks every send at 90 %")
                .hasMessageContaining("Free some space");
    }

    @Test
    void aDiskAboveTheBrokersLimitIsRefused() {
        assertThatThrownBy(() -> Application.requireBelowBrokerLimit(dir, 95)).isInstanceOf(IllegalStateException.class);
    }
}
