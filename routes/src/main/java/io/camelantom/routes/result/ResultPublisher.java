package io.camelantom.routes.result;

/**
 * Sends a result message to where the ERP reads results. Implementations throw when the message was not accepted; the
 * caller then does not record it as published.
 */
@FunctionalInterface
public interface ResultPublisher {

    void publish(PaymentResultMessage result);
}
