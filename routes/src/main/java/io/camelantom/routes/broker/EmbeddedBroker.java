package io.camelantom.routes.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The embedded default broker of the prebuilt routes: Apache Artemis inside the JVM, for demos, tests and benchmarks;
 * production connects to an external broker instead. Needs {@code org.apache.activemq:artemis-jakarta-server} on the
 * class path (an optional dependency of this module, like H2 for {@code EmbeddedLedgerDatabase}).
 * <ul>
 * <li>Persistent journal under a folder of the caller's (journal, bindings, large-messages, paging), so what was sent
 * before a stop or a kill is there after a start over the same folder.</li>
 * <li>An in-VM acceptor ({@link #inVmUrl()}) whose id is unique per instance, so several brokers in one JVM (tests,
 * several merchants) never share one; and, with {@link #tcpPort(int)}, a TCP acceptor on 127.0.0.1 for other
 * processes (an ERP, the Artemis CLI, a Karaf container, a crash test's application).</li>
 * <li>As a production {@code broker.xml} would be: a message the broker gives up on (10 deliveries by default, see
 * {@link #maxDeliveryAttempts(int)}; expiry) is moved
 * to the dead-letter address {@code DLA} or {@code ExpiryQueue}, one queue per original queue, never dropped.</li>
 * <li>No security: the acceptors are local.</li>
 * </ul>
 * {@link #stop()} and {@link #start()} again over the same folder simulate a broker outage.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger(1000);

    /** Deliveries after which the broker moves a message to {@code DLA}: Artemis' own default. */
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;

    private final Path dataDir;
    private final int serverId = IDS.incrementAndGet();
    private int tcpPort;
    private int maxDeliveryAttempts = DEFAULT_MAX_DELIVERY_ATTEMPTS;
    private EmbeddedActiveMQ server;

    /** A broker with its files in {@code dataDir} (created when missing); {@link #start()} starts it. */
    public EmbeddedBroker(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Also opens a TCP acceptor on 127.0.0.1 at this port (0 or less: none, the default); call before {@link #start}. */
    public EmbeddedBroker tcpPort(int port) {
        this.tcpPort = port;
        return this;
    }

    /**
     * Deliveries after which the broker moves a message to the dead-letter address ({@value
     * #DEFAULT_MAX_DELIVERY_ATTEMPTS} by default; -1: never). Keep it above the order bridge's
     * {@code maximumDeliveries}, which parks or dead-letters with a reason first. Call before {@link #start}.
     */
    public EmbeddedBroker maxDeliveryAttempts(int attempts) {
        if (attempts == 0 || attempts < -1) {
            throw new IllegalArgumentException("maxDeliveryAttempts must be positive or -1, was " + attempts);
        }
        this.maxDeliveryAttempts = attempts;
        return this;
    }

    /** Starts the broker (again, after {@link #stop()}, over the same journal). */
    public EmbeddedBroker start() {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName("camel-antom-broker-" + serverId);
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(dataDir.resolve("journal").toString());
        configuration.setBindingsDirectory(dataDir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
        configuration.setPagingDirectory(dataDir.resolve("paging").toString());
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLA")).setAutoCreateDeadLetterResources(true)
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setExpiryAddress(SimpleString.of("ExpiryQueue")).setAutoCreateExpiryResources(true));
        try {
            configuration.addAcceptorConfiguration("in-vm", inVmUrl());
            if (tcpPort > 0) {
                configuration.addAcceptorConfiguration("tcp", tcpUrl());
            }
            EmbeddedActiveMQ started = new EmbeddedActiveMQ();
            started.setConfiguration(configuration);
            started.start();
            server = started;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker (data in " + dataDir
                    + (tcpPort > 0 ? ", TCP port " + tcpPort : "") + ")", e);
        }
        return this;
    }

    /** Stops the broker; the journal stays. Clients see the outage. */
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

    /** The URL clients in this JVM use, e.g. {@code vm://1001}. */
    public String inVmUrl() {
        return "vm://" + serverId;
    }

    /** The URL other processes use, or null when no TCP acceptor is open. */
    public String tcpUrl() {
        return tcpPort > 0 ? "tcp://127.0.0.1:" + tcpPort : null;
    }

    /**
     * A connection factory over the in-VM acceptor. Clients fail fast while the broker is down (no endless
     * reconnect), which is what a route must see to refuse an acknowledgement.
     */
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(inVmUrl());
    }

    /** Receives one message from a queue, or {@code null} after the timeout (tests, operators' checks). */
    public Message receive(String queue, long timeoutMillis) {
        try (JMSContext context = connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            return consumer.receive(timeoutMillis);
        }
    }

    /**
     * Receives {@code expected} messages from a queue, waiting up to {@code timeout} for them, then whatever else
     * arrives within 300 ms, so that a test also sees a message it did not expect (a duplicate result).
     */
    public List<Message> receive(String queue, int expected, Duration timeout) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        try (JMSContext context = connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            while (messages.size() < expected && System.currentTimeMillis() < deadline) {
                Message m = consumer.receive(Math.max(1, deadline - System.currentTimeMillis()));
                if (m != null) {
                    messages.add(m);
                }
            }
            Message m;
            while ((m = consumer.receive(300)) != null) {
                messages.add(m);
            }
        }
        return messages;
    }

    /** How many messages a queue has received since the broker started, consumed ones included (0: no such queue). */
    public long messagesAdded(String queue) {
        var found = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessagesAdded();
    }

    /** Counts the messages waiting on a queue without consuming them. */
    public int count(String queue) {
        try (JMSContext context = connectionFactory().createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(queue))) {
            int count = 0;
            for (var e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                count++;
            }
            return count;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse queue " + queue, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
