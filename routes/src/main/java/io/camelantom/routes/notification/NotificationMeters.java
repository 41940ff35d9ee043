package io.camelantom.routes.notification;

import java.util.Set;

import io.camelantom.metrics.AntomMeters;
import io.camelantom.routes.AntomRouteHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts what the bridge answered, as the last step of each of its paths: {@code antom.notifications.accepted}
 * (tag {@code type}), {@code .duplicates}, {@code .rejected} (tag {@code reason}, a
 * {@link NotificationRejectedException.Reason}) and {@code .publish.failures} (answered 503, Antom sends again). Every
 * meter is tagged {@code name} with the route's id, the template instance.
 */
final class NotificationMeters implements Processor {

    static final String PREFIX = "antom.notifications.";
    /** The notifyType values the bridge routes by name; any other is counted as OTHER (the tag stays bounded). */
    private static final Set<String> TYPES = Set.of("PAYMENT_RESULT", "PAYMENT_PENDING", "REFUND_RESULT",
            "CAPTURE_RESULT");

    private final AntomMeters meters;

    NotificationMeters(AntomMeters meters) {
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) {
        String name = exchange.getFromRouteId();
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught instanceof NotificationRejectedException rejected) {
            meters.count(PREFIX + "rejected", "name", name, "reason", rejected.getReason().name());
        } else if (caught != null) {
            meters.count(PREFIX + "publish.failures", "name", name);
        } else if (exchange.getProperty(Exchange.DUPLICATE_MESSAGE, false, Boolean.class)) {
            meters.count(PREFIX + "duplicates", "name", name);
        } else {
            String type = exchange.getMessage().getHeader(AntomRouteHeaders.NOTIFY_TYPE, String.class);
            meters.count(PREFIX + "accepted", "name", name, "type",
                    type != null && TYPES.contains(type) ? type : "OTHER");
        }
    }
}
