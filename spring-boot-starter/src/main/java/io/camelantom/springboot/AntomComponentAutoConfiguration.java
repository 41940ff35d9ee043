package io.camelantom.springboot;

import java.util.HashMap;
import java.util.Map;

import io.camelantom.component.AntomComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.antom.*} to the {@code antom} component when Camel creates it, the way
 * camel-spring-boot's own component starters do: a {@link ComponentCustomizer}, switched off by
 * {@code camel.component.antom.enabled=false} (or {@code camel.component.enabled=false}) and by
 * {@code camel.component.antom.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, AntomComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.antom" })
public class AntomComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final AntomComponentConfiguration configuration;

    public AntomComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                           AntomComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureAntomComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
                // a whole AntomConfiguration bean first: the single options refine it, whatever the map's order
                Object whole = options.remove("configuration");
                if (whole != null) {
                    CamelPropertiesHelper.setCamelProperties(camelContext, target, new HashMap<>(Map.of("configuration", whole)),
                            true);
                }
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, false);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.antom.customizer")
                       && target instanceof AntomComponent;
            }
        };
    }
}
