package io.camelantom.routes.notification;

import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsHeaderFilterStrategy;

/**
 * camel-jms' header filter, except that the {@code CamelAntom...} headers of {@code AntomRouteHeaders} travel as JMS
 * properties. camel-jms drops every header starting with {@code Camel} by default, which would strip the notification
 * type, ids, status and amount from the published message. Other {@code Camel...} headers stay filtered. Used on the
 * bridge's destinations through {@code headerFilterStrategy=#class:} (see the template's destinationOptions); a JMS
 * consumer that wants the headers back as {@code CamelAntom...} headers uses it too.
 */
public class AntomJmsHeaderFilterStrategy extends JmsHeaderFilterStrategy {

    static final String PREFIX = "CamelAntom";

    /** The JMS endpoint option that puts this filter on an endpoint (a new instance per endpoint). */
    public static final String ENDPOINT_OPTION = "headerFilterStrategy=#class:"
            + AntomJmsHeaderFilterStrategy.class.getName();

    /** A JMS queue endpoint with this filter: the results and dead-letter queues the routes publish to. */
    public static String queueUri(String jmsComponent, String queue) {
        return jmsComponent + ":queue:" + queue + "?" + ENDPOINT_OPTION;
    }

    public AntomJmsHeaderFilterStrategy() {
        super(false);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !headerName.startsWith(PREFIX) && super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !headerName.startsWith(PREFIX) && super.applyFilterToExternalHeaders(headerName, headerValue, exchange);
    }
}
