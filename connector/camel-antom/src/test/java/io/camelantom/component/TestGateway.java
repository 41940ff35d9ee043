package io.camelantom.component;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import io.camelantom.signing.AntomSigner;

/**
 * A minimal signed HTTP endpoint for unit tests of the producer's own logic (headers, paths, bodies). Behaviour of
 * Antom itself is tested against the simulator in connector/it.
 */
final class TestGateway implements AutoCloseable {

    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AntomSigner antomSigner;
    volatile String echoClientId;
    volatile Function<Received, String> answer = r -> "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultMessage\":\"success\",\"resultStatus\":\"S\"}}";

    TestGateway(KeyPair antomKeys) throws IOException {
        this.antomSigner = new AntomSigner(antomKeys.getPrivate(), 1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received r = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(r);
            byte[] out = answer.apply(r).getBytes(StandardCharsets.UTF_8);
            String time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String clientId = echoClientId != null ? echoClientId : r.header("client-id");
            exchange.getResponseHeaders().add("client-id", clientId);
            exchange.getResponseHeaders().add("response-time", time);
            exchange.getResponseHeaders().add("signature", antomSigner.sign("POST", r.path(), clientId, time, out).format());
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
