package io.camelantom.routes.result;

/**
 * Sends a result message to where the ERP reads results. Implementations throw when the message was not accepted; the
 * caller then does not record it as published.
 */
@FunctionalInterface
public interface ResultPublisher {

    void publish(PaymentResultMessage result);

    /** This publisher, counting each result it sent in {@code antom.results.published} (tag {@code status}). */
    default ResultPublisher countedIn(io.camelantom.metrics.AntomMeters meters) {
        if (!meters.isRecording()) {
            return this;
        }
        return result -> {
            publish(result);
            meters.count("antom.results.published", "status", result.publishedStatus());
        };
    }
}
