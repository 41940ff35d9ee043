package io.camelantom.kamelets;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.camelantom.component.AntomConfiguration;
import io.camelantom.notification.AntomNotificationVerifier;
import io.camelantom.routes.notification.NotificationDestinations;
import io.camelantom.routes.notification.NotificationGate;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.util.TimeUtils;

/**
 * The {@code antom-notification-source} Kamelet's check of each notification: the notification bridge's
 * {@link NotificationGate} (size, headers, client-id, request-time window, signature over the raw bytes, fields), made
 * from the Kamelet's properties. A notification that passes leaves as an event: the original JSON text and the
 * {@code CamelAntom...} headers, plus {@value #KEY_HEADER}, the bridge's de-duplication key, for consumers that
 * de-duplicate (Antom sends a notification again until it is acknowledged).
 */
public class NotificationSourceGate implements Processor, CamelContextAware {

    /** Header: the notification's de-duplication key (type and ids), the same the bridge keys on. */
    public static final String KEY_HEADER = NotificationGate.KEY_PROPERTY;

    private static final String SINK = "kamelet:sink";

    private CamelContext camelContext;
    private String antomPublicKey;
    private String clientIds;
    private String notificationPath;
    private long maxBodySize = 65536;
    private String allowedClockSkew = "5m";
    private volatile NotificationGate gate;

    @Override
    public void process(Exchange exchange) throws Exception {
        if (camelContext == null) {
            camelContext = exchange.getContext();
        }
        gate().process(exchange);
        exchange.getMessage().setHeader(KEY_HEADER, exchange.getProperty(NotificationGate.KEY_PROPERTY));
    }

    private NotificationGate gate() {
        NotificationGate current = gate;
        if (current == null) {
            synchronized (this) {
                if (gate == null) {
                    gate = create();
                }
                current = gate;
            }
        }
        return current;
    }

    private NotificationGate create() {
        // the component's own way of reading Antom public keys (PEM, base64, N: key versions, comma-separated)
        AntomConfiguration keys = new AntomConfiguration();
        keys.setAntomPublicKey(antomPublicKey);
        AntomNotificationVerifier verifier = new AntomNotificationVerifier(keys.createVerifier(camelContext));
        Set<String> ids = new LinkedHashSet<>();
        if (clientIds != null) {
            Arrays.stream(clientIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        return new NotificationGate(verifier, new NotificationDestinations(SINK, SINK, SINK, SINK, SINK), ids, notificationPath,
                maxBodySize, Duration.ofMillis(TimeUtils.toMilliSeconds(allowedClockSkew)), Clock.systemUTC());
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public void setAntomPublicKey(String antomPublicKey) {
        this.antomPublicKey = antomPublicKey;
    }

    public void setClientIds(String clientIds) {
        this.clientIds = clientIds;
    }

    public void setNotificationPath(String notificationPath) {
        this.notificationPath = notificationPath;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public void setAllowedClockSkew(String allowedClockSkew) {
        this.allowedClockSkew = allowedClockSkew;
    }

    @Override
    public String toString() {
        return "NotificationSourceGate[clientIds=" + clientIds + ", path=" + notificationPath + "]";
    }
}
