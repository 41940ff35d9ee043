package io.camelantom.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelantom.signing.AntomSigner;

/**
 * Antom: N signed PAYMENT_RESULT notifications (for payments the order phase paid, so the order bridge settles each as
 * the documented repeat) posted by S concurrent senders to the notification bridge's real HTTP endpoint. Signing is
 * done before the clock starts: it is Antom's cost, not the bridge's.
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

    static Outcome run(Application app, ResourceMeter meter, PrivateKey antomKey, List<String[]> payments, int count,
            int senders) throws Exception {
        AntomSigner signer = new AntomSigner(antomKey, 1);
        List<HttpRequest> requests = new ArrayList<>(count);
        URI uri = URI.create(app.notificationUrl());
        for (int i = 0; i < count; i++) {
            String[] p = payments.isEmpty() ? new String[] { "UNKNOWN-" + i, "P-" + i, "10.00", "USD" }
                    : payments.get(i % payments.size());
            byte[] body = ("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                    + "\"resultMessage\":\"success.\"},\"paymentRequestId\":\"" + p[0] + "\",\"paymentId\":\"" + p[1]
                    + "\",\"paymentAmount\":{\"currency\":\"" + p[3] + "\",\"value\":\"" + minor(p[2]) + "\"},"
                    + "\"paymentCreateTime\":\"2026-11-22T08:00:00+08:00\",\"notifyId\":\"N-" + i + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String time = OffsetDateTime.now(ZoneOffset.ofHours(8)).format(TIME);
            requests.add(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("client-id", SimulatorProcess.CLIENT_ID).header("request-time", time)
                    .header("signature", signer.sign("POST", Application.NOTIFY_PATH, SimulatorProcess.CLIENT_ID, time, body).format())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
        meter.start();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200 && response.body().contains("\"S\"")) {
                                acknowledged.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            refused.incrementAndGet();
                        }
                        latencies[i] = (System.nanoTime() - t0) / 1_000_000;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ResourceMeter.Usage usage = meter.stop();
        java.util.Arrays.sort(latencies);
        return new Outcome(count, acknowledged.get(), refused.get(), senders, seconds, latencies, usage);
    }

    /** "10.00" → "1000" (the notification's amount is in minor units, as Antom sends it). */
    private static String minor(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(2).toBigInteger().toString();
    }
}
