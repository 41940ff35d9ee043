package io.camelantom.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The antom: producer's health check, through camel-spring-boot, in Spring Boot actuator's health: UP against the
 * simulator with the right keys, DOWN with a merchant key the simulator does not know.
 */
@ExtendWith(OutputCaptureExtension.class)
class AntomHealthIT {

    private static final String CLIENT_ID = "HEALTH_CLIENT";
    /** The check's id is producer:antom-(endpoint id); Camel generates the endpoint id. */
    private static final String CHECK_PREFIX = "producer:antom-";

    @TempDir
    static Path keys;
    @AutoClose
    private static SimulatorFixture simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = SimulatorFixture.start(CLIENT_ID);
        simulator.writeKeyFiles(keys);
        Files.writeString(keys.resolve("other-private-key.pem"),
                AntomKeys.toPem(AntomKeys.generateRsaKeyPair(2048).getPrivate()));
    }

    @Test
    void upAgainstTheSimulator(CapturedOutput output) throws Exception {
        // the key given as text this time, with Camel's and the starter's loggers at DEBUG: it must not show anywhere
        String pem = Files.readString(keys.resolve("merchant-private-key.pem"));
        String keyLine = pem.lines().filter(l -> !l.startsWith("-----")).skip(3).findFirst().orElseThrow();
        try (ConfigurableApplicationContext app = start(null, "camel.component.antom.private-key=" + pem,
                "logging.level.org.apache.camel=DEBUG", "logging.level.io.camelantom=DEBUG",
                "logging.level.org.springframework.boot.autoconfigure=DEBUG")) {
            assertThat(app.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.UP);
            assertThat(antomCheck(app)).isEqualTo("UP");
        }
        assertThat(output.getAll()).contains("producer:antom-").doesNotContain(keyLine);
    }

    @Test
    void downWithAWrongMerchantKey() {
        try (ConfigurableApplicationContext app = start("other-private-key.pem")) {
            HealthComponent health = app.getBean(HealthEndpoint.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(antomCheck(app)).isEqualTo("DOWN");
        }
    }

    /** The antom producer check's state as camel-spring-boot's indicator reports it. */
    private static Object antomCheck(ConfigurableApplicationContext app) {
        Map<String, Object> details = camelHealth(app);
        return details.entrySet().stream()
                .filter(e -> e.getKey().startsWith(CHECK_PREFIX) && !e.getKey().endsWith(".data"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + CHECK_PREFIX + "* check in " + details));
    }

    private static Map<String, Object> camelHealth(ConfigurableApplicationContext app) {
        HealthComponent health = app.getBean(HealthEndpoint.class).health();
        assertThat(health).isInstanceOf(CompositeHealth.class);
        HealthComponent camel = ((CompositeHealth) health).getComponents().get("camelHealth");
        assertThat(camel).as("camel-spring-boot's health indicator in %s", ((CompositeHealth) health).getComponents().keySet())
                .isInstanceOf(Health.class);
        return ((Health) camel).getDetails();
    }

    private static ConfigurableApplicationContext start(String privateKeyFile, String... more) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HealthApp.class).web(WebApplicationType.NONE);
        if (privateKeyFile != null) {
            builder.properties("camel.component.antom.private-key-file=" + keys.resolve(privateKeyFile));
        }
        return builder.properties(more)
                .properties(
                        "camel.component.antom.client-id=" + CLIENT_ID,
                        "camel.component.antom.gateway-url=" + simulator.gatewayUrl(),
                        "camel.component.antom.antom-public-key-file=" + keys.resolve("antom-public-key.pem"),
                        // Camel leaves producer checks off unless asked
                        "camel.health.producers-enabled=true",
                        // list UP checks too (Camel's default lists only the DOWN ones in detail)
                        "camel.health.exposure-level=full",
                        "management.endpoint.health.show-details=always",
                        "spring.jmx.enabled=true",
                        "management.endpoints.jmx.exposure.include=health",
                        "camel.springboot.jmx-enabled=false",
                        // camel-antom-routes brings the Artemis client, and with it Spring Boot's JMS auto-configuration
                        // and JMS health; this test has no broker
                        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration",
                        "management.health.jms.enabled=false")
                .run();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HealthApp {
        @Bean
        RouteBuilder payRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:pay").routeId("pay").to("antom:pay");
                }
            };
        }
    }
}
