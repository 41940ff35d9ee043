package io.camelantom.examples.jbang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs this folder's {@code antom-pay.camel.yaml} and {@code application.properties}, the files {@code camel run}
 * takes, through camel-main against the simulator: the order file is converted to the model
 * ({@code convertBodyTo}), paid through {@code antom:pay}, inquired through the Kamelet and its JSON answer read back
 * with {@code unmarshal().json}. Only the simulator's address, the key files and the folders are overridden.
 */
class JBangRouteIT {

    private static final String CLIENT_ID = "SIMULATOR_CLIENT";
    @AutoClose
    private static SimulatorFixture antom;
    private static AntomSimulator sim;

    @TempDir
    Path dir;
    private Main main;
    private Path orders;
    private Path results;

    @BeforeAll
    static void startSimulator() {
        antom = SimulatorFixture.start(CLIENT_ID);
        sim = antom.simulator();
    }

    @BeforeEach
    void startRoute() throws Exception {
        SimulatorFixture.KeyFiles keys = antom.writeKeyFiles(dir);
        orders = Files.createDirectories(dir.resolve("orders"));
        results = dir.resolve("results");

        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.configure().withRoutesIncludePattern("file:antom-pay.camel.yaml");
        main.addOverrideProperty("antom.gateway-url", sim.baseUrl());
        main.addOverrideProperty("antom.private-key-file", keys.merchantPrivateKey().toString());
        main.addOverrideProperty("antom.public-key-file", keys.antomPublicKey().toString());
        main.addOverrideProperty("orders.dir", orders.toString());
        main.addOverrideProperty("results.dir", results.toString());
        main.start();
    }

    @AfterEach
    void stopRoute() {
        main.stop();
    }

    @Test
    void theSampleOrderIsPaidInquiredThroughTheKameletAndReported() throws Exception {
        Files.copy(Path.of("orders-sample/coffee-1.json"), orders.resolve("coffee-1.json"));

        Path result = results.resolve("coffee-1.result.txt");
        await(() -> Files.exists(result));
        assertThat(Files.readString(result)).isEqualTo("jbang-coffee-1 SUCCESS");
        assertThat(sim.chargeCount("jbang-coffee-1")).isEqualTo(1);
        assertThat(orders.resolve(".done/coffee-1.json")).exists();
    }

    @Test
    void aDeclinedOrderAndABodyThatIsNotJsonEndInTheFailedFolderUncharged() throws Exception {
        Files.writeString(orders.resolve("declined.json"), Files.readString(Path.of("orders-sample/coffee-1.json"))
                .replace("jbang-coffee-1", "jbang-declined-1").replace("\"1000\"", "\"1051\""));
        Files.writeString(orders.resolve("garbled.json"), "paymentRequestId=jbang-garbled-1");

        await(() -> Files.exists(orders.resolve(".failed/declined.json")) && Files.exists(orders.resolve(".failed/garbled.json")));
        assertThat(sim.chargeCount("jbang-declined-1")).isZero();
        assertThat(sim.payment("jbang-garbled-1")).isEmpty();
        assertThat(results).doesNotExist();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
