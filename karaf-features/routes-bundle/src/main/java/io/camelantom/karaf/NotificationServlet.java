package io.camelantom.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Antom's notification POSTs, received by Karaf's HTTP service, to the notification bridge's {@code direct:}
 * consumer and writes its answer back.
 * <p>
 * Karaf 4.4's HTTP service (Pax Web 8) is a {@code javax.servlet} container, Camel 4's camel-servlet a
 * {@code jakarta.servlet} one, so this small servlet bridges the two: HTTP headers become message headers (the
 * notification gate reads {@code client-id}, {@code request-time}, {@code signature}, {@code Content-Length}), the
 * body is read as bytes, and the route's {@code CamelHttpResponseCode}, {@code Content-Type}, {@code response-time},
 * {@code client-id} and body are the response.
 */
final class NotificationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationServlet.class);
    private static final String[] ANSWER_HEADERS = { "response-time", "client-id" };

    private final transient ProducerTemplate producer;
    private final String endpointUri;
    private final int maxBodySize;

    NotificationServlet(ProducerTemplate producer, String endpointUri, int maxBodySize) {
        this.producer = producer;
        this.endpointUri = endpointUri;
        this.maxBodySize = maxBodySize;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // never buffer more than the limit: one byte more is enough to know it is too large
            body = in.readNBytes(maxBodySize + 1);
        }
        if (body.length > maxBodySize) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Exchange exchange = producer.send(endpointUri, ExchangePattern.InOut, e -> {
            Message in = e.getMessage();
            for (String name : Collections.list(request.getHeaderNames())) {
                in.setHeader(name, request.getHeader(name));
            }
            in.setHeader(Exchange.HTTP_METHOD, request.getMethod());
            in.setHeader(Exchange.HTTP_URI, request.getRequestURI());
            in.setHeader(Exchange.HTTP_PATH, request.getPathInfo());
            in.setBody(body);
        });
        Message answer = exchange.getMessage();
        if (exchange.getException() != null) {
            // the route answers every failure itself; this is a failure before or after it
            LOG.warn("Notification not handled: {}", exchange.getException().getClass().getName());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        response.setStatus(status == null ? HttpServletResponse.SC_OK : status);
        String contentType = answer.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        for (String name : ANSWER_HEADERS) {
            String value = answer.getHeader(name, String.class);
            if (value != null) {
                response.setHeader(name, value);
            }
        }
        byte[] out = answer.getBody(byte[].class);
        if (out != null) {
            response.setContentLength(out.length);
            response.getOutputStream().write(out);
        }
    }
}
