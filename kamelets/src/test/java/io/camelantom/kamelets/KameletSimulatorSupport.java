package io.camelantom.kamelets;

import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class (Antom's schedule 600 times faster), a fresh CamelContext per test with the merchant's
 * values as the placeholders {@code {{antom.clientId}}}, {@code {{antom.privateKey}}}, {@code {{antom.antomPublicKey}}}
 * and {@code {{antom.gatewayUrl}}} that the Kamelets' parameters name.
 */
abstract class KameletSimulatorSupport {

    static final String CLIENT_ID = "KAMELET_MERCHANT";

    /** Closed after each test class. */
    @AutoClose
    static SimulatorFixture antom;
    static AntomSimulator sim;

    CamelContext context;
    ProducerTemplate template;

    @BeforeAll
    static void startSimulator() {
        antom = SimulatorFixture.builder(CLIENT_ID).simulator(b -> b.timeScale(600)).start();
        sim = antom.simulator();
    }

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(antom.placeholders("antom."));
        configure(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** The test's routes and services, before the context starts. */
    abstract void configure(CamelContext context) throws Exception;

    @AfterEach
    void stopCamel() {
        context.stop();
    }
}
