package io.camelantom.routes.crash;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The crash tests' broker, in its own OS process: Apache Artemis with a persistent journal in a test folder and one
 * TCP acceptor on 127.0.0.1, configured as a production {@code broker.xml} would be (a dead-letter address {@code DLA}
 * after 10 deliveries), so that a message the application gives up on is found, never silently dropped.
 * <p>
 * Arguments: {@code <data folder> <port>}. Prints {@value #READY} once it accepts connections.
 */
public final class CrashBroker {

    static final String READY = "CRASH-BROKER READY";

    private CrashBroker() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("crash-test-broker");
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(data.resolve("journal").toString());
        configuration.setBindingsDirectory(data.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        configuration.setPagingDirectory(data.resolve("paging").toString());
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLA")).setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(10)
                .setExpiryAddress(SimpleString.of("ExpiryQueue")).setAutoCreateExpiryResources(true));
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(configuration);
        server.start();
        System.out.println(READY + " tcp://127.0.0.1:" + port);
        new CountDownLatch(1).await();
    }
}
