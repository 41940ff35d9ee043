package io.camelantom.routes.order;

import static io.camelantom.routes.order.OrderBridgeHarness.RESULTS;
import static io.camelantom.routes.order.OrderBridgeHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelantom.routes.testsupport.Await;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, tracing: Camel's OpenTelemetry support (camel-opentelemetry2) in both applications, spans kept by the
 * SDK's in-memory exporter. An order is one trace from its JMS consumption through {@code antom:pay} to the result
 * message; Antom's notification is one trace from the HTTP request to the JMS send. Antom's ids are span attributes,
 * nothing else of the payment is. The tracer and the propagators are beans of each context: nothing global.
 */
class TracingIT {

    private static final AttributeKey<String> PAYMENT_REQUEST_ID = AttributeKey.stringKey("antom.paymentRequestId");

    @TempDir
    Path dir;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private OrderBridgeHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
        provider.close();
    }

    private void traced(CamelContext context) {
        context.getRegistry().bind("tracer", provider.get("camel-antom-test"));
        context.getRegistry().bind("propagators", ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        new OpenTelemetryTracer().init(context);
    }

    @Test
    void anOrderAndItsNotificationAreTracedWithAntomsIds() throws Exception {
        h = new OrderBridgeHarness(dir).withNotifications(this::traced);
        h.startApp(OrderBridgeHarness.ContextCustomizerNone.NONE, this::traced);

        h.sendOrder(order("SO-TRACE-1", "12.34"));
        assertThat(h.take(RESULTS, 1)).hasSize(1);
        // the simulator notifies the payment: wait for the bridge's span of that request to end
        Await.until("the notification's span", Duration.ofSeconds(20), () -> notificationSpan().isPresent());

        // the order: one trace from the orders queue through antom:pay to the results queue
        SpanData pay = only(s -> s.getName().equals("antom:pay"));
        assertThat(pay.getAttributes().get(PAYMENT_REQUEST_ID)).isEqualTo("SO-TRACE-1");
        assertThat(pay.getAttributes().get(AttributeKey.stringKey("antom.resultStatus"))).isEqualTo("S");
        assertThat(pay.getAttributes().get(AttributeKey.stringKey("antom.resultCode"))).isEqualTo("SUCCESS");
        assertThat(pay.getAttributes().get(AttributeKey.stringKey("antom.paymentId"))).isNotBlank();
        assertThat(pay.getAttributes().get(AttributeKey.stringKey("antom.operation"))).isEqualTo("pay");
        List<SpanData> orderTrace = trace(pay.getTraceId());
        SpanData consumed = root(orderTrace);
        assertThat(consumed.getName()).as(names(spans.getFinishedSpanItems())).contains("antom.orders");
        assertThat(ancestors(pay, orderTrace)).contains(consumed);
        SpanData resultSent = orderTrace.stream().filter(s -> s.getName().contains("antom.results")).findFirst()
                .orElseThrow(() -> new AssertionError("no span sending the result in " + names(orderTrace)));
        assertThat(ancestors(resultSent, orderTrace)).contains(consumed);

        // the notification: one trace from the HTTP request to the JMS send, the ids on the request's span
        SpanData received = notificationSpan().orElseThrow();
        assertThat(received.getAttributes().get(AttributeKey.stringKey("antom.notifyType"))).isEqualTo("PAYMENT_RESULT");
        assertThat(received.getAttributes().get(PAYMENT_REQUEST_ID)).isEqualTo("SO-TRACE-1");
        assertThat(received.getAttributes().get(AttributeKey.stringKey("antom.paymentId")))
                .isEqualTo(pay.getAttributes().get(AttributeKey.stringKey("antom.paymentId")));
        assertThat(received.getAttributes().get(AttributeKey.stringKey("antom.resultStatus"))).isEqualTo("S");
        List<SpanData> notificationTrace = trace(received.getTraceId());
        assertThat(root(notificationTrace)).isEqualTo(received);
        SpanData published = notificationTrace.stream()
                .filter(s -> s.getName().contains("antom.notifications.payment")).findFirst()
                .orElseThrow(() -> new AssertionError("no span publishing the notification in " + names(notificationTrace)));
        assertThat(ancestors(published, notificationTrace)).contains(received);

        // only Antom's ids and codes as attributes of ours: no amounts, buyer data, keys or signatures
        for (SpanData span : spans.getFinishedSpanItems()) {
            span.getAttributes().forEach((key, value) -> {
                if (key.getKey().startsWith("antom.")) {
                    assertThat(key.getKey()).isIn("antom.operation", "antom.paymentRequestId", "antom.paymentId",
                            "antom.refundRequestId", "antom.refundId", "antom.notifyType", "antom.resultStatus",
                            "antom.resultCode");
                }
                assertThat(String.valueOf(value)).doesNotContain("PRIVATE KEY").doesNotContain("signature=");
            });
        }
    }

    private Optional<SpanData> notificationSpan() {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getAttributes().get(AttributeKey.stringKey("antom.notifyType")) != null).findFirst();
    }

    private SpanData only(java.util.function.Predicate<SpanData> which) {
        List<SpanData> found = spans.getFinishedSpanItems().stream().filter(which).toList();
        assertThat(found).as(names(spans.getFinishedSpanItems())).hasSize(1);
        return found.get(0);
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData root(List<SpanData> trace) {
        List<SpanData> roots = trace.stream().filter(s -> !s.getParentSpanContext().isValid()).toList();
        assertThat(roots).as("the roots of " + names(trace)).hasSize(1);
        return roots.get(0);
    }

    /** The span's parent, its parent's parent... within the trace. */
    private static List<SpanData> ancestors(SpanData span, List<SpanData> trace) {
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        List<SpanData> chain = new java.util.ArrayList<>();
        SpanData current = byId.get(span.getParentSpanId());
        while (current != null) {
            chain.add(current);
            current = byId.get(current.getParentSpanId());
        }
        return chain;
    }

    private static String names(List<SpanData> list) {
        return list.stream().map(s -> s.getName() + "(" + s.getTraceId().substring(0, 6) + ":" + s.getSpanId()
                + "<-" + s.getParentSpanId() + ")")
                .collect(Collectors.joining(", "));
    }
}
