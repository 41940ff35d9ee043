package io.camelantom.simulator;

import java.security.PrivateKey;
import java.time.Duration;

/**
 * Fault injection for one simulator instance. API faults apply to {@code /ams/...} requests only (never to the admin
 * API); notification faults apply to delivery attempts. Thread-safe; every method returns {@code this} for chaining.
 */
public final class Faults {

    /** What to do with one incoming API request before it is processed. */
    /** What happens to one API request; {@code httpStatus} is the status of a FAIL answer, taken together with it. */
    record RequestFault(Kind kind, int httpStatus) {

        enum Kind {
            NONE, FAIL, RESET
        }
    }

    private final Countdown failNext = new Countdown();
    private int failStatus = 500;
    private final Countdown resetNext = new Countdown();
    private Duration latency = Duration.ZERO;
    private final Countdown dropNext = new Countdown();
    private boolean duplicate;
    private Duration notificationDelay = Duration.ZERO;
    private PrivateKey wrongKey;
    private final Countdown corruptEncryptedNext = new Countdown();

    Faults() {
    }

    /** The next {@code n} API requests are answered with {@code httpStatus} and an unsigned error body; nothing is processed. */
    public synchronized Faults failNextRequests(int n, int httpStatus) {
        if (httpStatus < 100 || httpStatus > 599) {
            throw new IllegalArgumentException("failNextRequests needs an HTTP status between 100 and 599");
        }
        failNext.set(n, "failNextRequests");
        this.failStatus = httpStatus;
        return this;
    }

    /** The next {@code n} API requests get their connection closed with no response; nothing is processed. */
    public synchronized Faults resetNextRequests(int n) {
        resetNext.set(n, "resetNextRequests");
        return this;
    }

    /** Real-time delay added before every API response. */
    public synchronized Faults latency(Duration latency) {
        this.latency = AntomSimulator.nonNegative(latency, "latency");
        return this;
    }

    /** The next {@code n} notification delivery attempts are not sent, yet count as attempts (the schedule goes on). */
    public synchronized Faults dropNotifications(int n) {
        dropNext.set(n, "dropNotifications");
        return this;
    }

    /** Each notification delivery is sent twice. */
    public synchronized Faults duplicateNotifications(boolean duplicate) {
        this.duplicate = duplicate;
        return this;
    }

    /** Real-time delay added before each notification delivery attempt. */
    public synchronized Faults delayNotifications(Duration delay) {
        this.notificationDelay = AntomSimulator.nonNegative(delay, "notification delay");
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
        corruptEncryptedNext.set(n, "garbleEncryptedAnswers");
        return this;
    }

    /** Removes every fault. */
    public synchronized Faults clear() {
        failNext.left = 0;
        failStatus = 500;
        resetNext.left = 0;
        latency = Duration.ZERO;
        dropNext.left = 0;
        duplicate = false;
        notificationDelay = Duration.ZERO;
        wrongKey = null;
        corruptEncryptedNext.left = 0;
        return this;
    }

    // ------------------------------------------------------------ used by the simulator

    /**
     * Takes the next request's fault. A FAIL carries the status set with it: read under the same lock, so a
     * {@link #failNextRequests} racing with the request cannot give it another status.
     */
    synchronized RequestFault takeRequestFault() {
        if (resetNext.take()) {
            return new RequestFault(RequestFault.Kind.RESET, 0);
        }
        return failNext.take() ? new RequestFault(RequestFault.Kind.FAIL, failStatus)
                : new RequestFault(RequestFault.Kind.NONE, 0);
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized boolean takeDrop() {
        return dropNext.take();
    }

    synchronized boolean duplicate() {
        return duplicate;
    }

    synchronized Duration notificationDelay() {
        return notificationDelay;
    }

    synchronized boolean takeGarbledEncryptedAnswer() {
        return corruptEncryptedNext.take();
    }

    synchronized PrivateKey wrongKey() {
        return wrongKey;
    }

    /** The fault settings as a JSON-friendly snapshot (no key material: only whether a wrong key is set). */
    synchronized java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("failNextRequests", failNext.left);
        map.put("failHttpStatus", failStatus);
        map.put("resetNextRequests", resetNext.left);
        map.put("latencyMillis", latency.toMillis());
        map.put("dropNotifications", dropNext.left);
        map.put("duplicateNotifications", duplicate);
        map.put("delayNotificationsMillis", notificationDelay.toMillis());
        map.put("signResponsesWithWrongKey", wrongKey != null);
        map.put("garbleEncryptedAnswers", corruptEncryptedNext.left);
        return map;
    }

    @Override
    public String toString() {
        return "Faults" + describe();
    }

    /** How many of the coming requests, answers or deliveries a fault still applies to (guarded by the Faults lock). */
    private static final class Countdown {
        int left;

        void set(int n, String fault) {
            if (n < 0) {
                throw new IllegalArgumentException(fault + " needs n >= 0");
            }
            left = n;
        }

        /** Whether the fault applies to this one; counts it. */
        boolean take() {
            if (left > 0) {
                left--;
                return true;
            }
            return false;
        }
    }
}
