package io.camelantom.routes.notification;

import java.nio.file.Path;
import java.security.KeyPair;

import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.testsupport.Resources;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulator per test class, whose Antom key pair the test also signs its own notifications with
 * ({@link #signed}); per test a fresh broker and the notification bridge application ({@link BridgeFixture}).
 */
abstract class BridgeTestSupport {

    static KeyPair antomKeys;
    @AutoClose
    static SimulatorFixture simulator;
    static AntomSimulator antom;
    static SignedNotifications signed;

    @TempDir
    Path brokerDir;
    @TempDir
    Path databaseDir;

    EmbeddedBroker broker;
    BridgeFixture app;

    @BeforeAll
    static void startSimulator() {
        antomKeys = AntomKeys.generateRsaKeyPair(2048);
        // 600x: Antom's 2-minute resend comes after 0.2 s
        simulator = SimulatorFixture.builder(BridgeFixture.CLIENT_ID).simulator(b -> b.antomKeyPair(antomKeys).timeScale(600)).start();
        antom = simulator.simulator();
        signed = new SignedNotifications(antomKeys.getPrivate());
    }

    @BeforeEach
    void startApplication() throws Exception {
        broker = new EmbeddedBroker(brokerDir).start();
        app = BridgeFixture.start(databaseDir, broker, simulator);
    }

    @AfterEach
    void stopApplication() throws Exception {
        Resources.closeAll(app, broker);
    }
}
