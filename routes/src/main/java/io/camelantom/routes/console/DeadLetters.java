package io.camelantom.routes.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.camelantom.routes.AntomRouteHeaders;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * The dead-letter queues as the console shows them: browse (without consuming) and re-drive one message to the queue
 * it came from ({@link AntomRouteHeaders#DEAD_LETTER_ORIGIN}), taken and sent in one transacted JMS session, so a
 * failure leaves it on the dead-letter queue and a success leaves exactly one copy on the origin queue.
 * <p>
 * What is shown: the JMS id and time, the reason, the origin queue, the {@code CamelAntom...} properties (ids,
 * status) and the body's size; not the body, which may hold personal data the ledger does not.
 */
final class DeadLetters {

    /** JMS message ids as Artemis makes them ({@code ID:} then a UUID): nothing else reaches a selector. */
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[A-Za-z0-9:_\\-]{1,100}");
    private static final long RECEIVE_TIMEOUT_MILLIS = 5_000;
    /** Properties a re-driven message sheds: the verdict, and the time its unknown payment was first seen. */
    private static final Set<String> SHED = Set.of(AntomRouteHeaders.DEAD_LETTER_REASON,
            AntomRouteHeaders.DEAD_LETTER_ORIGIN, AntomRouteHeaders.UNKNOWN_PAYMENT_SINCE);

    private final java.util.function.Supplier<ConnectionFactory> connectionFactory;
    private final List<String> queues;

    DeadLetters(java.util.function.Supplier<ConnectionFactory> connectionFactory, List<String> queues) {
        this.connectionFactory = connectionFactory;
        this.queues = List.copyOf(queues);
    }

    List<String> queues() {
        return queues;
    }

    /** Up to {@code limit} messages of each dead-letter queue, oldest first. */
    Map<String, List<Map<String, Object>>> browse(int limit) throws JMSException {
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        try (Connection connection = connectionFactory.get().createConnection()) {
            connection.start();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                for (String queue : queues) {
                    List<Map<String, Object>> messages = new ArrayList<>();
                    try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                        Enumeration<?> e = browser.getEnumeration();
                        while (e.hasMoreElements() && messages.size() < limit) {
                            messages.add(describe(queue, (Message) e.nextElement()));
                        }
                    }
                    result.put(queue, messages);
                }
            }
        }
        return result;
    }

    /**
     * Moves one dead letter back to its origin queue. Returns the origin queue.
     *
     * @throws IllegalArgumentException when the queue is not a configured dead-letter queue, the id is malformed, the
     *                                  message is gone (re-driven by someone else) or names no origin
     */
    String redrive(String queue, String messageId) throws JMSException {
        if (!queues.contains(queue)) {
            throw new IllegalArgumentException("'" + queue + "' is not one of the dead-letter queues " + queues);
        }
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("not a JMS message id: '" + messageId + "'");
        }
        try (Connection connection = connectionFactory.get().createConnection()) {
            connection.start();
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                        "JMSMessageID = '" + messageId + "'")) {
                    Message dead = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
                    if (dead == null) {
                        session.rollback();
                        throw new IllegalArgumentException("message " + messageId + " is no longer on " + queue);
                    }
                    String origin = dead.getStringProperty(AntomRouteHeaders.DEAD_LETTER_ORIGIN);
                    if (origin == null || origin.isBlank()) {
                        session.rollback();
                        throw new IllegalArgumentException("message " + messageId + " names no origin queue ("
                                + AntomRouteHeaders.DEAD_LETTER_ORIGIN + "); move it with the broker's tools");
                    }
                    Message copy = copy(session, dead);
                    Queue target = session.createQueue(origin);
                    try (MessageProducer producer = session.createProducer(target)) {
                        producer.send(copy);
                    }
                    session.commit();
                    return origin;
                }
            }
        }
    }

    private static Message copy(Session session, Message dead) throws JMSException {
        Message copy;
        if (dead instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (dead instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage b = session.createBytesMessage();
            b.writeBytes(body);
            copy = b;
        } else {
            throw new IllegalArgumentException("only text and bytes messages are re-driven, not "
                    + dead.getClass().getSimpleName());
        }
        List<String> names = new ArrayList<>();
        for (Object n : Collections.list(dead.getPropertyNames())) {
            names.add(n.toString());
        }
        for (String name : names) {
            if (!SHED.contains(name) && !name.startsWith("JMSX") && !name.startsWith("_AMQ")) {
                copy.setObjectProperty(name, dead.getObjectProperty(name));
            }
        }
        copy.setJMSCorrelationID(dead.getJMSCorrelationID());
        copy.setJMSType(dead.getJMSType());
        return copy;
    }

    private static Map<String, Object> describe(String queue, Message m) throws JMSException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("queue", queue);
        d.put("messageId", m.getJMSMessageID());
        d.put("timestamp", m.getJMSTimestamp() == 0 ? null : java.time.Instant.ofEpochMilli(m.getJMSTimestamp()).toString());
        d.put("reason", m.getStringProperty(AntomRouteHeaders.DEAD_LETTER_REASON));
        d.put("origin", m.getStringProperty(AntomRouteHeaders.DEAD_LETTER_ORIGIN));
        Map<String, Object> antom = new LinkedHashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            String n = name.toString();
            if (n.startsWith("CamelAntom") && !SHED.contains(n)) {
                antom.put(n, String.valueOf(m.getObjectProperty(n)));
            }
        }
        d.put("properties", antom);
        long size = m instanceof TextMessage t && t.getText() != null ? t.getText().length()
                : m instanceof BytesMessage b ? b.getBodyLength() : 0;
        d.put("bodySize", size);
        return d;
    }
}
