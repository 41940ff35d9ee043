package io.camelantom.routes.notification;

import java.util.Objects;

import io.camelantom.model.AntomNotification;

/**
 * Where each notification type is published: endpoint URIs with the delivery options already appended.
 *
 * @param paymentResult  PAYMENT_RESULT
 * @param paymentPending PAYMENT_PENDING
 * @param refundResult   REFUND_RESULT
 * @param captureResult  CAPTURE_RESULT
 * @param other          any other verified notification (disputes, authorisations, types added by Antom later)
 */
public record NotificationDestinations(String paymentResult, String paymentPending, String refundResult,
        String captureResult, String other) {

    public NotificationDestinations {
        Objects.requireNonNull(paymentResult, "paymentResult");
        Objects.requireNonNull(paymentPending, "paymentPending");
        Objects.requireNonNull(refundResult, "refundResult");
        Objects.requireNonNull(captureResult, "captureResult");
        Objects.requireNonNull(other, "other");
    }

    /** The endpoint URI for a notifyType ({@code null} for a notification without one). */
    public String forType(String notifyType) {
        if (notifyType == null) {
            return other;
        }
        return switch (notifyType) {
            case AntomNotification.PAYMENT_RESULT -> paymentResult;
            case AntomNotification.PAYMENT_PENDING -> paymentPending;
            case AntomNotification.REFUND_RESULT -> refundResult;
            case AntomNotification.CAPTURE_RESULT -> captureResult;
            default -> other;
        };
    }

    /**
     * A destination with options appended: {@code jms:queue:x} + {@code deliveryMode=2} gives
     * {@code jms:queue:x?deliveryMode=2}.
     *
     * @param options           endpoint options to append, or {@code null}
     * @param connectionFactory bean name of a JMS connection factory, or {@code null}
     */
    public static String withOptions(String destination, String options, String connectionFactory) {
        StringBuilder uri = new StringBuilder(destination.strip());
        if (options != null && !options.isBlank()) {
            uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(options.strip());
        }
        if (connectionFactory != null && !connectionFactory.isBlank()) {
            uri.append(uri.indexOf("?") < 0 ? '?' : '&').append("connectionFactory=#bean:").append(connectionFactory.strip());
        }
        return uri.toString();
    }
}
