package io.camelantom.tracing;

import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.SpanStorageManagerExchange;

/** The camel-telemetry side of {@link AntomSpans}; loaded only when camel-telemetry is on the class path. */
final class TelemetrySpans {

    /** camel-telemetry keeps an exchange's open spans on the exchange itself (not per thread). */
    private static final SpanStorageManagerExchange STORAGE = new SpanStorageManagerExchange();

    private TelemetrySpans() {
    }

    static void tagCurrent(Exchange exchange) {
        Span span = STORAGE.peek(exchange);
        if (span != null) {
            tag(span, exchange);
        }
    }

    /** The created exchange's spans will have the processing exchange's current span as parent. */
    static void continueTrace(Exchange processing, Exchange created) {
        Span span = STORAGE.peek(processing);
        if (span != null && STORAGE.peek(created) == null) {
            STORAGE.push(created, span);
        }
    }

    static void tag(Span span, Exchange exchange) {
        AntomSpans.ATTRIBUTES.forEach((header, attribute) -> {
            Object value = exchange.getMessage().getHeader(header);
            if (value != null) {
                span.setTag(attribute, value.toString());
            }
        });
    }
}
