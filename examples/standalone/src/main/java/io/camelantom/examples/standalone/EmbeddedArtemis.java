package io.camelantom.examples.standalone;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The demo's Apache Artemis broker, inside the application's JVM: persistent journal under {@code <data>/broker}, an
 * in-VM acceptor for the application and, when a port is given, a TCP acceptor on 127.0.0.1 for other processes (an
 * ERP, the Artemis CLI). In production the application connects to an external broker instead
 * ({@code demo.broker.url}).
 */
final class EmbeddedArtemis implements AutoCloseable {

    private final Path dataDir;
    private final int tcpPort;
    /** Unique per instance, so that several brokers (tests) in one JVM never share an in-VM acceptor. */
    private final int serverId = 1 + ThreadLocalRandom.current().nextInt(1_000_000);
    private EmbeddedActiveMQ server;

    EmbeddedArtemis(Path dataDir, int tcpPort) {
        this.dataDir = dataDir;
        this.tcpPort = tcpPort;
    }

    EmbeddedArtemis start() {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("camel-antom-demo");
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        // as a broker.xml would: messages the broker gives up on (10 deliveries, expiry) are kept, per queue
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLA")).setAutoCreateDeadLetterResources(true)
                .setExpiryAddress(SimpleString.of("ExpiryQueue")).setAutoCreateExpiryResources(true));
        try {
            configuration.addAcceptorConfiguration("in-vm", inVmUrl());
            if (tcpPort > 0) {
                configuration.addAcceptorConfiguration("tcp", tcpUrl());
            }
            server = new EmbeddedActiveMQ();
            server.setConfiguration(configuration);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker (data in " + dataDir
                    + (tcpPort > 0 ? ", TCP port " + tcpPort + "; set demo.broker.port=0 to open none" : "") + ")", e);
        }
        return this;
    }

    /** The URL the application itself uses. */
    String inVmUrl() {
        return "vm://" + serverId;
    }

    /** The URL other processes use, or null when no TCP acceptor is open. */
    String tcpUrl() {
        return tcpPort > 0 ? "tcp://127.0.0.1:" + tcpPort : null;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the embedded Artemis broker", e);
            } finally {
                server = null;
            }
        }
    }
}
