package io.camelantom.routes.console;

import java.util.List;
import java.util.Map;

/**
 * The Antom call timer ({@code antom.calls}, tags {@code operation}, {@code outcome}, {@code result.code}) as the
 * console's latency chart shows it: one row per operation and outcome. Read from Micrometer when a
 * {@code MeterRegistry} is there ({@link MicrometerCallLatency}); otherwise {@link #NONE}.
 */
interface CallLatency {

    /** The timer's name, as the metrics of the {@code antom:} component register it. */
    String TIMER = "antom.calls";

    /** No Micrometer: the chart says metrics are not enabled. */
    CallLatency NONE = () -> null;

    /**
     * Rows {@code operation, outcome, count, meanMillis, maxMillis}, or null when metrics are not enabled.
     */
    List<Map<String, Object>> rows();
}
