package io.camelantom.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomVerifier;

/**
 * A merchant's notification endpoint for tests: verifies each notification's signature with Antom's public key over
 * its own path, records it, and answers the acknowledgement unless told to fail the first N deliveries.
 */
final class NotificationReceiver implements AutoCloseable {

    static final String PATH = "/merchant/antom/notify";

    /** One received notification. */
    record Received(String clientId, String requestTime, JsonNode body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final AntomVerifier verifier;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile String answer = NotificationSender.ACKNOWLEDGEMENT;

    NotificationReceiver(PublicKey antomPublicKey) throws IOException {
        this(antomPublicKey, null);
    }

    /** With {@code tls} the endpoint is HTTPS. */
    NotificationReceiver(PublicKey antomPublicKey, javax.net.ssl.SSLContext tls) throws IOException {
        this.verifier = AntomVerifier.of(antomPublicKey);
        if (tls == null) {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            this.server = https;
        }
        server.createContext(PATH, exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String clientId = exchange.getRequestHeaders().getFirst("client-id");
                String time = exchange.getRequestHeaders().getFirst("request-time");
                boolean valid;
                try {
                    verifier.verify("POST", exchange.getRequestURI().getRawPath(), clientId, time, body,
                            exchange.getRequestHeaders().getFirst("signature"));
                    valid = true;
                } catch (AntomSignatureException e) {
                    valid = false;
                }
                received.add(new Received(clientId, time, AntomTestClient.MAPPER.readTree(body), valid));
                boolean fail = failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
                byte[] reply = (fail ? "{\"error\":\"not now\"}" : answer).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(fail ? 500 : 200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        });
        server.start();
    }

    String url() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String paymentRequestId) {
        return received.stream().filter(r -> paymentRequestId.equals(r.body().path("paymentRequestId").asText())).toList();
    }

    /** The next n deliveries are answered HTTP 500. */
    void failNext(int n) {
        failNext.set(n);
    }

    /** What the receiver answers with HTTP 200 (the acknowledgement by default). */
    void answer(String body) {
        this.answer = body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
