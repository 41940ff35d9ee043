package io.camelantom.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link SimulatorTestSupport} with a merchant's notification endpoint per test, verifying with the simulator's key. */
abstract class NotifiedSimulatorTestSupport extends SimulatorTestSupport {

    NotificationReceiver merchant;

    @BeforeEach
    void startReceiver() throws Exception {
        merchant = new NotificationReceiver(simulator.antomPublicKey());
    }

    @AfterEach
    void stopReceiver() {
        merchant.close();
    }
}
