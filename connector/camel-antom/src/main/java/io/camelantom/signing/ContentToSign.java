package io.camelantom.signing;

import java.nio.charset.StandardCharsets;

/**
 * The exact bytes Antom signs for a request, a response or a notification:
 * {@code <METHOD> <URI>\n<client-id>.<time>.<body>}, UTF-8, with the body appended as the raw bytes that travel on
 * the wire. The body is never parsed or re-serialised: whitespace, key order and escaping are part of the signature.
 */
public final class ContentToSign {

    private ContentToSign() {
    }

    /**
     * @param method   HTTP method, {@code POST} for every Antom API
     * @param path     the URI path that was signed: the request path sent (sandbox path if rewritten) for requests and
     *                 responses, the merchant's own endpoint path for notifications
     * @param clientId the {@code client-id} header value
     * @param time     the {@code request-time} or {@code response-time} header value, verbatim
     * @param body     the raw body bytes
     */
    public static byte[] of(String method, String path, String clientId, String time, byte[] body) {
        require(method, "HTTP method");
        require(path, "request path");
        require(clientId, "client-id");
        require(time, "time header (request-time / response-time)");
        if (body == null) {
            throw new IllegalArgumentException("Content to sign: the body is missing (use an empty array for an empty body)");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Content to sign: the path must start with '/' and hold no scheme or host: " + path);
        }
        byte[] head = (method + " " + path + "\n" + clientId + "." + time + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return content;
    }

    private static void require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Content to sign: the " + what + " is missing");
        }
    }
}
