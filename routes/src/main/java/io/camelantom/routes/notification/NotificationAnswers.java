package io.camelantom.routes.notification;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelantom.model.AntomJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP answers of the notification bridge and its log lines. Only {@link #acknowledge} answers with Antom's
 * SUCCESS body; every other answer makes Antom send the notification again (or, for a 4xx, tells an attacker or a
 * misconfigured sender why it was refused). No log line holds body content: type, ids and the reason only.
 */
public final class NotificationAnswers {

    /** The acknowledgement Antom expects, byte for byte. */
    public static final String ACKNOWLEDGEMENT = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";
    /** HTTP status answered when the notification could not be published: Antom sends it again later. */
    public static final int UNAVAILABLE_STATUS = 503;

    private static final Logger LOG = LoggerFactory.getLogger(NotificationAnswers.class);
    private static final byte[] ACKNOWLEDGEMENT_BYTES = ACKNOWLEDGEMENT.getBytes(StandardCharsets.UTF_8);

    private NotificationAnswers() {
    }

    /** After the publication (or on a known duplicate): HTTP 200 with exactly {@link #ACKNOWLEDGEMENT}. */
    public static void acknowledge(Exchange exchange) {
        String summary = exchange.getProperty(NotificationGate.SUMMARY_PROPERTY, String.class);
        if (exchange.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)) {
            LOG.info("Antom notification {} is a duplicate: acknowledged, not published again", summary);
        } else {
            LOG.info("Antom notification {} published and acknowledged", summary);
        }
        answer(exchange, 200, ACKNOWLEDGEMENT_BYTES);
        String clientId = exchange.getProperty(NotificationGate.CLIENT_ID_PROPERTY, String.class);
        if (clientId != null) {
            exchange.getMessage().setHeader("client-id", clientId);
        }
    }

    /** A refused notification: 4xx with a short reason, one WARN line, nothing published. */
    public static void reject(Exchange exchange) {
        NotificationRejectedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, NotificationRejectedException.class);
        NotificationRejectedException.Reason reason = e == null ? NotificationRejectedException.Reason.MALFORMED_NOTIFICATION : e.getReason();
        String message = e == null ? "refused" : e.getMessage();
        LOG.warn("Antom notification refused with HTTP {} {}: {}", reason.httpStatus(), reason.resultCode(), message);
        answer(exchange, reason.httpStatus(), result("F", reason.resultCode(), message));
    }

    /** The notification could not be published (broker down, send failed...): 503, Antom sends it again. */
    public static void unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String summary = exchange.getProperty(NotificationGate.SUMMARY_PROPERTY, String.class);
        LOG.error("Antom notification {} not published, answered HTTP {} so that Antom sends it again: {}",
                summary == null ? "(not read)" : summary, UNAVAILABLE_STATUS, describe(cause));
        answer(exchange, UNAVAILABLE_STATUS, result("U", "UNKNOWN_EXCEPTION",
                "the notification could not be accepted now; send it again"));
    }

    private static void answer(Exchange exchange, int status, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("response-time", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        message.setBody(body);
    }

    private static byte[] result(String status, String code, String text) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("resultCode", code);
        result.put("resultStatus", status);
        result.put("resultMessage", text);
        try {
            return AntomJson.mapper().writeValueAsBytes(Map.of("result", result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception chain as class names and messages (JMS and JDBC messages hold no body content). */
    private static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null && s.length() < 600; c = c.getCause()) {
            if (!s.isEmpty()) {
                s.append(" <- ");
            }
            s.append(c.getClass().getName());
            if (c.getMessage() != null) {
                s.append(": ").append(c.getMessage());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return s.isEmpty() ? "unknown cause" : s.toString();
    }
}
