package io.camelantom.springboot;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelantom.client.AntomRegion;
import io.camelantom.component.AntomComponent;
import io.camelantom.component.AntomConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.antom.* reaches the component; the IDE metadata covers every component option. */
class AntomComponentConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, AntomComponentAutoConfiguration.class,
                    AntomRoutesAutoConfiguration.class));

    @Test
    void everyComponentOptionHasADocumentedProperty() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode camel = read(mapper, "META-INF/io/camelantom/component/antom.json").get("componentProperties");
        Map<String, JsonNode> spring = new HashMap<>();
        for (JsonNode property : read(mapper, "META-INF/spring-configuration-metadata.json").get("properties")) {
            spring.put(property.get("name").asText(), property);
        }
        List<String> missing = new ArrayList<>();
        List<String> withoutDefault = new ArrayList<>();
        for (Iterator<String> names = camel.fieldNames(); names.hasNext();) {
            String option = names.next();
            JsonNode property = spring.get("camel.component.antom." + kebab(option));
            if (property == null || !property.hasNonNull("description") || property.get("description").asText().isBlank()) {
                missing.add(option);
            } else if (camel.get(option).has("defaultValue") && !property.has("defaultValue")) {
                withoutDefault.add(option);
            }
        }
        assertThat(missing).as("component options without a documented Spring Boot property").isEmpty();
        // the IDE shows the component's defaults, in Spring Boot's notation
        assertThat(withoutDefault).as("component defaults missing from the Spring Boot metadata").isEmpty();
        assertThat(spring.get("camel.component.antom.connect-timeout").get("defaultValue").asText()).isEqualTo("5000ms");
        assertThat(spring.get("camel.component.antom.region").get("defaultValue").asText()).isEqualTo("north-america");
        assertThat(spring.get("camel.component.antom.private-key").get("description").asText()).contains("Secret");
        assertThat(spring).containsKeys("camel.component.antom.enabled", "camel.component.antom.customizer.enabled");
    }

    @Test
    void propertiesConfigureTheComponent() {
        runner.withPropertyValues(
                "camel.component.antom.client-id=SANDBOX_5YBZ1234",
                "camel.component.antom.region=asia",
                "camel.component.antom.sandbox=false",
                "camel.component.antom.private-key-file=/etc/antom/merchant-private-key.pem",
                "camel.component.antom.private-key-password=s3cret-pass",
                "camel.component.antom.antom-public-key-file=1:/etc/antom/old.pem,2:/etc/antom/new.pem",
                "camel.component.antom.connect-timeout=2s",
                "camel.component.antom.request-timeout=30000",
                "camel.component.antom.max-retries=3",
                "camel.component.antom.retry-backoff-multiplier=1.5",
                "camel.component.antom.proxy-host=proxy.example",
                "camel.component.antom.proxy-port=3128",
                "camel.component.antom.agent-token=token-123",
                "camel.component.antom.throw-exception-on-failure=false")
                .run(context -> {
                    AntomComponent antom = context.getBean(CamelContext.class).getComponent("antom", AntomComponent.class);
                    AntomConfiguration c = antom.getConfiguration();
                    assertThat(c.getClientId()).isEqualTo("SANDBOX_5YBZ1234");
                    assertThat(c.getRegion()).isEqualTo(AntomRegion.ASIA);
                    assertThat(c.getSandbox()).isFalse();
                    assertThat(c.getPrivateKeyFile()).isEqualTo("/etc/antom/merchant-private-key.pem");
                    assertThat(c.getPrivateKeyPassword()).isEqualTo("s3cret-pass");
                    assertThat(c.getAntomPublicKeyFile()).isEqualTo("1:/etc/antom/old.pem,2:/etc/antom/new.pem");
                    assertThat(c.getConnectTimeout()).isEqualTo(2000);
                    assertThat(c.getRequestTimeout()).isEqualTo(30000);
                    assertThat(c.getMaxRetries()).isEqualTo(3);
                    assertThat(c.getRetryBackoffMultiplier()).isEqualTo(1.5);
                    assertThat(c.getProxyHost()).isEqualTo("proxy.example");
                    assertThat(c.getProxyPort()).isEqualTo(3128);
                    assertThat(c.getAgentToken()).isEqualTo("token-123");
                    assertThat(c.isThrowExceptionOnFailure()).isFalse();
                    // untouched options keep the component's defaults
                    assertThat(c.getKeyVersion()).isEqualTo(1);
                    assertThat(c.isVerifyResponseSignature()).isTrue();
                    assertThat(Duration.ofMillis(c.getRetryDelay())).isEqualTo(Duration.ofSeconds(1));
                    // secrets stay out of what Spring shows of the properties bean
                    assertThat(context.getBean(AntomComponentConfiguration.class).toString())
                            .doesNotContain("s3cret-pass", "token-123");
                });
    }

    @Test
    void v2AndEncryptionPropertiesConfigureTheComponent() {
        runner.withPropertyValues("camel.component.antom.api-version=v2", "camel.component.antom.encryption=true",
                "camel.component.antom.aes-key-size=128", "camel.component.antom.aes-mode=cbc-zero-iv",
                "camel.component.antom.response-key-mode=request-key",
                "camel.component.antom.decryption-private-key=dec-s3cret")
                .run(context -> {
                    AntomConfiguration c = context.getBean(CamelContext.class).getComponent("antom", AntomComponent.class)
                            .getConfiguration();
                    assertThat(c.getApiVersion()).isEqualTo(io.camelantom.client.AntomApiVersion.v2);
                    assertThat(c.getEncryption()).isTrue();
                    assertThat(c.getAesKeySize()).isEqualTo(128);
                    assertThat(c.getAesMode()).isEqualTo(io.camelantom.encryption.AesMode.CBC_ZERO_IV);
                    assertThat(c.getResponseKeyMode()).isEqualTo(io.camelantom.encryption.ResponseKeyMode.REQUEST_KEY);
                    assertThat(c.getDecryptionPrivateKey()).isEqualTo("dec-s3cret");
                    assertThat(c.getRsaPadding()).isEqualTo(io.camelantom.encryption.RsaPadding.PKCS1);
                    assertThat(context.getBean(AntomComponentConfiguration.class).toString()).doesNotContain("dec-s3cret");
                });
    }

    @Test
    void anHttpClientConfigurerBeanIsReferencedByName() {
        io.camelantom.client.AntomHttpClientConfigurer tracing = builder -> builder.setUserAgent("shop");
        runner.withBean("tracing", io.camelantom.client.AntomHttpClientConfigurer.class, () -> tracing)
                .withPropertyValues("camel.component.antom.http-client-configurer=#bean:tracing")
                .run(context -> assertThat(context.getBean(CamelContext.class).getComponent("antom", AntomComponent.class)
                        .getConfiguration().getHttpClientConfigurer()).isSameAs(tracing));
    }

    @Test
    void aConfigurationBeanIsTheBaseTheSingleOptionsRefine() {
        runner.withBean("merchantA", AntomConfiguration.class, () -> {
                    AntomConfiguration base = new AntomConfiguration();
                    base.setClientId("FROM_BEAN");
                    base.setGatewayUrl("https://antom.example");
                    base.setRegion(AntomRegion.EUROPE);
                    base.setMaxConnections(5);
                    base.setApiVersion(io.camelantom.client.AntomApiVersion.v2);
                    return base;
                })
                .withPropertyValues("camel.component.antom.configuration=#bean:merchantA",
                        "camel.component.antom.client-id=FROM_PROPERTY")
                .run(context -> {
                    AntomConfiguration c = context.getBean(CamelContext.class)
                            .getComponent("antom", AntomComponent.class).getConfiguration();
                    assertThat(c.getGatewayUrl()).isEqualTo("https://antom.example");
                    assertThat(c.getClientId()).isEqualTo("FROM_PROPERTY");
                    // properties that are not set do not put the component's defaults back over the bean's values
                    assertThat(c.getRegion()).isEqualTo(AntomRegion.EUROPE);
                    assertThat(c.getMaxConnections()).isEqualTo(5);
                    assertThat(c.getApiVersion()).isEqualTo(io.camelantom.client.AntomApiVersion.v2);
                });
    }

    @Test
    void disabledAutoConfigurationLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.antom.enabled=false", "camel.component.antom.client-id=IGNORED")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(AntomComponentAutoConfiguration.class);
                    AntomComponent antom = context.getBean(CamelContext.class).getComponent("antom", AntomComponent.class);
                    assertThat(antom.getConfiguration().getClientId()).isNull();
                });
        runner.withPropertyValues("camel.component.antom.customizer.enabled=false", "camel.component.antom.client-id=IGNORED")
                .run(context -> assertThat(context.getBean(CamelContext.class)
                        .getComponent("antom", AntomComponent.class).getConfiguration().getClientId()).isNull());
    }

    static JsonNode read(ObjectMapper mapper, String resource) throws Exception {
        try (InputStream in = AntomComponentConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        }
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
