package io.camelantom.routes.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.camelantom.model.Amount;
import io.camelantom.model.AntomNotification;
import io.camelantom.model.CaptureNotification;
import io.camelantom.model.PaymentNotification;
import io.camelantom.model.RefundNotification;
import io.camelantom.notification.AntomNotificationVerifier;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.notification.NotificationRejectedException.Reason;
import io.camelantom.signing.AntomSignatureException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The checks of the notification bridge, in order: body size, required headers, known client-id, request-time inside
 * the skew window, signature over the raw bytes (the connector's {@link AntomNotificationVerifier}, the one verifier
 * of the project), then the fields the bridge keys on. Anything wrong raises {@link NotificationRejectedException};
 * nothing of the body is parsed before the signature matched.
 * <p>
 * On success the message is what will be published: the original JSON text as body (the bytes Antom signed, decoded
 * as UTF-8, never re-serialised), the request's HTTP headers removed, and the {@link AntomRouteHeaders} set. The
 * de-duplication key is left in the exchange property {@link #KEY_PROPERTY}.
 */
public final class NotificationGate implements Processor {

    /** Exchange property: the de-duplication key (also the Artemis duplicate-detection id). */
    public static final String KEY_PROPERTY = "CamelAntomNotificationKey";
    /** Exchange property: the endpoint URI the notification is published to. */
    public static final String DESTINATION_PROPERTY = "CamelAntomNotificationDestination";
    /** Exchange property: the verified client-id (echoed in the acknowledgement). */
    public static final String CLIENT_ID_PROPERTY = "CamelAntomNotificationClientId";
    /** Exchange property: a short description of the notification for log lines (type and ids, no personal data). */
    public static final String SUMMARY_PROPERTY = "CamelAntomNotificationSummary";
    /** notifyType used in keys and logs for a verified notification without a notifyType field. */
    static final String UNTYPED = "UNTYPED";

    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{10,16}");
    /** ISO-8601 local date-time (fraction optional) with an offset written without a colon, e.g. +0530. */
    private static final DateTimeFormatter BASIC_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter();
    private static final int MAX_KEY_LENGTH = 200;

    private final AntomNotificationVerifier verifier;
    private final NotificationDestinations destinations;
    private final Set<String> clientIds;
    private final String notificationPath;
    private final long maxBodySize;
    private final Duration allowedClockSkew;
    private final Clock clock;

    /**
     * @param verifier         verifies the signature with Antom's public key(s)
     * @param destinations     where each notification type is published
     * @param clientIds        the client ids this bridge accepts notifications for
     * @param notificationPath the path Antom signed (the notification URL's path as registered with Antom)
     * @param maxBodySize      the largest body accepted, in bytes
     * @param allowedClockSkew how far request-time may be from this host's clock, either way
     * @param clock            this host's clock
     */
    public NotificationGate(AntomNotificationVerifier verifier, NotificationDestinations destinations, Set<String> clientIds,
                            String notificationPath, long maxBodySize, Duration allowedClockSkew, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        if (clientIds == null || clientIds.isEmpty()) {
            throw new IllegalArgumentException("clientIds: at least one client id is needed to accept notifications");
        }
        this.clientIds = Set.copyOf(clientIds);
        if (notificationPath == null || !notificationPath.startsWith("/")) {
            throw new IllegalArgumentException("notificationPath: must be the path Antom signs, starting with '/': " + notificationPath);
        }
        this.notificationPath = notificationPath;
        if (maxBodySize <= 0) {
            throw new IllegalArgumentException("maxBodySize: must be positive: " + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
        if (allowedClockSkew == null || allowedClockSkew.isNegative() || allowedClockSkew.isZero()) {
            throw new IllegalArgumentException("allowedClockSkew: must be positive: " + allowedClockSkew);
        }
        this.allowedClockSkew = allowedClockSkew;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Long contentLength = contentLength(message);
        if (contentLength != null && contentLength > maxBodySize) {
            throw rejected(Reason.BODY_TOO_LARGE, "the body has " + contentLength + " bytes, more than " + maxBodySize);
        }
        byte[] body = readBody(message);
        String clientId = message.getHeader("client-id", String.class);
        String requestTime = message.getHeader("request-time", String.class);
        String signature = message.getHeader("signature", String.class);
        if (isBlank(clientId)) {
            throw rejected(Reason.MISSING_HEADER, "the client-id header is missing");
        }
        if (isBlank(requestTime)) {
            throw rejected(Reason.MISSING_HEADER, "the request-time header is missing");
        }
        if (isBlank(signature)) {
            throw rejected(Reason.INVALID_SIGNATURE, "the signature header is missing");
        }
        if (body.length == 0) {
            throw rejected(Reason.MISSING_HEADER, "the body is empty");
        }
        if (!clientIds.contains(clientId)) {
            throw rejected(Reason.UNKNOWN_CLIENT, "client-id " + abbreviate(clientId) + " is not served here");
        }
        checkRequestTime(requestTime);

        AntomNotification notification;
        try {
            notification = verifier.verify(notificationPath, clientId, requestTime, signature, body);
        } catch (AntomSignatureException e) {
            throw rejected(Reason.INVALID_SIGNATURE, "the signature does not verify (" + e.getReason() + ")");
        } catch (IllegalArgumentException e) {
            // the parser's message may quote the body: keep it out of answers and logs
            throw rejected(Reason.MALFORMED_NOTIFICATION, "the signed body is not a JSON object");
        }

        String key = deduplicationKey(notification, body);
        message.removeHeaders("*");
        setHeaders(message, notification);
        message.setBody(new String(body, StandardCharsets.UTF_8));
        exchange.setProperty(KEY_PROPERTY, key);
        exchange.setProperty(DESTINATION_PROPERTY, destinations.forType(notification.getNotifyType()));
        exchange.setProperty(CLIENT_ID_PROPERTY, clientId);
        exchange.setProperty(SUMMARY_PROPERTY, summary(notification));
    }

    private static Long contentLength(Message message) {
        try {
            return message.getHeader("Content-Length", Long.class);
        } catch (RuntimeException unreadable) {
            // the body's actual size is checked below anyway
            return null;
        }
    }

    private byte[] readBody(Message message) throws IOException, InvalidPayloadException {
        Object raw = message.getBody();
        if (raw == null) {
            return new byte[0];
        }
        if (raw instanceof InputStream in) {
            // read at most one byte more than allowed: an oversized stream is never loaded whole
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (bytes.length > maxBodySize) {
                throw rejected(Reason.BODY_TOO_LARGE, "the body has more than " + maxBodySize + " bytes");
            }
            return bytes;
        }
        byte[] bytes = message.getMandatoryBody(byte[].class);
        if (bytes.length > maxBodySize) {
            throw rejected(Reason.BODY_TOO_LARGE, "the body has " + bytes.length + " bytes, more than " + maxBodySize);
        }
        return bytes;
    }

    private void checkRequestTime(String requestTime) {
        Instant sent;
        try {
            sent = parseRequestTime(requestTime);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw rejected(Reason.BAD_REQUEST_TIME, "the request-time header is not an ISO-8601 time with offset: "
                                                    + abbreviate(requestTime));
        }
        Duration off = Duration.between(clock.instant(), sent).abs();
        if (off.compareTo(allowedClockSkew) > 0) {
            throw rejected(Reason.STALE_REQUEST_TIME, "request-time " + abbreviate(requestTime) + " is " + off.toSeconds()
                                                      + " s away from this host's clock (allowed: " + allowedClockSkew.toSeconds() + " s)");
        }
    }

    /**
     * Reads a {@code request-time}: ISO-8601 with an offset, with or without fractions of a second
     * ({@code 2019-07-12T12:08:56.253+05:30}, {@code ...Z}, {@code ...+0530}), or epoch milliseconds (the form of
     * merchant requests).
     */
    static Instant parseRequestTime(String value) {
        String s = value.trim();
        if (EPOCH_MILLIS.matcher(s).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s, BASIC_OFFSET).toInstant();
        }
    }

    /**
     * The identity of a notification: (notifyType, the merchant's request id, Antom's id, the status). A resend has the
     * same key; a new outcome (another status) has a new one. Types this version does not model are keyed on a hash of
     * their body, which a resend repeats byte for byte.
     */
    static String deduplicationKey(AntomNotification notification, byte[] body) {
        String type = notification.getNotifyType() == null ? UNTYPED : notification.getNotifyType();
        String resultStatus = notification.getResult() == null ? null : notification.getResult().getResultStatus();
        String key;
        if (notification instanceof PaymentNotification payment) {
            requireOne(type, "paymentRequestId or paymentId", payment.getPaymentRequestId(), payment.getPaymentId());
            requireOne(type, "result.resultStatus", resultStatus);
            key = join(type, payment.getPaymentRequestId(), payment.getPaymentId(), resultStatus);
        } else if (notification instanceof RefundNotification refund) {
            requireOne(type, "refundRequestId or refundId", refund.getRefundRequestId(), refund.getRefundId());
            String status = refund.getRefundStatus() != null ? refund.getRefundStatus() : resultStatus;
            requireOne(type, "refundStatus or result.resultStatus", status);
            key = join(type, refund.getRefundRequestId(), refund.getRefundId(), status);
        } else if (notification instanceof CaptureNotification capture) {
            requireOne(type, "captureRequestId or captureId", capture.getCaptureRequestId(), capture.getCaptureId());
            requireOne(type, "result.resultStatus", resultStatus);
            key = join(type, capture.getCaptureRequestId(), capture.getCaptureId(), resultStatus);
        } else {
            key = join(type, sha256(body.clone()));
        }
        return key.length() <= MAX_KEY_LENGTH ? key : join(type, sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static void setHeaders(Message message, AntomNotification notification) {
        set(message, AntomRouteHeaders.NOTIFY_TYPE, notification.getNotifyType());
        if (notification.getResult() != null) {
            set(message, AntomRouteHeaders.RESULT_STATUS, notification.getResult().getResultStatus());
            set(message, AntomRouteHeaders.RESULT_CODE, notification.getResult().getResultCode());
        }
        Amount amount = null;
        if (notification instanceof PaymentNotification payment) {
            set(message, AntomRouteHeaders.PAYMENT_REQUEST_ID, payment.getPaymentRequestId());
            set(message, AntomRouteHeaders.PAYMENT_ID, payment.getPaymentId());
            amount = payment.getPaymentAmount();
        } else if (notification instanceof RefundNotification refund) {
            set(message, AntomRouteHeaders.PAYMENT_ID, refund.getPaymentId());
            set(message, AntomRouteHeaders.REFUND_REQUEST_ID, refund.getRefundRequestId());
            set(message, AntomRouteHeaders.REFUND_ID, refund.getRefundId());
            set(message, AntomRouteHeaders.REFUND_STATUS, refund.getRefundStatus());
            amount = refund.getRefundAmount();
        } else if (notification instanceof CaptureNotification capture) {
            set(message, AntomRouteHeaders.PAYMENT_ID, capture.getPaymentId());
            set(message, AntomRouteHeaders.CAPTURE_REQUEST_ID, capture.getCaptureRequestId());
            set(message, AntomRouteHeaders.CAPTURE_ID, capture.getCaptureId());
            amount = capture.getCaptureAmount();
        }
        if (amount != null) {
            set(message, AntomRouteHeaders.AMOUNT_VALUE, amount.getValue());
            set(message, AntomRouteHeaders.CURRENCY, amount.getCurrency());
        }
    }

    /** Type and ids only: what a log line may say about a notification. */
    static String summary(AntomNotification notification) {
        StringBuilder s = new StringBuilder(notification.getNotifyType() == null ? UNTYPED : notification.getNotifyType());
        if (notification instanceof PaymentNotification p) {
            s.append(" paymentRequestId=").append(p.getPaymentRequestId()).append(" paymentId=").append(p.getPaymentId());
        } else if (notification instanceof RefundNotification r) {
            s.append(" refundRequestId=").append(r.getRefundRequestId()).append(" refundId=").append(r.getRefundId())
                    .append(" refundStatus=").append(r.getRefundStatus());
        } else if (notification instanceof CaptureNotification c) {
            s.append(" captureRequestId=").append(c.getCaptureRequestId()).append(" captureId=").append(c.getCaptureId());
        }
        if (notification.getResult() != null) {
            s.append(" result=").append(notification.getResult().getResultStatus()).append('/')
                    .append(notification.getResult().getResultCode());
        }
        return s.toString();
    }

    private static void set(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    private static void requireOne(String type, String what, String... values) {
        for (String v : values) {
            if (!isBlank(v)) {
                return;
            }
        }
        throw rejected(Reason.MALFORMED_NOTIFICATION, "the " + type + " notification has no " + what);
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String part : parts) {
            if (!s.isEmpty()) {
                s.append('|');
            }
            s.append(part == null ? "" : part);
        }
        return s.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static NotificationRejectedException rejected(Reason reason, String message) {
        return new NotificationRejectedException(reason, message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 64) + "...";
    }

    @Override
    public String toString() {
        return "NotificationGate[path=" + notificationPath + ", clientIds=" + clientIds + ", maxBodySize=" + maxBodySize
               + ", allowedClockSkew=" + allowedClockSkew + "]";
    }
}
