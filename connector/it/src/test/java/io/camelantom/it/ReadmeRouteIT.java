package io.camelantom.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomComponentConfigurer;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The route of the root README, with the component configured from key files as the README shows. */
class ReadmeRouteIT {

    @Test
    void theReadmeRoutePaysThroughTheSimulator(@TempDir Path keys) throws Exception {
        try (SimulatorFixture antom = SimulatorFixture.start("SIMULATOR_CLIENT")) {
            SimulatorFixture.KeyFiles files = antom.writeKeyFiles(keys);
            AntomSimulator simulator = antom.simulator();
            CamelContext context = new DefaultCamelContext();
            AntomComponent component = new AntomComponent();
            // what camel.component.antom.* properties do in camel-main / Spring Boot
            PropertyBindingSupport.build().withConfigurer(new AntomComponentConfigurer()).withMandatory(true).bind(context, component, new java.util.HashMap<>(Map.of(
                    "clientId", "SIMULATOR_CLIENT",
                    "gatewayUrl", simulator.baseUrl(),
                    "privateKeyFile", files.merchantPrivateKey().toString(),
                    "antomPublicKeyFile", files.antomPublicKey().toString())));
            context.addComponent("antom", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:pay?repeatCount=1")
                        .setBody(constant("{\"productCode\":\"IN_STORE_PAYMENT\",\"paymentRequestId\":\"readme-1\",\"order\":{\"orderDescription\":\"Coffee\"},"
                                          + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"599\"},\"paymentMethod\":{\"paymentMethodType\":\"CONNECT_WALLET\"}}"))
                        .to("antom:pay")
                        .log("Antom answered ${header.CamelAntomResultStatus} ${header.CamelAntomResultCode}, paymentId ${header.CamelAntomPaymentId}");
                }
            });
            NotifyBuilder done = new NotifyBuilder(context).whenCompleted(1).create();
            context.start();
            try {
                assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
                assertThat(simulator.chargeCount("readme-1")).isEqualTo(1);
                assertThat(simulator.payment("readme-1").orElseThrow().status().name()).isEqualTo("SUCCESS");
            } finally {
                context.stop();
            }
        }
    }
}
