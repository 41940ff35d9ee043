package io.camelantom.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ERP: sends N canonical orders over TCP (transacted batches of 100), all at once, and reads every result from the
 * results queue. Latency is order sent → result received.
 */
final class OrderLoad {

    /** What one run of the order phase measured. */
    record Outcome(int orders, int results, int paid, int failed, int other, double seconds, long[] latenciesMillis,
            ResourceMeter.Usage usage, List<String[]> paidPayments) {
        double ordersPerSecond() {
            return results / seconds;
        }
    }

    private OrderLoad() {
    }

    /**
     * @param failedPercent the share of orders whose amount makes the simulator answer F (trigger .51)
     */
    static Outcome run(Application app, ResourceMeter meter, String runId, int orders, int failedPercent, long timeoutSeconds)
            throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        List<String[]> paid = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] counts = new int[3];
        CountDownLatch done = new CountDownLatch(orders);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(app.erpBrokerUrl());
        try (JMSContext results = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                JMSContext sender = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSConsumer consumer = results.createConsumer(results.createQueue("antom.results"));
            consumer.setMessageListener(message -> onResult(message, runId, receivedAt, paid, counts, done));
            JMSProducer producer = sender.createProducer();
            var queue = sender.createQueue("antom.orders");
            meter.start();
            for (int i = 0; i < orders; i++) {
                String orderId = runId + "-" + i;
                boolean failed = failedPercent > 0 && i % Math.max(1, 100 / failedPercent) == 0;
                String amount = (10 + i % 50) + (failed ? ".51" : ".00");
                TextMessage message = sender.createTextMessage(order(orderId, amount));
                sentAt.put(orderId, System.nanoTime());
                producer.send(queue, message);
                if (i % 100 == 99 || i == orders - 1) {
                    sender.commit();
                }
            }
            boolean complete = done.await(timeoutSeconds, TimeUnit.SECONDS);
            ResourceMeter.Usage usage = meter.stop();
            consumer.close();
            long last = receivedAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(last);
            double seconds = complete ? (last - first) / 1e9 : usage.seconds();
            long[] latencies = receivedAt.entrySet().stream().filter(e -> sentAt.containsKey(e.getKey()))
                    .mapToLong(e -> (e.getValue() - sentAt.get(e.getKey())) / 1_000_000).sorted().toArray();
            return new Outcome(orders, receivedAt.size(), counts[0], counts[1], counts[2], seconds, latencies, usage,
                    new ArrayList<>(paid));
        }
    }

    private static void onResult(Message message, String runId, Map<String, Long> receivedAt, List<String[]> paid,
            int[] counts, CountDownLatch done) {
        long now = System.nanoTime();
        try {
            JsonNode result = AntomJson.readTree(((TextMessage) message).getText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String orderId = result.path("orderId").asText();
            if (!orderId.startsWith(runId + "-") || receivedAt.putIfAbsent(orderId, now) != null) {
                return; // another run's, or a documented repeat
            }
            String status = result.path("status").asText();
            synchronized (counts) {
                if ("PAID".equals(status)) {
                    counts[0]++;
                    paid.add(new String[] { result.path("paymentRequestId").asText(), result.path("paymentId").asText(),
                            String.valueOf(result.path("amount").asText()), result.path("currency").asText() });
                } else if ("FAILED".equals(status)) {
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            }
            done.countDown();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable result", e);
        }
    }

    static String order(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                + "\"description\":\"Coffee beans\",\"buyerId\":\"C-1\",\"storeId\":\"S-1\","
                + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"281012020000123456\","
                + "\"scenario\":\"PaymentCode\"}}";
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
