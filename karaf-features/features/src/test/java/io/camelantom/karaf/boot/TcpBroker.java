package io.camelantom.karaf.boot;

import java.nio.file.Path;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real Artemis broker in the test JVM, persistent under a test-owned folder, reachable over TCP by Karaf. */
final class TcpBroker implements AutoCloseable {

    private final int port = KarafInstance.freePort();
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    TcpBroker(Path dataDir) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("karaf-boot-test-broker");
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        configuration.addAcceptorConfiguration("tcp", url());
        server.setConfiguration(configuration);
        server.start();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
