package io.camelantom.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelantom.signing.AntomSigner;

/**
 * Delivers signed notifications (Antom → merchant) and resends them on Antom's schedule until the merchant
 * acknowledges. Each attempt is recorded. The schedule lists the wait before each delivery, counted from the previous
 * one (Antom's 0 s, 2 min, 10 min, ...), divided by the time scale.
 */
final class NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    /** The acknowledgement Antom asks merchants to send, compared as JSON (formatting and key order are free). */
    static final String ACKNOWLEDGEMENT = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    /** One notification to deliver; the body is fixed for all attempts, the time and signature are made per attempt. */
    record Notification(String clientId, String paymentRequestId, String refundRequestId, String notifyType, String url,
            byte[] body) {
    }

    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final AntomSigner signer;
    private final Faults faults;
    private final List<Duration> schedule;
    private final Clock clock;
    private final AmsJson json;
    private final JsonNode expectedAcknowledgement;
    private final List<NotificationAttempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();

    NotificationSender(ScheduledExecutorService scheduler, HttpClient http, AntomSigner signer, Faults faults,
            List<Duration> scaledSchedule, Clock clock, AmsJson json) {
        this.scheduler = scheduler;
        this.http = http;
        this.signer = signer;
        this.faults = faults;
        this.schedule = List.copyOf(scaledSchedule);
        this.clock = clock;
        this.json = json;
        ObjectMapper mapper = json.mapper();
        try {
            this.expectedAcknowledgement = mapper.readTree(ACKNOWLEDGEMENT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Schedules the first delivery. Never blocks. */
    void send(Notification notification) {
        schedule(notification, 1, generation.get());
    }

    private void schedule(Notification notification, int attemptNumber, long gen) {
        Duration wait = schedule.get(attemptNumber - 1).plus(faults.notificationDelay());
        try {
            scheduler.schedule(() -> attempt(notification, attemptNumber, gen), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the simulator is closing
        }
    }

    private void attempt(Notification notification, int attemptNumber, long gen) {
        if (gen != generation.get()) {
            return;
        }
        boolean acknowledged;
        if (faults.takeDrop()) {
            record(notification, attemptNumber, -1, "dropped by fault injection", false);
            acknowledged = false;
        } else {
            acknowledged = deliver(notification, attemptNumber);
            if (faults.duplicate()) {
                acknowledged |= deliver(notification, attemptNumber);
            }
        }
        if (!acknowledged && attemptNumber < schedule.size() && gen == generation.get()) {
            schedule(notification, attemptNumber + 1, gen);
        }
    }

    private boolean deliver(Notification notification, int attemptNumber) {
        URI uri = URI.create(notification.url());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestTime = json.time(clock.instant());
        String signature = signer.sign("POST", path, notification.clientId(), requestTime, notification.body()).format();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("client-id", notification.clientId())
                .header("request-time", requestTime)
                .header("signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean ack = response.statusCode() == 200 && isAcknowledgement(response.body());
            record(notification, attemptNumber, response.statusCode(), response.body(), ack);
            return ack;
        } catch (IOException e) {
            record(notification, attemptNumber, -1, "I/O error: " + e.getClass().getSimpleName()
                                                    + (e.getMessage() == null ? "" : " " + e.getMessage()), false);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(notification, attemptNumber, -1, "interrupted (simulator closing)", false);
            return false;
        }
    }

    private boolean isAcknowledgement(String body) {
        try {
            return body != null && expectedAcknowledgement.equals(json.mapper().readTree(body));
        } catch (IOException e) {
            return false;
        }
    }

    private void record(Notification n, int attemptNumber, int status, String body, boolean ack) {
        attempts.add(new NotificationAttempt(n.paymentRequestId(), n.notifyType(), n.url(), attemptNumber, Instant.now(),
                status, body, ack, n.refundRequestId()));
        LOG.info("{} notification for paymentRequestId {} attempt {} to {}: HTTP {}{}", n.notifyType(), n.paymentRequestId(),
                attemptNumber, n.url(), status, ack ? " acknowledged" : " not acknowledged");
    }

    List<NotificationAttempt> attempts() {
        return List.copyOf(attempts);
    }

    List<NotificationAttempt> attempts(String paymentRequestId) {
        return attempts.stream().filter(a -> a.paymentRequestId().equals(paymentRequestId)).toList();
    }

    /** Forgets every attempt and stops pending resends. */
    void reset() {
        generation.incrementAndGet();
        attempts.clear();
    }
}
