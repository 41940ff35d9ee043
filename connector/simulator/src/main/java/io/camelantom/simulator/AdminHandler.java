package io.camelantom.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;

import io.camelantom.signing.AntomKeys;

/**
 * The admin API (unsigned JSON) and the two small HTML pages a browser may open: the cashier page behind a
 * CASHIER_PAYMENT redirect URL and the page behind an Order Code's QR payload. Every admin operation is the HTTP face of
 * a public method of {@link AntomSimulator}.
 */
final class AdminHandler {

    /** How one fault setting of the admin JSON is applied: its value, and the whole body for the settings that go with it. */
    @FunctionalInterface
    private interface FaultSetting {
        void apply(Faults faults, JsonNode value, JsonNode body);
    }

    /** The fault settings the admin API takes, by the names {@link Faults#describe()} reports. */
    private static final Map<String, FaultSetting> FAULT_SETTINGS = Map.of(
            "failNextRequests", (faults, value, body) -> faults.failNextRequests(value.asInt(), body.path("failHttpStatus").asInt(500)),
            "resetNextRequests", (faults, value, body) -> faults.resetNextRequests(value.asInt()),
            "latencyMillis", (faults, value, body) -> faults.latency(Duration.ofMillis(value.asLong())),
            "dropNotifications", (faults, value, body) -> faults.dropNotifications(value.asInt()),
            "duplicateNotifications", (faults, value, body) -> faults.duplicateNotifications(value.asBoolean()),
            "delayNotificationsMillis", (faults, value, body) -> faults.delayNotifications(Duration.ofMillis(value.asLong())),
            "garbleEncryptedAnswers", (faults, value, body) -> faults.garbleEncryptedAnswers(value.asInt()),
            "signResponsesWithWrongKey", (faults, value, body) -> faults.signResponsesWith(value.asBoolean()
                    ? AntomKeys.generateRsaKeyPair(2048).getPrivate() : null));

    private final AntomSimulator simulator;
    private final ObjectMapper mapper;

