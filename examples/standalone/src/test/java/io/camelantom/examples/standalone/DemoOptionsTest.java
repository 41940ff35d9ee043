package io.camelantom.examples.standalone;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOptionsTest {

    @Test
    void readsEveryOption() {
        DemoOptions options = DemoOptions.parse("--orders", "7", "--keep-running", "--config", "sandbox.properties");
        assertThat(options.orders()).isEqualTo(7);
        assertThat(options.keepRunning()).isTrue();
        assertThat(options.config()).isEqualTo(Path.of("sandbox.properties"));
        assertThat(DemoOptions.parse("--orders=3").orders()).isEqualTo(3);
    }

    @Test
    void defaultsComeFromTheProperties() {
        DemoOptions options = DemoOptions.parse();
        assertThat(options.orders()).isNull();
        assertThat(options.keepRunning()).isFalse();
        assertThat(options.config()).isNull();
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> DemoOptions.parse("--orders")).hasMessageContaining("--orders needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--orders", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> DemoOptions.parse("--orders", "-1")).hasMessageContaining("from 0");
        assertThatThrownBy(() -> DemoOptions.parse("--order", "3")).hasMessageContaining("Unknown option '--order'");
    }

    @Test
    void apiSelectsV1OrV2() {
        assertThat(DemoOptions.parse().api()).isEqualTo("v1");
        assertThat(DemoOptions.parse().v2()).isFalse();
        assertThat(DemoOptions.parse("--api", "v2").v2()).isTrue();
        assertThat(DemoOptions.parse("--api=V2").api()).isEqualTo("v2");
        assertThatThrownBy(() -> DemoOptions.parse("--api", "v3")).hasMessageContaining("--api must be v1 or v2");
    }
}
