package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.camelantom.simulator.AntomSimulatorMain.Options;

class AntomSimulatorMainOptionsTest {

    @Test
    void defaults() {
        Options options = Options.parse(new String[0]);
        assertThat(options.port).isEqualTo(8089);
        assertThat(options.host).isEqualTo("127.0.0.1");
        assertThat(options.https).isFalse();
        assertThat(options.merchants).isEmpty();
        assertThat(options.keysDir).isEqualTo(Path.of("antom-simulator-keys"));
        assertThat(options.timeScale).isEqualTo(1.0);
    }

    @Test
    void merchantsPairClientIdsWithKeysInOrder() {
        Options options = Options.parse(new String[] {"--client-id", "A", "--merchant-public-key", "a.pem", "--client-id", "B",
            "--merchant-public-key", "b.pem", "--https", "--port", "9000", "--time-scale", "600"});
        assertThat(options.merchants).containsEntry("A", Path.of("a.pem")).containsEntry("B", Path.of("b.pem"));
        assertThat(options.https).isTrue();
        assertThat(options.port).isEqualTo(9000);
        assertThat(options.timeScale).isEqualTo(600);
    }

    @Test
    void requireEncryptionIsASwitch() {
        assertThat(Options.parse(new String[0]).requireEncryption).isFalse();
        assertThat(Options.parse(new String[] {"--require-encryption"}).requireEncryption).isTrue();
    }

    @Test
    void badOptionsAreExplained() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--port"})).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--port", "x"})).hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--time-scale", "0"})).hasMessage("--time-scale must be a positive number");
        // the builder's checks, in the option's name, before anything starts
        assertThatThrownBy(() -> Options.parse(new String[] {"--time-scale", "Infinity"})).hasMessage("--time-scale must be a positive number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--port", "65536"})).hasMessage("--port must be between 0 and 65535");
        assertThatThrownBy(() -> Options.parse(new String[] {"--merchant-public-key", "a.pem"})).hasMessageContaining("one --client-id per");
        assertThatThrownBy(() -> Options.parse(new String[] {"--client-id", "A", "--client-id", "B"})).hasMessageContaining("need a --merchant-public-key");
        assertThatThrownBy(() -> Options.parse(new String[] {"--bogus"})).hasMessageContaining("unknown option --bogus");
    }
}
