package io.camelantom.simulator;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for one simulator instance. API faults apply to {@code /ams/...} requests only (never to the admin
 * API); notification faults apply to delivery attempts. Thread-safe; every method returns {@code this} for chaining.
 */
public final class Faults {

    /** What to do with one incoming API request before it is processed. */
    enum RequestFault {
        NONE, FAIL, RESET
    }

    private int failNext;
    private int failStatus = 500;
    private int resetNext;
    private Duration latency = Duration.ZERO;
    private int dropNext;
    private boolean duplicate;
    private Duration notificationDelay = Duration.ZERO;
    private PrivateKey wrongKey;
    private int corruptEncryptedNext;

    Faults() {
    }

    /** The next {@code n} API requests are answered with {@code httpStatus} and an unsigned error body; nothing is processed. */
    public synchronized Faults failNextRequests(int n, int httpStatus) {
        if (n < 0 || httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("failNextRequests needs n >= 0 and an HTTP status between 100 and 599");
        }
        this.failNext = n;
        this.failStatus = httpStatus;
        return this;
    }

    /** The next {@code n} API requests get their connection closed with no response; nothing is processed. */
    public synchronized Faults resetNextRequests(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("resetNextRequests needs n >= 0");
        }
        this.resetNext = n;
        return this;
    }

    /** Real-time delay added before every API response. */
    public synchronized Faults latency(Duration latency) {
        this.latency = nonNegative(latency, "latency");
        return this;
    }

    /** The next {@code n} notification delivery attempts are not sent, yet count as attempts (the schedule goes on). */
    public synchronized Faults dropNotifications(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("dropNotifications needs n >= 0");
        }
        this.dropNext = n;
        return this;
    }

    /** Each notification delivery is sent twice. */
    public synchronized Faults duplicateNotifications(boolean duplicate) {
        this.duplicate = duplicate;
        return this;
    }

    /** Real-time delay added before each notification delivery attempt. */
    public synchronized Faults delayNotifications(Duration delay) {
        this.notificationDelay = nonNegative(delay, "notification delay");
        return this;
    }

    /** Signs API responses with this key instead of the Antom key, so clients can prove they fail closed. {@code null} undoes it. */
    public synchronized Faults signResponsesWith(PrivateKey wrongKey) {
        this.wrongKey = wrongKey;
        return this;
    }

    /**
     * Encrypts the next {@code n} encrypted (v2) answers with a key other than the one the client expects, signed
     * properly over that ciphertext: clients must refuse an answer they cannot decrypt.
     */
    public synchronized Faults garbleEncryptedAnswers(int n) {
        this.corruptEncryptedNext = Math.max(0, n);
        return this;
    }

    /** Removes every fault. */
    public synchronized Faults clear() {
        failNext = 0;
        failStatus = 500;
        resetNext = 0;
        latency = Duration.ZERO;
        dropNext = 0;
        duplicate = false;
        notificationDelay = Duration.ZERO;
        wrongKey = null;
        corruptEncryptedNext = 0;
        return this;
    }

    // ------------------------------------------------------------ used by the simulator

    synchronized RequestFault takeRequestFault() {
        if (resetNext > 0) {
            resetNext--;
            return RequestFault.RESET;
        }
        if (failNext > 0) {
            failNext--;
            return RequestFault.FAIL;
        }
        return RequestFault.NONE;
    }

    synchronized int failStatus() {
        return failStatus;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized boolean takeDrop() {
        if (dropNext > 0) {
            dropNext--;
            return true;
        }
        return false;
    }

    synchronized boolean duplicate() {
        return duplicate;
    }

    synchronized Duration notificationDelay() {
        return notificationDelay;
    }

    synchronized boolean takeGarbledEncryptedAnswer() {
        if (corruptEncryptedNext > 0) {
            corruptEncryptedNext--;
            return true;
        }
        return false;
    }

    synchronized PrivateKey wrongKey() {
        return wrongKey;
    }

    /** The fault settings as a JSON-friendly snapshot (no key material: only whether a wrong key is set). */
    synchronized java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("failNextRequests", failNext);
        map.put("failHttpStatus", failStatus);
        map.put("resetNextRequests", resetNext);
        map.put("latencyMillis", latency.toMillis());
        map.put("dropNotifications", dropNext);
        map.put("duplicateNotifications", duplicate);
        map.put("delayNotificationsMillis", notificationDelay.toMillis());
        map.put("signResponsesWithWrongKey", wrongKey != null);
        map.put("garbleEncryptedAnswers", corruptEncryptedNext);
        return map;
    }

    private static Duration nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        return d;
    }

    @Override
    public String toString() {
        return "Faults" + describe();
    }
}
