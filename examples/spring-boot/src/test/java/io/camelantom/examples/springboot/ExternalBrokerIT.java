package io.camelantom.examples.springboot;

import java.nio.file.Path;

import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example with an external broker (README, "Configure": SPRING_PROFILES_ACTIVE=external-broker and ANTOM_ARTEMIS_URL): the
 * application starts no broker of its own, and an order the ERP puts on the external broker ends PAID there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
@ActiveProfiles("external-broker")    // SPRING_PROFILES_ACTIVE=external-broker
class ExternalBrokerIT {

    private static final String CLIENT_ID = "SPRING_BOOT_EXTERNAL";

    @TempDir
    static Path folder;
    /** Closed after the class's tests, once Spring has stopped the application. */
    @AutoClose
    private static SimulatorFixture antom;
    private static AntomSimulator simulator;
    private static EmbeddedBroker broker;

    @Autowired
    private ApplicationContext application;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        // "the merchant's broker" (MerchantBroker below starts it), reached over TCP only
        broker = new EmbeddedBroker(folder.resolve("broker")).tcpPort(AntomSpringBootApplicationIT.freePort());

        antom = SimulatorFixture.start(CLIENT_ID);
        simulator = antom.simulator();

        registry.add("ANTOM_ARTEMIS_URL", broker::tcpUrl);
        AntomSpringBootApplicationIT.antomEnvironment(registry, antom, folder);
    }

    /**
     * Another Artemis, reached over TCP only. A bean so that it starts before the application's JMS consumers and
     * stops after them (stopping it under a running application would leave the consumers reconnecting).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class MerchantBroker {
        @Bean(destroyMethod = "stop")
        EmbeddedBroker merchantBroker() {
            return broker.start();
        }
    }

    @Test
    void ordersGoThroughTheExternalBroker() throws Exception {
        // Spring Boot's embedded broker is not started (the only broker is this test's)
        assertThat(application.getBeansOfType(EmbeddedActiveMQ.class)).isEmpty();
        assertThat(folder.resolve("data/artemis")).doesNotExist();

        try (ActiveMQConnectionFactory erp = new ActiveMQConnectionFactory(broker.tcpUrl())) {
            JmsTemplate jms = new JmsTemplate(erp);
            jms.setReceiveTimeout(60_000);
            AntomSpringBootApplicationIT.expectResult(jms, AntomSpringBootApplicationIT.order("SB-EXT-1", "25.00"),
                    "SB-EXT-1", "PAID");
        }
        assertThat(simulator.chargeCount("SB-EXT-1")).isEqualTo(1);
    }
}
