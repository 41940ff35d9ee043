package io.camelantom.tracing;

import java.util.Map;

import io.camelantom.component.AntomConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Antom's identifiers as span attributes when Camel traces (camel-opentelemetry2 or another camel-telemetry tracer):
 * {@code antom.paymentRequestId}, {@code antom.paymentId}, {@code antom.refundRequestId}, {@code antom.refundId},
 * {@code antom.notifyType}, {@code antom.resultStatus}, {@code antom.resultCode}, read from the exchange's
 * {@code CamelAntom...} headers. Only these ids and codes: never amounts, buyer data, keys or signatures. camel-telemetry
 * is optional: without it (or without a tracer) this does nothing.
 */
public final class AntomSpans {

    /** Header to attribute: the only values that become span attributes. */
    static final Map<String, String> ATTRIBUTES = Map.of(
            AntomConstants.PAYMENT_REQUEST_ID, "antom.paymentRequestId",
            AntomConstants.PAYMENT_ID, "antom.paymentId",
            "CamelAntomRefundRequestId", "antom.refundRequestId",
            AntomConstants.REFUND_ID, "antom.refundId",
            AntomConstants.NOTIFY_TYPE, "antom.notifyType",
            AntomConstants.RESULT_STATUS, "antom.resultStatus",
            AntomConstants.RESULT_CODE, "antom.resultCode");

    private static final boolean TELEMETRY = present();
    /**
     * The exchange a {@link #continuingTraces} processor is processing on this thread: exchanges it creates through a
     * ProducerTemplate join its trace through {@link #continueTrace}. Runtime context like a logging MDC, no settings.
     */
    private static final ThreadLocal<Exchange> PROCESSING = new ThreadLocal<>();

    private AntomSpans() {
    }

    /** Tags the span the exchange is in now (the route's span in a route's processor) with the ids it carries. */
    public static void tagCurrentSpan(Exchange exchange) {
        if (TELEMETRY) {
            TelemetrySpans.tagCurrent(exchange);
        }
    }

    /**
     * {@code processor}, letting the exchanges it sends through a ProducerTemplate (a new exchange each, without the
     * consumer's span) continue the trace of the exchange it processes: see {@link #continueTrace}.
     */
    public static Processor continuingTraces(Processor processor) {
        if (!TELEMETRY) {
            return processor;
        }
        return exchange -> {
            Exchange outer = PROCESSING.get();
            PROCESSING.set(exchange);
            try {
                processor.process(exchange);
            } finally {
                if (outer == null) {
                    PROCESSING.remove();
                } else {
                    PROCESSING.set(outer);
                }
            }
        };
    }

    /**
     * Makes {@code created} (an exchange a ProducerTemplate is filling, on the thread of a {@link #continuingTraces}
     * processor) a part of the trace of the exchange being processed: its spans become children of that exchange's
     * current span. Call it in the template's processor, before the send. Nothing happens without a tracer.
     */
    public static void continueTrace(Exchange created) {
        if (TELEMETRY) {
            Exchange processing = PROCESSING.get();
            if (processing != null && processing != created) {
                TelemetrySpans.continueTrace(processing, created);
            }
        }
    }

    private static boolean present() {
        try {
            Class.forName("org.apache.camel.telemetry.SpanStorageManagerExchange", false,
                    AntomSpans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
