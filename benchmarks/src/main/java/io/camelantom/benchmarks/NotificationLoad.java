package io.camelantom.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.signing.AntomSigner;

/**
 * Antom: N signed PAYMENT_RESULT notifications, each for a different payment, posted by S concurrent senders to the
 * notification bridge's real HTTP endpoint. The payments are those the order phase paid, topped up with payments
 * registered in the ledger as PAID beforehand (a storm of notifications for payments settled earlier), so every
 * notification is new to the de-duplication store, is published, and the order bridge settles each as the documented
 * repeat. Signing, seeding and building each request's bytes are done before the clock starts: they are Antom's cost,
 * not the bridge's; each sender posts on its own kept-alive connection ({@link KeepAliveSender}).
 */
final class NotificationLoad {

    record Outcome(int notifications, int acknowledged, int refused, int senders, double seconds, long[] latenciesMillis,
            ResourceMeter.Usage usage) {
        double perSecond() {
            return acknowledged / seconds;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private NotificationLoad() {
    }

    static Outcome run(Application app, ResourceMeter meter, PrivateKey antomKey, List<String[]> paid, String runId,
            int count, int senders) throws Exception {
        List<String[]> payments = new ArrayList<>(paid.subList(0, Math.min(paid.size(), count)));
        payments.addAll(seedPaidPayments(app, runId, count - payments.size()));
        AntomSigner signer = new AntomSigner(antomKey, 1);
        List<byte[]> requests = new ArrayList<>(count);
        URI uri = URI.create(app.notificationUrl());
        for (int i = 0; i < count; i++) {
            String[] p = payments.get(i);
            byte[] body = ("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                    + "\"resultMessage\":\"success.\"},\"paymentRequestId\":\"" + p[0] + "\",\"paymentId\":\"" + p[1]
                    + "\",\"paymentAmount\":{\"currency\":\"" + p[3] + "\",\"value\":\"" + minor(p[2]) + "\"},"
                    + "\"paymentCreateTime\":\"2026-11-22T08:00:00+08:00\",\"notifyId\":\"N-" + i + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String time = OffsetDateTime.now(ZoneOffset.ofHours(8)).format(TIME);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=UTF-8");
            headers.put("client-id", SimulatorProcess.CLIENT_ID);
            headers.put("request-time", time);
            headers.put("signature", signer.sign("POST", Application.NOTIFY_PATH, SimulatorProcess.CLIENT_ID, time, body).format());
            requests.add(KeepAliveSender.request(uri, headers, body));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] latencies = new long[count];
        meter.start();
        long start = System.nanoTime();
        Workers.run(senders, () -> {
            try (KeepAliveSender sender = new KeepAliveSender(uri)) {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long t0 = System.nanoTime();
                    try {
                        KeepAliveSender.Answer answer = sender.send(requests.get(i));
                        if (answer.status() == 200 && answer.body().contains("\"S\"")) {
                            acknowledged.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                        sender.close();
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1_000_000;
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        ResourceMeter.Usage usage = meter.stop();
        java.util.Arrays.sort(latencies);
        return new Outcome(count, acknowledged.get(), refused.get(), senders, seconds, latencies, usage);
    }

    /**
     * Registers {@code count} payments in the ledger and settles them PAID with their result published, as the order
     * bridge would have: {paymentRequestId, paymentId, amount, currency} each.
     */
    private static List<String[]> seedPaidPayments(Application app, String runId, int count) throws Exception {
        List<String[]> seeded = java.util.Collections.synchronizedList(new ArrayList<>(Math.max(count, 0)));
        if (count <= 0) {
            return seeded;
        }
        PaymentLedger ledger = new PaymentLedger(app.ledger.dataSource);
        AtomicInteger next = new AtomicInteger();
        Workers.run(4, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                PaymentRecord payment = ledger.register(new NewPayment(runId + "-SEEDED-" + i, 1000, "USD",
                        "seeded for the notification phase", null, null)).payment();
                String paymentId = "SEEDED-" + runId + "-" + i;
                if (!ledger.transition(payment.paymentRequestId(), PaymentStatus.PENDING, PaymentStatus.PAID,
                        TransitionDetails.result("SUCCESS", "seeded").withPaymentId(paymentId))
                    || !ledger.markResultPublished(payment.paymentRequestId())) {
                    throw new IllegalStateException("could not seed " + payment.paymentRequestId());
                }
                seeded.add(new String[] { payment.paymentRequestId(), paymentId, "10.00", "USD" });
            }
        });
        return new ArrayList<>(seeded);
    }

    /** "10.00" → "1000" (the notification's amount is in minor units, as Antom sends it). */
    private static String minor(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).toBigInteger().toString();
    }
}
