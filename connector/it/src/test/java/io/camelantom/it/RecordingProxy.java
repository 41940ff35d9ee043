package io.camelantom.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A plain-HTTP forward proxy that records the request lines it forwards and, when given credentials, demands Basic
 * proxy authentication. Lets tests see the path the component really sent.
 */
final class RecordingProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "proxy-authorization",
            "proxy-connection", "keep-alive", "transfer-encoding", "upgrade", "expect");

    final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final HttpClient forward = HttpClient.newHttpClient();

    RecordingProxy(String username, String password) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String expected = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server.createContext("/", exchange -> {
            try (exchange) {
                if (expected != null && !expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"it\"");
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                URI target = exchange.getRequestURI();
                requestLines.add(exchange.getRequestMethod() + " " + target);
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_HEADERS.contains(name.toLowerCase())) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().map().forEach((name, values) -> {
                    if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                        values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                    }
                });
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
