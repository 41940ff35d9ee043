package io.camelantom.examples.springboot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's embedded Artemis accepts in-VM connections only. With {@code example.artemis.tcp-acceptor} set (e.g.
 * {@code tcp://127.0.0.1:61616}) it also listens on TCP, so that an ERP or Artemis' CLI on this host can put orders on
 * the queue. The embedded broker has no security: bind it to 127.0.0.1, or use an external broker in production.
 */
@Configuration(proxyBeanMethods = false)
class ArtemisTcpAcceptor {

    @Bean
    ArtemisConfigurationCustomizer antomExampleTcpAcceptor(
            @Value("${example.artemis.tcp-acceptor:}") String url) {
        return configuration -> {
            if (url.isBlank()) {
                return;
            }
            try {
                configuration.addAcceptorConfiguration("tcp", url);
            } catch (Exception e) {
                throw new IllegalArgumentException("example.artemis.tcp-acceptor: not an Artemis acceptor URL", e);
            }
        };
    }
}
