package io.camelantom.routes.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import io.camelantom.component.AntomComponent;
import io.camelantom.tracing.AntomSpans;
import io.camelantom.notification.AntomNotificationVerifier;
import io.camelantom.routes.TemplateParameters;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.signing.AntomVerifier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The route template {@value #TEMPLATE_ID}: Antom's signed notifications over HTTP, verified, published once to JMS,
 * acknowledged only after the broker accepted the message. Parameters and answers: {@code routes/README.md},
 * "Notification bridge".
 * <p>
 * Add this builder to the context, then create routes from the template in Java
 * ({@code TemplatedRouteBuilder.builder(context, TEMPLATE_ID).parameter(...).add()}), YAML ({@code templatedRoute})
 * or XML ({@code <templatedRoute>}).
 * <p>
 * Flow: {@link NotificationGate} (size, headers, client-id, request-time, signature, fields), then Camel's idempotent
 * consumer, non-eager, on the JDBC store of {@link NotificationDeduplication}: a new key is recorded only after the
 * JMS send returned, so a notification that failed to publish is not taken for a duplicate when Antom sends it again.
 * Two deliveries at the same instant both pass that check; the message also carries the key as Artemis'
 * duplicate-detection id ({@code _AMQ_DUPL_ID}), so the broker keeps one of them.
 */
public class NotificationBridgeRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "antom-notification-bridge";

    public static final String HTTP_URI = "httpUri";
    public static final String NOTIFICATION_PATH = "notificationPath";
    public static final String PAYMENT_RESULT_DESTINATION = "paymentResultDestination";
    public static final String PAYMENT_PENDING_DESTINATION = "paymentPendingDestination";
    public static final String REFUND_RESULT_DESTINATION = "refundResultDestination";
    public static final String CAPTURE_RESULT_DESTINATION = "captureResultDestination";
    public static final String OTHER_DESTINATION = "otherDestination";
    public static final String DESTINATION_OPTIONS = "destinationOptions";
    public static final String CONNECTION_FACTORY = "connectionFactory";
    public static final String MAX_BODY_SIZE = "maxBodySize";
    public static final String ALLOWED_CLOCK_SKEW = "allowedClockSkew";
    public static final String ANTOM_COMPONENT = "antomComponent";
    public static final String ANTOM_VERIFIER = "antomVerifier";
    public static final String CLIENT_IDS = "clientIds";
    public static final String DATA_SOURCE = "dataSource";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String IDEMPOTENT_REPOSITORY = "idempotentRepository";
    public static final String DEDUPLICATION_KEY_SPACE = "deduplicationKeySpace";
    public static final String METER_REGISTRY = "meterRegistry";

    /** Artemis' duplicate-detection property (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    public static final String ARTEMIS_DUPLICATE_ID = org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID.toString();

    public static final String DEFAULT_DESTINATION_OPTIONS = "deliveryMode=2&disableReplyTo=true&jmsMessageType=Text"
                                                             + "&" + AntomJmsHeaderFilterStrategy.ENDPOINT_OPTION;
    public static final String DEFAULT_DATA_SOURCE = "antomLedgerDataSource";

    // template-local beans, one set per route made from the template
    private static final String GATE_BEAN = "antomNotificationGate";
    private static final String REPOSITORY_BEAN = "antomNotificationDeduplication";
    private static final String SERIALIZER_BEAN = "antomNotificationSerializer";
    private static final String METERS_BEAN = "antomNotificationMeters";
    /** How long a second delivery of one notification waits for the first to be published. */
    private static final long CONCURRENT_DELIVERY_WAIT_MILLIS = 30_000;

    @Override
    public void configure() throws Exception {
        routeTemplate(TEMPLATE_ID)
                .templateParameter(HTTP_URI, "platform-http:/antom/notifications",
                        "The HTTP consumer Antom posts to (platform-http, servlet, netty-http...)")
                .templateParameter(NOTIFICATION_PATH, "/antom/notifications",
                        "The path Antom signs: the path of the notification URL registered with Antom (before any proxy rewrite)")
                .templateParameter(PAYMENT_RESULT_DESTINATION, "jms:queue:antom.notifications.payment",
                        "Where PAYMENT_RESULT notifications are published")
                .templateParameter(PAYMENT_PENDING_DESTINATION, "jms:queue:antom.notifications.payment",
                        "Where PAYMENT_PENDING notifications are published (the payment queue by default, to keep a payment's notifications in one queue)")
                .templateParameter(REFUND_RESULT_DESTINATION, "jms:queue:antom.notifications.refund",
                        "Where REFUND_RESULT notifications are published")
                .templateParameter(CAPTURE_RESULT_DESTINATION, "jms:queue:antom.notifications.capture",
                        "Where CAPTURE_RESULT notifications are published")
                .templateParameter(OTHER_DESTINATION, "jms:queue:antom.notifications.other",
                        "Where verified notifications of other types (disputes, authorisations...) are published")
                .templateParameter(DESTINATION_OPTIONS, DEFAULT_DESTINATION_OPTIONS,
                        "Endpoint options appended to every destination: persistent, fire-and-forget, text message, CamelAntom headers kept")
                .templateOptionalParameter(CONNECTION_FACTORY,
                        "Bean name of the JMS ConnectionFactory to use; the JMS component's own when not set")
                .templateParameter(MAX_BODY_SIZE, "65536", "The largest body accepted, in bytes (larger: HTTP 413)")
                .templateParameter(ALLOWED_CLOCK_SKEW, "5m",
                        "How far request-time may be from this host's clock (e.g. 5m, 300s, 300000)")
                .templateParameter(ANTOM_COMPONENT, "antom",
                        "The antom component whose antomPublicKey and clientId are used unless antomVerifier/clientIds are set")
                .templateOptionalParameter(ANTOM_VERIFIER,
                        "Bean name of an AntomVerifier or AntomNotificationVerifier with Antom's public key(s)")
                .templateOptionalParameter(CLIENT_IDS, "Comma-separated client ids accepted; the antom component's clientId when not set")
                .templateParameter(DATA_SOURCE, DEFAULT_DATA_SOURCE,
                        "Bean name of the ledger's DataSource (the de-duplication store); the only DataSource bean when none has this name")
                .templateParameter(TABLE_PREFIX, PaymentLedger.DEFAULT_TABLE_PREFIX, "The ledger's table prefix")
                .templateOptionalParameter(IDEMPOTENT_REPOSITORY,
                        "Bean name of an IdempotentRepository to use instead of the ledger's de-duplication table")
                .templateParameter(DEDUPLICATION_KEY_SPACE, TEMPLATE_ID, "The de-duplication store's processor name")
                .templateOptionalParameter(METER_REGISTRY,
                        "Name of a Micrometer MeterRegistry bean; when absent, the only MeterRegistry bean if Micrometer is present, else no metrics")
                .templateBean(GATE_BEAN, Processor.class, rtc -> gate(parameters(rtc)))
                .templateBean(REPOSITORY_BEAN, IdempotentRepository.class, rtc -> repository(parameters(rtc)))
                .templateBean(SERIALIZER_BEAN, Processor.class, rtc -> new NotificationSerializer(CONCURRENT_DELIVERY_WAIT_MILLIS))
                .templateBean(METERS_BEAN, Processor.class,
                        rtc -> new NotificationMeters(parameters(rtc).meters(METER_REGISTRY)))
                .from("{{" + HTTP_URI + "}}")
                    .onException(NotificationRejectedException.class).handled(true)
                        .process(NotificationAnswers::reject)
                        .process("{{" + METERS_BEAN + "}}")
                    .end()
                    .onException(Exception.class).handled(true)
                        .process(NotificationAnswers::unavailable)
                        .process("{{" + METERS_BEAN + "}}")
                    .end()
                    .process("{{" + GATE_BEAN + "}}")
                    // the verified notification's ids on the route's span, when Camel traces
                    .process(AntomSpans::tagCurrentSpan)
                    // one delivery of a given notification at a time: a concurrent copy waits, then is a duplicate
                    .process("{{" + SERIALIZER_BEAN + "}}")
                    .idempotentConsumer(exchangeProperty(NotificationGate.KEY_PROPERTY))
                        .idempotentRepository("{{" + REPOSITORY_BEAN + "}}")
                        // record the key after the send, never before; do not remove a key another delivery recorded
                        .eager(false).completionEager(true).removeOnFailure(false).skipDuplicate(true)
                        .setHeader(ARTEMIS_DUPLICATE_ID, exchangeProperty(NotificationGate.KEY_PROPERTY))
                        // fire-and-forget: the send returns once the broker has stored the persistent message
                        .setExchangePattern(ExchangePattern.InOnly)
                        .toD("${exchangeProperty." + NotificationGate.DESTINATION_PROPERTY + "}")
                    .end()
                    .setExchangePattern(ExchangePattern.InOut)
                    // counted before the answer replaces the message (its headers name the type)
                    .process("{{" + METERS_BEAN + "}}")
                    .process(NotificationAnswers::acknowledge);
    }

    private static TemplateParameters parameters(RouteTemplateContext rtc) {
        return new TemplateParameters(TEMPLATE_ID, rtc);
    }

    /** One route's gate, from the parameters. */
    static NotificationGate gate(TemplateParameters p) {
        String path = p.required(NOTIFICATION_PATH);
        long maxBodySize = p.longInteger(MAX_BODY_SIZE);
        Duration skew = p.camelDuration(ALLOWED_CLOCK_SKEW);
        return new NotificationGate(verifier(p), destinations(p), clientIds(p), path, maxBodySize, skew,
                Clock.systemUTC());
    }

    /** One route's destinations, from the parameters; each is resolved now, so a wrong URI fails at startup. */
    static NotificationDestinations destinations(TemplateParameters p) {
        String options = p.optional(DESTINATION_OPTIONS);
        String connectionFactory = TemplateParameters.beanName(p.optional(CONNECTION_FACTORY));
        CachedConnections cached = connectionFactory == null ? new CachedConnections(p.context()) : null;
        NotificationDestinations destinations = new NotificationDestinations(
                destination(p.context(), p.required(PAYMENT_RESULT_DESTINATION), options, connectionFactory, cached),
                destination(p.context(), p.required(PAYMENT_PENDING_DESTINATION), options, connectionFactory, cached),
                destination(p.context(), p.required(REFUND_RESULT_DESTINATION), options, connectionFactory, cached),
                destination(p.context(), p.required(CAPTURE_RESULT_DESTINATION), options, connectionFactory, cached),
                destination(p.context(), p.required(OTHER_DESTINATION), options, connectionFactory, cached));
        for (String uri : new String[] {
                destinations.paymentResult(), destinations.paymentPending(), destinations.refundResult(),
                destinations.captureResult(), destinations.other() }) {
            requireBlockingDurableSends(uri, p.context().getEndpoint(uri));
        }
        return destinations;
    }

    /**
     * One destination's URI. A JMS destination whose connection factory opens a connection per send (a plain
     * factory, as Artemis' own) gets a caching wrapper of this route's: Spring's JmsTemplate would otherwise open a
     * connection, a session and a producer for every notification, which cost more than the notification itself.
     * The send still returns only once the broker has stored the persistent message.
     */
    private static String destination(CamelContext context, String destination, String options, String connectionFactory,
            CachedConnections cached) {
        String uri = NotificationDestinations.withOptions(destination, options, connectionFactory);
        if (cached == null) {
            return uri;
        }
        Endpoint endpoint = context.getEndpoint(uri);
        if (endpoint instanceof JmsEndpoint jms && CachedConnections.opensConnectionPerSend(jms.getConfiguration().getConnectionFactory())) {
            return NotificationDestinations.withOptions(destination, options, cached.beanFor(jms.getConfiguration().getConnectionFactory()));
        }
        return uri;
    }

    /**
     * The acknowledgement is only safe if the send returned after the broker stored the message. Artemis' client does
     * that for persistent messages unless {@code blockOnDurableSend=false}; such a factory is refused here. (A pooling
     * wrapper around the factory cannot be inspected: keep the default there too.)
     */
    static void requireBlockingDurableSends(String uri, Endpoint endpoint) {
        if (endpoint instanceof JmsEndpoint jms
            && CachedConnections.target(jms.getConfiguration().getConnectionFactory()) instanceof ActiveMQConnectionFactory artemis
            && !artemis.isBlockOnDurableSend()) {
            throw new IllegalArgumentException("Destination " + uri + ": the Artemis connection factory has blockOnDurableSend=false,"
                                               + " so a send may return before the broker stored the notification; the bridge"
                                               + " would acknowledge notifications that can still be lost. Use blockOnDurableSend=true"
                                               + " (Artemis' default)");
        }
    }

    private static AntomNotificationVerifier verifier(TemplateParameters p) {
        CamelContext context = p.context();
        String name = TemplateParameters.beanName(p.optional(ANTOM_VERIFIER));
        if (name != null) {
            // either of two types, so not TemplateParameters.bean
            Object bean = context.getRegistry().lookupByName(name);
            if (bean instanceof AntomNotificationVerifier v) {
                return v;
            }
            if (bean instanceof AntomVerifier v) {
                return new AntomNotificationVerifier(v);
            }
            throw new IllegalArgumentException(ANTOM_VERIFIER + ": no AntomVerifier or AntomNotificationVerifier bean named '"
                                               + name + "'" + (bean == null ? "" : " (found a " + bean.getClass().getName() + ")"));
        }
        AntomComponent antom = antomComponent(p);
        try {
            return new AntomNotificationVerifier(antom.getConfiguration().createVerifier(context));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot verify Antom notifications: set antomPublicKey (or antomPublicKeyFile) on the '"
                                               + p.required(ANTOM_COMPONENT) + "' component, or the template parameter "
                                               + ANTOM_VERIFIER + " (" + e.getMessage() + ")", e);
        }
    }

    private static Set<String> clientIds(TemplateParameters p) {
        String list = p.optional(CLIENT_IDS);
        if (list == null) {
            list = antomComponent(p).getConfiguration().getClientId();
        }
        Set<String> ids = new LinkedHashSet<>(TemplateParameters.split(list));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Cannot accept Antom notifications: no client id; set clientId on the '"
                                               + p.required(ANTOM_COMPONENT) + "' component or the template parameter " + CLIENT_IDS);
        }
        return ids;
    }

    private static AntomComponent antomComponent(TemplateParameters p) {
        String name = p.required(ANTOM_COMPONENT);
        if (!(p.context().getComponent(name) instanceof AntomComponent antom)) {
            throw new IllegalArgumentException(ANTOM_COMPONENT + ": '" + name + "' is not an antom component");
        }
        return antom;
    }

    private static IdempotentRepository repository(TemplateParameters p) {
        IdempotentRepository repository = p.bean(IDEMPOTENT_REPOSITORY, IdempotentRepository.class);
        if (repository != null) {
            return repository;
        }
        DataSource dataSource = p.beanOrOnlyOfType(DATA_SOURCE, DataSource.class);
        PaymentLedger ledger = new PaymentLedger(dataSource, p.required(TABLE_PREFIX), Clock.systemUTC())
                .createSchemaIfMissing();
        return NotificationDeduplication.repository(dataSource, ledger, p.required(DEDUPLICATION_KEY_SPACE));
    }
}
