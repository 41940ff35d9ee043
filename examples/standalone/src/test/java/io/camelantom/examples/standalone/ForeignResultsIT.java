package io.camelantom.examples.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.broker.EmbeddedBroker;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's ERP side reads only its own run's results: a result and a dead letter that belong to someone else (a
 * real ERP's order, or a run killed before its summary) stay on the queues for their owner, with or without orders fed.
 */
class ForeignResultsIT {

    @TempDir
    Path dir;

    @Test
    void resultsOfOrdersTheRunDidNotFeedStayOnTheQueue() throws Exception {
        Path config = DemoRun.config(dir, new Properties());
        Path brokerData = dir.resolve("data").resolve("broker");
        String foreignResult = "{\"orderId\":\"ERP-7\",\"paymentRequestId\":\"ERP-7\",\"status\":\"PAID\"}";
        String foreignDeadLetter = "{\"orderId\":\"ERP-8\"}";
        try (EmbeddedBroker broker = new EmbeddedBroker(brokerData).start();
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.inVmUrl());
                JMSContext context = factory.createContext()) {
            TextMessage result = context.createTextMessage(foreignResult);
            result.setStringProperty(AntomRouteHeaders.ORDER_ID, "ERP-7");
            context.createProducer().send(context.createQueue("antom.results"), result);
            TextMessage dead = context.createTextMessage(foreignDeadLetter);
            dead.setStringProperty(AntomRouteHeaders.DEAD_LETTER_REASON, "amount: missing");
            context.createProducer().send(context.createQueue("antom.orders.DLQ"), dead);
        }

        DemoRun.run(config, 0, Map.of());
        DemoRun fed = DemoRun.run(config, 4, Map.of());
        assertThat(fed.report.complete()).isTrue();
        assertThat(fed.report.counts().settled()).isEqualTo(4);
        assertThat(fed.report.counts().deadLetters()).isZero();

        try (EmbeddedBroker broker = new EmbeddedBroker(brokerData).start();
                ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.inVmUrl());
                JMSContext context = factory.createContext()) {
            assertThat(texts(context, "antom.results")).containsExactly(foreignResult);
            assertThat(texts(context, "antom.orders.DLQ")).containsExactly(foreignDeadLetter);
        }
    }

    private static List<String> texts(JMSContext context, String queue) throws Exception {
        List<String> texts = new ArrayList<>();
        QueueBrowser browser = context.createBrowser(context.createQueue(queue));
        for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
            texts.add(((TextMessage) (Message) e.nextElement()).getText());
        }
        browser.close();
        return texts;
    }
}
