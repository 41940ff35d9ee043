package io.camelantom.routes.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.ledger.LedgerBatch;
import io.camelantom.routes.ledger.PaymentEvent;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.RefundRecord;
import io.camelantom.routes.reconciliation.Reconciliation;
import io.camelantom.routes.reconciliation.ReconciliationReport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations console behind one HTTP consumer: its page (static files from this jar) and its JSON API under
 * {@code <path>/api/} (see {@code docs/operations-console.md}). Every request is authenticated
 * ({@link ConsoleAuthentication}); state changes are POSTs that must carry the header {@value #CSRF_HEADER}, which a
 * cross-site form or link cannot send, and are audited: one WARN line with the operator's name, and a line in the
 * payment's history where there is a payment.
 */
final class OperationsConsole implements Processor {

    /** The header every state-changing request carries (CSRF defence: no cross-site page can set it). */
    static final String CSRF_HEADER = "X-Antom-Console";

    private static final Logger LOG = LoggerFactory.getLogger(OperationsConsole.class);
    private static final Map<String, String> STATIC_FILES = Map.of(
            "", "index.html", "index.html", "index.html", "console.js", "console.js", "console.css", "console.css");
    private static final Pattern PAYMENT = Pattern.compile("api/payments/([^/]{1,64})");
    private static final Pattern PAYMENT_ACTION = Pattern.compile("api/payments/([^/]{1,64})/(inquire|override)");
    private static final int MAX_BODY = 8192;
    private static final int LIST_LIMIT = 200;
    private static final int EVENT_LIMIT = 500;

    private final String path;
    private final ConsoleAuthentication authentication;
    private final PaymentLedger ledger;
    private final DeadLetters deadLetters;
    private final java.util.function.Supplier<Reconciliation> reconciliation;
    private final CallLatency latency;
    private final Clock clock;

    OperationsConsole(String path, ConsoleAuthentication authentication, PaymentLedger ledger, DeadLetters deadLetters,
            java.util.function.Supplier<Reconciliation> reconciliation, CallLatency latency, Clock clock) {
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.authentication = authentication;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.reconciliation = reconciliation;
        this.latency = latency;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String method = in.getHeader(Exchange.HTTP_METHOD, "GET", String.class).toUpperCase(java.util.Locale.ROOT);
        String relative = relativePath(in);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        String authorization = in.getHeader("Authorization", String.class);
        boolean fromPage = in.getHeader(CSRF_HEADER) != null;
        String body = "POST".equals(method) ? in.getBody(String.class) : null;
        // nothing of the request goes back as a response header (platform-http copies headers to the response)
        in.getHeaders().clear();
        in.setBody(null);
        Response response;
        try {
            response = handle(method, relative, query, authorization, fromPage, body);
        } catch (RuntimeException e) {
            LOG.warn("Operations console: {} {} failed: {}", method, relative, e.toString());
            response = Response.json(500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        }
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status);
        in.setHeader(Exchange.CONTENT_TYPE, response.contentType);
        in.setHeader("Cache-Control", "no-store");
        in.setHeader("X-Content-Type-Options", "nosniff");
        in.setHeader("X-Frame-Options", "DENY");
        in.setHeader("Referrer-Policy", "no-referrer");
        in.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                + "form-action 'none'; base-uri 'none'");
        response.headers.forEach(in::setHeader);
        in.setBody(response.body);
    }

    private Response handle(String method, String relative, String query, String authorization, boolean fromPage,
            String body) {
        if (relative == null) {
            // relative, so it holds behind a servlet context path or a proxy's prefix too
            return Response.redirect(path.substring(path.lastIndexOf('/') + 1) + "/");
        }
        if (!relative.startsWith("api/")) {
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                return Response.json(405, Map.of("error", "method not allowed"));
            }
            return staticFile(relative);
        }
        Optional<String> operator = authentication.operator(authorization);
        if (operator.isEmpty()) {
            Response refused = Response.json(401, Map.of("error", "authentication required"));
            if (!fromPage) {
                // scripts get the standard challenge; the page does not (no browser login dialog)
                refused.headers.put("WWW-Authenticate", "Basic realm=\"antom-operations-console\", charset=\"UTF-8\"");
            }
            return refused;
        }
        if ("POST".equals(method)) {
            if (!fromPage) {
                return Response.json(403, Map.of("error", "state changes need the header " + CSRF_HEADER));
            }
            if (body != null && body.length() > MAX_BODY) {
                return Response.json(413, Map.of("error", "body larger than " + MAX_BODY + " characters"));
            }
            return post(relative, operator.get(), body);
        }
        if (!"GET".equals(method)) {
            return Response.json(405, Map.of("error", "method not allowed"));
        }
        return get(relative, query(query), operator.get());
    }

    // ---------------------------------------------------------------- reads

    private Response get(String relative, Map<String, String> query, String operator) {
        switch (relative) {
            case "api/whoami":
                return Response.json(200, Map.of("operator", operator));
            case "api/payments":
                return search(query.getOrDefault("q", "").strip());
            case "api/payments/open":
                return open();
            case "api/dead-letters":
                return browseDeadLetters();
            case "api/charts/final-per-minute":
                return finalPerMinute(query);
            case "api/charts/antom-call-latency":
                return callLatency();
            default:
                Matcher m = PAYMENT.matcher(relative);
                if (m.matches()) {
                    return payment(m.group(1));
                }
                return Response.json(404, Map.of("error", "no such resource"));
        }
    }

    private Response search(String term) {
        if (term.isEmpty()) {
            return Response.json(400, Map.of("error", "parameter q (order id, paymentRequestId or paymentId) is empty"));
        }
        Map<String, PaymentRecord> found = new LinkedHashMap<>();
        ledger.find(term).ifPresent(p -> found.put(p.paymentRequestId(), p));
        ledger.findAttempts(term).payments().forEach(p -> found.put(p.paymentRequestId(), p));
        ledger.findByPaymentId(term).ifPresent(p -> found.put(p.paymentRequestId(), p));
        List<Map<String, Object>> payments = found.values().stream().map(this::payment).toList();
        return Response.json(200, Map.of("query", term, "payments", payments));
    }

    private Response payment(String paymentRequestId) {
        Optional<PaymentRecord> row = ledger.find(paymentRequestId);
        if (row.isEmpty()) {
            return Response.json(404, Map.of("error", "no payment " + paymentRequestId));
        }
        List<Map<String, Object>> events = ledger.events(paymentRequestId, EVENT_LIMIT).stream()
                .map(OperationsConsole::event).toList();
        List<Map<String, Object>> refunds = ledger.refunds().findForPayment(paymentRequestId).stream()
                .map(OperationsConsole::refund).toList();
        List<String> attempts = ledger.findAttempts(row.get().orderId()).payments().stream()
                .map(PaymentRecord::paymentRequestId).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payment", payment(row.get()));
        answer.put("attempts", attempts);
        answer.put("timeline", events);
        answer.put("refunds", refunds);
        return Response.json(200, answer);
    }

    private Response open() {
        LedgerBatch batch = ledger.findOpen(LIST_LIMIT);
        List<Map<String, Object>> payments = batch.payments().stream().map(this::payment).toList();
        List<Map<String, Object>> bad = batch.badRows().stream()
                .map(b -> Map.<String, Object>of("paymentRequestId", b.paymentRequestId(), "reason", b.reason()))
                .toList();
        return Response.json(200, Map.of("payments", payments, "badRows", bad));
    }

    private Response browseDeadLetters() {
        try {
            return Response.json(200, Map.of("queues", deadLetters.browse(LIST_LIMIT)));
        } catch (jakarta.jms.JMSException e) {
            LOG.warn("Operations console: cannot browse the dead-letter queues: {}", e.toString());
            return Response.json(503, Map.of("error", "broker unavailable: " + e.getClass().getSimpleName()));
        }
    }

    private Response finalPerMinute(Map<String, String> query) {
        int minutes = Math.max(1, Math.min(24 * 60, parseInt(query.get("minutes"), 60)));
        Instant since = clock.instant().minus(Duration.ofMinutes(minutes));
        List<Map<String, Object>> series = new ArrayList<>();
        ledger.finalPerMinute(since).forEach((minute, counts) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("minute", minute.toString());
            point.putAll(counts);
            series.add(point);
        });
        return Response.json(200, Map.of("minutes", minutes, "series", series));
    }

    private Response callLatency() {
        List<Map<String, Object>> rows = latency.rows();
        if (rows == null) {
            return Response.json(200, Map.of("enabled", false, "message",
                    "metrics are not enabled: no Micrometer MeterRegistry in this application"));
        }
        return Response.json(200, Map.of("enabled", true, "timer", CallLatency.TIMER, "rows", rows));
    }

    // ---------------------------------------------------------------- state changes

    private Response post(String relative, String operator, String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? AntomJson.mapper().createObjectNode() : AntomJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return Response.json(400, Map.of("error", "body is not JSON"));
        }
        if ("api/dead-letters/redrive".equals(relative)) {
            return redrive(operator, text(json, "queue"), text(json, "messageId"));
        }
        Matcher m = PAYMENT_ACTION.matcher(relative);
        if (!m.matches()) {
            return Response.json(404, Map.of("error", "no such action"));
        }
        String id = m.group(1);
        return "inquire".equals(m.group(2)) ? inquire(operator, id) : override(operator, id, json);
    }

    private Response inquire(String operator, String id) {
        Reconciliation r = reconciliation.get();
        if (r == null) {
            return Response.json(503, Map.of("error", "no reconciliation runs in this application"));
        }
        if (ledger.find(id).isEmpty()) {
            return Response.json(404, Map.of("error", "no payment " + id));
        }
        LOG.warn("Operations console: operator {} asked for a check of payment {} now", operator, id);
        ledger.recordEvent(id, PaymentEvent.OPERATOR_INQUIRY, "check now asked by " + operator);
        ReconciliationReport report = r.checkNow(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("checked", report.checked() > 0);
        answer.put("summary", report.summary());
        answer.put("payment", ledger.find(id).map(this::payment).orElse(null));
        return Response.json(200, answer);
    }

    private Response override(String operator, String id, JsonNode json) {
        String reason = text(json, "reason");
        Optional<PaymentStatus> expected = PaymentStatus.parse(text(json, "expected"));
        Optional<PaymentStatus> target = PaymentStatus.parse(text(json, "target"));
        if (reason == null || reason.isBlank()) {
            return Response.json(400, Map.of("error", "an override needs a reason"));
        }
        if (expected.isEmpty() || target.isEmpty() || !target.get().isFinal()) {
            return Response.json(400, Map.of("error", "expected must be a status and target one of PAID, FAILED, "
                    + "CANCELLED"));
        }
        boolean applied = ledger.operatorOverride(id, expected.get(), target.get(), operator, reason);
        LOG.warn("Operations console: operator {} override of payment {} {} -> {} {}: {}", operator, id,
                expected.get(), target.get(), applied ? "applied" : "not applied (status changed meanwhile)",
                reason.strip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("applied", applied);
        answer.put("payment", ledger.find(id).map(this::payment).orElse(null));
        return Response.json(applied ? 200 : 409, answer);
    }

    private Response redrive(String operator, String queue, String messageId) {
        try {
            String origin = deadLetters.redrive(queue, messageId);
            LOG.warn("Operations console: operator {} re-drove dead letter {} from {} to {}", operator, messageId,
                    queue, origin);
            return Response.json(200, Map.of("messageId", messageId, "redrivenTo", origin));
        } catch (IllegalArgumentException e) {
            return Response.json(409, Map.of("error", e.getMessage()));
        } catch (jakarta.jms.JMSException e) {
            LOG.warn("Operations console: re-drive of {} by {} failed: {}", messageId, operator, e.toString());
            return Response.json(503, Map.of("error", "broker unavailable: " + e.getClass().getSimpleName()));
        }
    }

    // ---------------------------------------------------------------- JSON shapes

    private Map<String, Object> payment(PaymentRecord p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentRequestId", p.paymentRequestId());
        m.put("orderId", p.orderId());
        m.put("attempt", p.attempt());
        m.put("amountMinor", p.amountMinor());
        m.put("currency", p.currency());
        m.put("status", p.status().name());
        m.put("final", p.status().isFinal());
        m.put("paymentId", p.paymentId());
        m.put("resultCode", p.resultCode());
        m.put("resultMessage", p.resultMessage());
        m.put("callCount", p.callCount());
        m.put("checkCount", p.checkCount());
        m.put("createdAt", time(p.createdAt()));
        m.put("updatedAt", time(p.updatedAt()));
        m.put("expiresAt", time(p.expiresAt()));
        m.put("nextCheckAt", time(p.nextCheckAt()));
        m.put("resultPublishedAt", time(p.resultPublishedAt()));
        m.put("operatorNote", p.operatorNote());
        m.put("ageSeconds", Duration.between(p.createdAt(), clock.instant()).toSeconds());
        return m;
    }

    private static Map<String, Object> event(PaymentEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", time(e.at()));
        m.put("kind", e.kind());
        m.put("detail", e.detail());
        return m;
    }

    private static Map<String, Object> refund(RefundRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refundRequestId", r.refundRequestId());
        m.put("erpRefundId", r.erpRefundId());
        m.put("amountMinor", r.amountMinor());
        m.put("currency", r.currency());
        m.put("status", r.status().name());
        m.put("refundId", r.refundId());
        m.put("resultCode", r.resultCode());
        m.put("createdAt", time(r.createdAt()));
        m.put("updatedAt", time(r.updatedAt()));
        return m;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    // ---------------------------------------------------------------- HTTP plumbing

    /** The request path below the console's path: "" for the page, null for the path itself (redirected to "/"). */
    String relativePath(Message in) {
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null) {
            uri = in.getHeader(Exchange.HTTP_PATH, "", String.class);
        }
        int q = uri.indexOf('?');
        if (q >= 0) {
            uri = uri.substring(0, q);
        }
        int at = uri.indexOf(path);
        if (at < 0) {
            return "";
        }
        String rest = uri.substring(at + path.length());
        if (rest.isEmpty()) {
            return null;
        }
        return URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
    }

    private static Response staticFile(String relative) {
        String file = STATIC_FILES.get(relative);
        if (file == null) {
            return Response.json(404, Map.of("error", "no such resource"));
        }
        try (InputStream in = OperationsConsole.class.getResourceAsStream(file)) {
            if (in == null) {
                return Response.json(500, Map.of("error", file + " missing from the jar"));
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            return new Response(200, type, in.readAllBytes());
        } catch (IOException e) {
            return Response.json(500, Map.of("error", "cannot read " + file));
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static int parseInt(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** One answer: status, content type, body, extra headers. */
    private static final class Response {
        final int status;
        final String contentType;
        final byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Response(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Response json(int status, Object value) {
            try {
                return new Response(status, "application/json", AntomJson.mapper().writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the console's JSON", e);
            }
        }

        static Response redirect(String location) {
            Response r = new Response(302, "text/plain; charset=utf-8", new byte[0]);
            r.headers.put("Location", location);
            return r;
        }
    }
}