    AdminHandler(AntomSimulator simulator, ObjectMapper mapper) {
        this.simulator = simulator;
        // the snapshots (records) are written as they are; times as ISO-8601 instants, the jsr310 module is not needed
        this.mapper = mapper.copy().registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String[] parts = path.substring(1).split("/");
        try {
            if (parts[0].equals("cashier") || parts[0].equals("orderCode")) {
                page(exchange, parts);
                return;
            }
            // parts[0] == "admin"
            String resource = parts.length > 1 ? parts[1] : "";
            switch (resource) {
                case "payments" -> payments(exchange, method, parts);
                case "faults" -> faults(exchange, method, parts);
                case "notifications" -> {
                    requireMethod(method, "GET");
                    String id = queryParameter(exchange, "paymentRequestId");
                    List<NotificationAttempt> attempts = id == null ? simulator.notificationAttempts() : simulator.notificationAttempts(id);
                    ArrayNode array = mapper.createArrayNode();
                    attempts.forEach(a -> array.add(attemptJson(a)));
                    json(exchange, 200, array);
                }
                case "reset" -> {
                    requireMethod(method, "POST");
                    simulator.reset();
                    json(exchange, 200, message("reset"));
                }
                default -> json(exchange, 404, error("unknown admin path " + path
                                                      + "; see the simulator README for /admin/payments, /admin/faults, /admin/notifications, /admin/reset"));
            }
        } catch (NoSuchElementException e) {
            json(exchange, 404, error(e.getMessage()));
        } catch (IllegalStateException e) {
            json(exchange, 409, error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            json(exchange, 400, error(e.getMessage()));
        } catch (MethodNotAllowed e) {
            json(exchange, 405, error(e.getMessage()));
        }
    }

    private void payments(HttpExchange exchange, String method, String[] parts) throws IOException {
        if (parts.length == 2) {
            requireMethod(method, "GET");
            ArrayNode array = mapper.createArrayNode();
            simulator.payments().forEach(p -> array.add(paymentJson(p)));
            json(exchange, 200, array);
            return;
        }
        String id = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
        if (parts.length == 3) {
            requireMethod(method, "GET");
            SimulatedPayment payment = simulator.payment(id)
                    .orElseThrow(() -> new NoSuchElementException("no payment with paymentRequestId " + id));
            json(exchange, 200, paymentJson(payment));
            return;
        }
        requireMethod(method, "POST");
        switch (parts[3]) {
            case "scan" -> simulator.scanOrderCode(id);
            case "complete" -> {
                String success = queryParameter(exchange, "success");
                JsonNode body = readBody(exchange);
                if (success == null && body.has("success")) {
                    success = body.get("success").asText();
                }
                simulator.completePayment(id, success == null || Boolean.parseBoolean(success));
            }
            default -> throw new NoSuchElementException("unknown payment action " + parts[3] + " (scan, complete)");
        }
        json(exchange, 200, paymentJson(simulator.payment(id).orElseThrow()));
    }

    private void faults(HttpExchange exchange, String method, String[] parts) throws IOException {
        Faults faults = simulator.faults();
        if (parts.length > 2 && "clear".equals(parts[2]) || "DELETE".equals(method)) {
            if (!"DELETE".equals(method)) {
                requireMethod(method, "POST");
            }
            faults.clear();
        } else if ("POST".equals(method)) {
            JsonNode body = readBody(exchange);
            // in the order the request gives them; names this version does not know are ignored
            body.fields().forEachRemaining(setting -> {
                FaultSetting apply = FAULT_SETTINGS.get(setting.getKey());
                if (apply != null) {
                    apply.apply(faults, setting.getValue(), body);
                }
            });
        } else {
            requireMethod(method, "GET");
        }
        json(exchange, 200, mapper.valueToTree(faults.describe()));
    }

    private void page(HttpExchange exchange, String[] parts) throws IOException {
        String idOrCode = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        Optional<SimulatedPayment> found = simulator.paymentByIdOrCode(idOrCode);
        String html;
        int status = 200;
        if (found.isEmpty()) {
            status = 404;
            html = "<p>No payment " + escape(idOrCode) + " in this simulator.</p>";
        } else {
            SimulatedPayment p = found.get();
            String id = escape(java.net.URLEncoder.encode(p.paymentRequestId(), StandardCharsets.UTF_8));
            String actions = p.status() != PaymentStatus.PROCESSING ? "<p>Nothing left to do.</p>"
                    : parts[0].equals("cashier")
                            ? "<form method=\"post\" action=\"/admin/payments/" + id + "/complete?success=true\"><button>Pay</button></form>"
                              + "<form method=\"post\" action=\"/admin/payments/" + id + "/complete?success=false\"><button>Fail</button></form>"
                            : "<form method=\"post\" action=\"/admin/payments/" + id + "/scan\"><button>Scan</button></form>";
            html = "<h1>Antom simulator: " + (parts[0].equals("cashier") ? "cashier" : "Order Code") + "</h1>"
                   + "<p>paymentRequestId " + escape(p.paymentRequestId()) + ", " + escape(p.amountValue()) + " (minor units) "
                   + escape(p.currency()) + ", status " + p.status() + "</p>" + actions;
        }
        byte[] bytes = ("<!DOCTYPE html><html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A payment snapshot as admin JSON: its record's components by name, with its refunds and captures. */
    ObjectNode paymentJson(SimulatedPayment payment) {
        return mapper.valueToTree(payment);
    }

    private ObjectNode attemptJson(NotificationAttempt attempt) {
        return mapper.valueToTree(attempt);
    }

    private JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the admin request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the admin request body is not valid JSON");
        }
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void json(HttpExchange exchange, int status, JsonNode node) throws IOException {
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ObjectNode error(String message) {
        return mapper.createObjectNode().put("error", message);
    }

    private ObjectNode message(String message) {
        return mapper.createObjectNode().put("message", message);
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new MethodNotAllowed("use " + expected + " here");
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MethodNotAllowed(String message) {
            super(message, null, false, false);
        }
    }

}
