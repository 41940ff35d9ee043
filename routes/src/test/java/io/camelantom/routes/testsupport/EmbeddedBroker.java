package io.camelantom.routes.testsupport;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real Apache Artemis broker inside the test JVM: persistent journal under a test-owned folder, reached through an
 * in-VM acceptor whose id is unique per instance, so tests never share a broker. It can be stopped and started again
 * over the same journal to prove that nothing sent before an outage is lost.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger(1000);

    private final Path dataDir;
    private final int serverId = IDS.incrementAndGet();
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(Path dataDir) {
        this.dataDir = dataDir;
    }

    public EmbeddedBroker start() {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("test-broker-" + serverId);
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        try {
            configuration.addAcceptorConfiguration("in-vm", brokerUrl());
            server = new EmbeddedActiveMQ();
            server.setConfiguration(configuration);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker", e);
        }
        return this;
    }

    public void stop() {
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

    public boolean isRunning() {
        return server != null;
    }

    /** The in-VM URL clients use, e.g. {@code vm://1001}. */
    public String brokerUrl() {
        return "vm://" + serverId;
    }

    /**
     * A connection factory for this broker. Clients fail fast while the broker is down (no endless reconnect), which
     * is what a route must see to refuse an acknowledgement.
     */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(brokerUrl());
    }

    /** Receives one message from a queue, or {@code null} after the timeout. */
    public Message receive(String queue, long timeoutMillis) {
        try (JMSContext context = connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            return consumer.receive(timeoutMillis);
        }
    }

    /** Counts the messages waiting on a queue without consuming them. */
    public int count(String queue) {
        try (JMSContext context = connectionFactory().createContext()) {
            int count = 0;
            var browser = context.createBrowser(context.createQueue(queue));
            for (var e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                count++;
            }
            browser.close();
            return count;
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("Cannot browse queue " + queue, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
