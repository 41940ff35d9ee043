package io.camelantom.routes.order;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelantom.metrics.AntomMeters;
import io.camelantom.tracing.AntomSpans;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.TemplateParameters;
import io.camelantom.routes.ledger.LedgerMeters;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.notification.AntomJmsHeaderFilterStrategy;
import io.camelantom.routes.reconciliation.AntomCalls;
import io.camelantom.routes.reconciliation.PaymentCancellation;
import io.camelantom.routes.result.EndpointResultPublisher;
import io.camelantom.routes.result.PaymentSettlement;
import io.camelantom.routes.result.RefundSettlement;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.model.RouteDefinition;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route template {@value #TEMPLATE_ID}: ERP orders from a JMS queue, paid through {@code antom:pay} with the payment
 * ledger as the single source of truth, one result message per final outcome on the results queue (see
 * {@code routes/README.md}, "Order bridge").
 * <p>
 * One instance makes these routes:
 * <ul>
 * <li>the templated route (its id is the one given when the template is instantiated): consumes the orders queue in a
 * local JMS transaction ({@code transacted=true}), so an order is removed only once its outcome is in the ledger and
 * its result (if any) is sent in the same transaction;</li>
 * <li>{@code <name>-notifications}: consumes the notifications queue (verified {@code PAYMENT_RESULT} notifications
 * from the notification bridge) in a local JMS transaction and settles PROCESSING payments, publishing the order's
 * result if it was not published yet;</li>
 * <li>{@code <name>-outbox}: a timer that republishes results owed after a crash between a final transition and its
 * publication;</li>
 * <li>{@code <name>-cancels}, {@code <name>-refunds}, {@code <name>-refund-notifications}, {@code <name>-inquiries}:
 * the ERP's commands.</li>
 * </ul>
 * Only the templated route is made by Camel from the template; the others (companion routes) are built when the
 * template is instantiated and added to the context by a startup listener once the context runs: the one mechanism
 * for routes that belong to an instance, see {@code addWhenStarted} and {@code routes/README.md}, "Companion routes".
 * <p>
 * Per-instance objects (ledger, settlement, processors) are made when the template is instantiated and bound in the
 * CamelContext's registry as {@code <name>-orderProcessor}, {@code <name>-deadLetter}, {@code <name>-parkOrRollBack}
 * (the orders route's), {@code <name>-rollBack} (the companion routes'); the routes name them, so that the templated
 * route and its companions share one failure handling ({@link FailureHandling});
 * nothing is static.
 */
public class OrderBridgeRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "antom-order-bridge";

    private static final Logger LOG = LoggerFactory.getLogger(OrderBridgeRouteTemplate.class);

    /** Parameter names (camelCase; as properties {@code camel.antom.routes.order-bridge.<parameter-in-kebab-case>}). */
    public static final String NAME = "name";
    /** The ledger's DataSource bean name by default, the same as the notification bridge's. */
    public static final String DEFAULT_DATA_SOURCE = "antomLedgerDataSource";
    public static final String ORDERS_QUEUE = "ordersQueue";
    public static final String RESULTS_QUEUE = "resultsQueue";
    public static final String DEAD_LETTER_QUEUE = "deadLetterQueue";
    public static final String NOTIFICATIONS_QUEUE = "notificationsQueue";
    public static final String JMS_COMPONENT = "jmsComponent";
    public static final String CONCURRENT_CONSUMERS = "concurrentConsumers";
    public static final String MAX_CONCURRENT_CONSUMERS = "maxConcurrentConsumers";
    public static final String JMS_RECOVERY_INTERVAL = "jmsRecoveryInterval";
    public static final String DATA_SOURCE = "dataSource";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String ANTOM_ENDPOINT = "antomEndpoint";
    public static final String ORDER_MAPPER = "orderMapper";
    public static final String PAYMENT_NOTIFY_URL = "paymentNotifyUrl";
    public static final String DEFAULT_PAYMENT_EXPIRY = "defaultPaymentExpiry";
    public static final String MAXIMUM_REDELIVERIES = "maximumRedeliveries";
    public static final String REDELIVERY_DELAY = "redeliveryDelay";
    public static final String BACK_OFF_MULTIPLIER = "backOffMultiplier";
    public static final String MAXIMUM_DELIVERIES = "maximumDeliveries";
    public static final String OUTBOX_REPAIR_PERIOD = "outboxRepairPeriod";
    public static final String OUTBOX_QUIET_PERIOD = "outboxQuietPeriod";
    public static final String PAY_RESEND_DELAY = "payResendDelay";
    public static final String PAY_RESEND_TRAFFIC_LIMIT_DELAY = "payResendTrafficLimitDelay";
    public static final String PAY_RESEND_WINDOW = "payResendWindow";
    public static final String UNKNOWN_PAYMENT_GRACE_PERIOD = "unknownPaymentGracePeriod";
    public static final String UNKNOWN_PAYMENT_RETRY_DELAY = "unknownPaymentRetryDelay";
    public static final String CANCELS_QUEUE = "cancelsQueue";
    public static final String REFUNDS_QUEUE = "refundsQueue";
    public static final String INQUIRIES_QUEUE = "inquiriesQueue";
    public static final String REFUND_NOTIFICATIONS_QUEUE = "refundNotificationsQueue";
    public static final String REFUND_RESULTS_QUEUE = "refundResultsQueue";
    public static final String COMMAND_MAPPER = "commandMapper";
    public static final String COMMAND_CONSUMERS = "commandConsumers";
    public static final String CANCEL_ENDPOINT = "cancelEndpoint";
    public static final String REFUND_ENDPOINT = "refundEndpoint";
    public static final String INQUIRY_ENDPOINT = "inquiryEndpoint";
    public static final String INQUIRY_REFUND_ENDPOINT = "inquiryRefundEndpoint";
    public static final String METER_REGISTRY = "meterRegistry";

    /** How long the ledger gauges' snapshot is served before the ledger is queried again. */
    static final Duration LEDGER_GAUGES_MAX_AGE = Duration.ofSeconds(5);


    /** The CamelAntom... headers travel as JMS properties (camel-jms drops Camel... headers by default). */
    private static final String HEADER_FILTER = AntomJmsHeaderFilterStrategy.ENDPOINT_OPTION;

    // the per-instance processors are bound in the context's registry under "<name>-<suffix>"
    private static final String ORDER_PROCESSOR = "-orderProcessor";
    private static final String DEAD_LETTER = "-deadLetter";
    private static final String MAX_ORDER_CONSUMERS = "-maxOrderConsumers";
    private static final String PARK = "-parkOrRollBack";
    private static final String ROLL_BACK = "-rollBack";

    @Override
    public void configure() {
        RouteDefinition orders = routeTemplate(TEMPLATE_ID)
                .templateParameter(NAME, TEMPLATE_ID, "Prefix of the companion routes' ids (<name>-notifications, <name>-outbox); distinct per instance")
                .templateParameter(ORDERS_QUEUE, "antom.orders", "JMS queue the ERP puts orders on")
                .templateParameter(RESULTS_QUEUE, "antom.results", "JMS queue the results are published to")
                .templateParameter(DEAD_LETTER_QUEUE, "antom.orders.DLQ", "JMS queue for messages that cannot be processed, with the reason in CamelAntomDeadLetterReason")
                .templateParameter(NOTIFICATIONS_QUEUE, "antom.notifications.payment", "JMS queue of verified PAYMENT_RESULT notifications (the notification bridge's output)")
                .templateParameter(JMS_COMPONENT, "jms", "Name of the Camel JMS component (connection factory of the broker)")
                .templateParameter(CONCURRENT_CONSUMERS, "4", "Concurrent consumers of the orders queue (and of the payment notifications queue) when idle")
                .templateParameter(MAX_CONCURRENT_CONSUMERS, "200", "Concurrent consumers the orders queue grows to while orders wait (each waits on its Antom call: Antom's latency / this many is the bridge's pace); at least concurrentConsumers")
                .templateParameter(JMS_RECOVERY_INTERVAL, "5000", "Milliseconds between reconnection attempts after the broker connection is lost")
                .templateParameter(DATA_SOURCE, DEFAULT_DATA_SOURCE, "Name of the ledger's javax.sql.DataSource bean (a plain pool, not transaction-bound)")
                .templateParameter(TABLE_PREFIX, PaymentLedger.DEFAULT_TABLE_PREFIX, "Table prefix of the ledger")
                .templateParameter(ANTOM_ENDPOINT, "antom:pay", "The Antom endpoint that pays (component-level options hold clientId and keys)")
                .templateOptionalParameter(ORDER_MAPPER, "Name of a Processor bean turning another ERP format into the canonical order")
                .templateOptionalParameter(PAYMENT_NOTIFY_URL, "paymentNotifyUrl sent with every pay request (an order's notifyUrl wins)")
                .templateParameter(DEFAULT_PAYMENT_EXPIRY, "PT1H", "ISO-8601 duration after registration when an order without expiresAt expires; 'none' to let Antom's contract decide")
                .templateParameter(MAXIMUM_REDELIVERIES, "3", "In-place redeliveries after a transient error (ledger, broker)")
                .templateParameter(REDELIVERY_DELAY, "1000", "Milliseconds before the first redelivery")
                .templateParameter(BACK_OFF_MULTIPLIER, "2", "Factor the redelivery delay grows by")
                .templateParameter(MAXIMUM_DELIVERIES, "5", "JMS deliveries after which a message that keeps failing goes to the dead-letter queue")
                .templateParameter(OUTBOX_REPAIR_PERIOD, "30000", "Milliseconds between outbox repair runs")
                .templateParameter(OUTBOX_QUIET_PERIOD, "PT2M", "ISO-8601 duration an owed result must be unchanged before the outbox repair republishes it")
                .templateParameter(UNKNOWN_PAYMENT_GRACE_PERIOD, "PT10M", "ISO-8601 duration a message naming what the ledger does not know yet (a payment notification for an unknown payment, a cancel ahead of its order, a refund notification for an unknown refund) is kept and tried again before it goes to the dead-letter queue")
                .templateParameter(UNKNOWN_PAYMENT_RETRY_DELAY, "PT10S", "ISO-8601 duration between two tries of such a message (JMS delivery delay on its own queue)")
                .templateParameter(PAY_RESEND_DELAY, "PT1S", "ISO-8601 duration before the identical pay or refund request is resent after U, a timeout, HTTP 5xx or an I/O error; doubles per resend")
                .templateParameter(PAY_RESEND_TRAFFIC_LIMIT_DELAY, "PT5S", "ISO-8601 duration before a resend after U REQUEST_TRAFFIC_EXCEED_LIMIT (or HTTP 429); doubles per resend")
                .templateParameter(PAY_RESEND_WINDOW, "PT30S", "ISO-8601 duration after registration (of the payment or the refund) during which the order bridge resends an unknown pay or refund outcome; later, reconciliation takes over; PT0S: no resend")
                .templateParameter(CANCELS_QUEUE, "antom.cancels", "JMS queue of the ERP's cancel commands")
                .templateParameter(REFUNDS_QUEUE, "antom.refunds", "JMS queue of the ERP's refund commands")
                .templateParameter(INQUIRIES_QUEUE, "antom.inquiries", "JMS queue of the ERP's status inquiries (request/reply: JMSReplyTo and JMSCorrelationID)")
                .templateParameter(REFUND_NOTIFICATIONS_QUEUE, "antom.notifications.refund", "JMS queue of verified REFUND_RESULT notifications (the notification bridge's refundResultDestination)")
                .templateParameter(REFUND_RESULTS_QUEUE, "antom.refund.results", "JMS queue the refund results are published to")
                .templateOptionalParameter(COMMAND_MAPPER, "Name of a Processor bean turning another ERP format into a canonical command (header CamelAntomCommand says which: cancel, refund, inquiry)")
                .templateParameter(COMMAND_CONSUMERS, "2", "Concurrent consumers of each command queue and of the refund notifications queue")
                .templateParameter(CANCEL_ENDPOINT, "antom:cancel", "The Antom endpoint that cancels a payment")
                .templateParameter(REFUND_ENDPOINT, "antom:refund", "The Antom endpoint that refunds")
                .templateParameter(INQUIRY_ENDPOINT, "antom:inquiryPayment", "The Antom endpoint that inquires a payment (status inquiries with refresh)")
                .templateParameter(INQUIRY_REFUND_ENDPOINT, "antom:inquiryRefund", "The Antom endpoint that inquires a refund (status inquiries with refresh)")
                .templateOptionalParameter(METER_REGISTRY, "Name of a Micrometer MeterRegistry bean; when absent, the only MeterRegistry bean if Micrometer is present, else no metrics")
                .configure(this::instantiate)
                .from("{{" + JMS_COMPONENT + "}}:queue:{{" + ORDERS_QUEUE + "}}"
                        + transactedConsumer("{{" + CONCURRENT_CONSUMERS + "}}", "{{" + JMS_RECOVERY_INTERVAL + "}}")
                        + "&maxConcurrentConsumers=#bean:{{" + NAME + "}}" + MAX_ORDER_CONSUMERS);
        String deadLetterUri = AntomJmsHeaderFilterStrategy.queueUri("{{" + JMS_COMPONENT + "}}",
                "{{" + DEAD_LETTER_QUEUE + "}}");
        FailureHandling.deadLetterBadInput(orders, "{{" + NAME + "}}" + DEAD_LETTER, deadLetterUri);
        FailureHandling.redeliverThenParkOrRollBack(orders, "{{" + MAXIMUM_REDELIVERIES + "}}",
                "{{" + REDELIVERY_DELAY + "}}", "{{" + BACK_OFF_MULTIPLIER + "}}", "{{" + NAME + "}}" + PARK,
                "{{" + NAME + "}}" + DEAD_LETTER, deadLetterUri);
        orders.process("{{" + NAME + "}}" + ORDER_PROCESSOR);
    }

    /**
     * The options of a queue consumer whose message is removed only with its outcome: each message in a local JMS
     * transaction of its own (a JMS send in the route joins it), the consumer cached, no reply. The values may be
     * property placeholders.
     */
    private static String transactedConsumer(String concurrentConsumers, String recoveryInterval) {
        return "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER&disableReplyTo=true"
                + "&concurrentConsumers=" + concurrentConsumers + "&recoveryInterval=" + recoveryInterval + "&"
                + HEADER_FILTER;
    }

    /** Makes one instance's objects and companion routes, from the instance's parameters. */
    private void instantiate(RouteTemplateContext rtc) {
        TemplateParameters p = new TemplateParameters(TEMPLATE_ID, rtc);
        CamelContext context = p.context();
        String name = p.required(NAME);
        String jms = p.required(JMS_COMPONENT);
        Processor mapper = p.bean(ORDER_MAPPER, Processor.class);
        CommandMapping commands = new CommandMapping(p.bean(COMMAND_MAPPER, Processor.class));
        String expiry = p.optional(DEFAULT_PAYMENT_EXPIRY);
        Duration defaultExpiry = expiry == null || expiry.equalsIgnoreCase("none") ? null
                : p.duration(DEFAULT_PAYMENT_EXPIRY);
        Clock clock = Clock.systemUTC();
        ResendPolicy resendPolicy = new ResendPolicy(p.duration(PAY_RESEND_DELAY),
                p.duration(PAY_RESEND_TRAFFIC_LIMIT_DELAY), p.duration(PAY_RESEND_WINDOW));
        String notifyUrl = p.optional(PAYMENT_NOTIFY_URL);
        if (notifyUrl != null && !notifyUrl.startsWith("https://") && !notifyUrl.startsWith("http://")) {
            throw p.invalid(PAYMENT_NOTIFY_URL, "must be an absolute http(s) URL, was '" + notifyUrl + "'");
        }

        // the orders queue grows to maxConcurrentConsumers while orders wait; a maximum below concurrentConsumers
        // (which Camel refuses) means no growth
        context.getRegistry().bind(name + MAX_ORDER_CONSUMERS, Integer.class,
                Math.max(p.integer(MAX_CONCURRENT_CONSUMERS), p.integer(CONCURRENT_CONSUMERS)));
        warnIfMessagesWaitInClientBuffers(context, jms);
        PaymentLedger ledger = p.ledger(DATA_SOURCE, TABLE_PREFIX, clock);
        String resultsUri = AntomJmsHeaderFilterStrategy.queueUri(jms, p.required(RESULTS_QUEUE));
        String deadLetterUri = AntomJmsHeaderFilterStrategy.queueUri(jms, p.required(DEAD_LETTER_QUEUE));
        // orders: results in the consumer's JMS transaction; notifications: results committed before they are
        // recorded as published (see EndpointResultPublisher)
        AntomMeters meters = p.meters(METER_REGISTRY, "name", name);
        OrderBridgeMeters orderMeters = new OrderBridgeMeters(meters);
        LedgerMeters.register(ledger, meters, LEDGER_GAUGES_MAX_AGE);
        PaymentSettlement settlement = new PaymentSettlement(ledger,
                EndpointResultPublisher.joiningTransaction(context, resultsUri).countedIn(meters), clock);
        PaymentSettlement notificationSettlementOfPayments = new PaymentSettlement(ledger,
                EndpointResultPublisher.ownTransaction(context, resultsUri).countedIn(meters), clock);
        int maximumDeliveries = p.integer(MAXIMUM_DELIVERIES);

        // the ERP's commands (issue 18): cancel, refund, status inquiry, and refund notifications
        AntomCalls antomCalls = new AntomCalls(context.createProducerTemplate(), p.required(INQUIRY_ENDPOINT),
                p.required(CANCEL_ENDPOINT), p.required(ANTOM_ENDPOINT), p.required(REFUND_ENDPOINT),
                p.required(INQUIRY_REFUND_ENDPOINT));
        String refundResultsUri = AntomJmsHeaderFilterStrategy.queueUri(jms, p.required(REFUND_RESULTS_QUEUE));
        RefundSettlement refundSettlement = new RefundSettlement(ledger.refunds(),
                EndpointResultPublisher.joiningTransaction(context, refundResultsUri), clock);
        RefundSettlement refundSettlementOwn = new RefundSettlement(ledger.refunds(),
                EndpointResultPublisher.ownTransaction(context, refundResultsUri), clock);
        Processor cancelCommand = new CancelCommandProcessor(settlement,
                new PaymentCancellation(settlement, antomCalls, clock), commands);
        Processor refundCommand = new RefundCommandProcessor(refundSettlement, antomCalls, commands, notifyUrl,
                resendPolicy, clock);
        Processor inquiry = new InquiryProcessor(notificationSettlementOfPayments, refundSettlementOwn, antomCalls,
                commands, clock);
        Processor refundNotification = new RefundNotificationSettlementProcessor(refundSettlementOwn);
        Processor inquiryError = exchange -> {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String reason = exchange.getMessage().getHeader(AntomRouteHeaders.DEAD_LETTER_REASON, String.class);
            if (reason == null) {
                reason = cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            exchange.getMessage().setBody(AntomJson.mapper().createObjectNode().put("error", reason).toString());
        };
        String commandOptions = transactedConsumer(p.required(COMMAND_CONSUMERS), p.required(JMS_RECOVERY_INTERVAL));
        String cancelsQueue = p.required(CANCELS_QUEUE);
        String refundsQueue = p.required(REFUNDS_QUEUE);
        String refundNotificationsQueue = p.required(REFUND_NOTIFICATIONS_QUEUE);
        String cancelsUri = jms + ":queue:" + cancelsQueue + commandOptions;
        String refundsUri = jms + ":queue:" + refundsQueue + commandOptions;
        String refundNotificationsUri = jms + ":queue:" + refundNotificationsQueue + commandOptions;
        String inquiriesUri = jms + ":queue:" + p.required(INQUIRIES_QUEUE) + "?concurrentConsumers="
                + p.required(COMMAND_CONSUMERS) + "&recoveryInterval=" + p.required(JMS_RECOVERY_INTERVAL) + "&"
                + HEADER_FILTER;

        context.getRegistry().bind(name + ORDER_PROCESSOR, Processor.class, orderMeters.orders(
                AntomSpans.continuingTraces(new OrderBridgeProcessor(settlement, context.createProducerTemplate(),
                        p.required(ANTOM_ENDPOINT), mapper, notifyUrl, defaultExpiry, resendPolicy, clock,
                        maximumDeliveries))));
        context.getRegistry().bind(name + PARK, Processor.class, FailureHandling.parkOrRollBack(ledger, maximumDeliveries, true));

        String notificationsQueue = p.required(NOTIFICATIONS_QUEUE);
        String notificationsUri = jms + ":queue:" + notificationsQueue
                + transactedConsumer(p.required(CONCURRENT_CONSUMERS), p.required(JMS_RECOVERY_INTERVAL));
        Processor notificationSettlement = new NotificationSettlementProcessor(notificationSettlementOfPayments);
        Processor deadLetter = orderMeters.deadLetters(FailureHandling.deadLetter(p.required(DEAD_LETTER_QUEUE)));
        context.getRegistry().bind(name + DEAD_LETTER, Processor.class, deadLetter);
        context.getRegistry().bind(name + ROLL_BACK, Processor.class,
                FailureHandling.parkOrRollBack(ledger, maximumDeliveries, false));
        Duration quiet = p.duration(OUTBOX_QUIET_PERIOD);
        Processor keepForLater = FailureHandling.keepForLater(
                p.duration(UNKNOWN_PAYMENT_GRACE_PERIOD), clock);
        // a message naming what the ledger does not know yet goes back to its own queue, delivered again after the
        // retry delay (JMS 2.0 delivery delay)
        String retryLater = "?deliveryDelay=" + p.duration(UNKNOWN_PAYMENT_RETRY_DELAY).toMillis()
                + "&" + HEADER_FILTER;
        long repairPeriod = p.longInteger(OUTBOX_REPAIR_PERIOD);
        // values, not placeholders: the companion routes are not made from the template
        String maximumRedeliveries = String.valueOf(p.integer(MAXIMUM_REDELIVERIES));
        String redeliveryDelay = String.valueOf(p.longInteger(REDELIVERY_DELAY));
        String backOff = String.valueOf(p.decimal(BACK_OFF_MULTIPLIER));
        RouteBuilder companions = new RouteBuilder(context) {
                @Override
                public void configure() {
                    transactedRoute(notificationsUri, name + "-notifications", notificationSettlement,
                            notificationsQueue);

                    from("timer:" + name + "-outbox?delay=" + repairPeriod + "&period=" + repairPeriod)
                            .routeId(name + "-outbox")
                            .process(exchange -> {
                                notificationSettlementOfPayments.repairOutbox(quiet, 100);
                                refundSettlementOwn.repairOutbox(quiet, 100);
                            });

                    transactedRoute(cancelsUri, name + "-cancels", cancelCommand, cancelsQueue);
                    transactedRoute(refundsUri, name + "-refunds", refundCommand, refundsQueue);
                    transactedRoute(refundNotificationsUri, name + "-refund-notifications", refundNotification,
                            refundNotificationsQueue);

                    from(inquiriesUri).routeId(name + "-inquiries")
                            .onException(RejectedMessageException.class)
                                .handled(true)
                                .process(deadLetter)
                                .to(ExchangePattern.InOnly, deadLetterUri)
                                .process(inquiryError)
                            .end()
                            .onException(Exception.class)
                                .handled(true)
                                .log(LoggingLevel.WARN, "Status inquiry failed: ${exception.message}")
                                .process(inquiryError)
                            .end()
                            .process(inquiry);
                }

                /**
                 * A transacted consumer of notifications or commands: bad input to the dead-letter queue; what the
                 * ledger does not know yet back to {@code queue} for later (then dead-lettered after the grace); the
                 * ledger's outage waited out; other errors redelivered, rolled back, then dead-lettered (never parks a
                 * payment: that is the orders' route).
                 */
                private void transactedRoute(String uri, String routeId, Processor processor, String queue) {
                    RouteDefinition route = from(uri).routeId(routeId);
                    FailureHandling.deadLetterBadInput(route, name + DEAD_LETTER, deadLetterUri);
                    route.onException(TryAgainLaterException.class)
                            .handled(true)
                            .process(keepForLater)
                            .choice()
                                .when(exchangeProperty(FailureHandling.DEAD_LETTER_PROPERTY).isNotNull())
                                    .process(deadLetter)
                                    .to(deadLetterUri)
                                .otherwise()
                                    .to(jms + ":queue:" + queue + retryLater)
                            .end();
                    FailureHandling.redeliverThenParkOrRollBack(route, maximumRedeliveries, redeliveryDelay,
                            backOff, name + ROLL_BACK, name + DEAD_LETTER, deadLetterUri);
                    route.process(processor);
                }
            };
        addWhenStarted(context, name, companions);
    }

    /**
     * The one way this module adds the routes that belong to a template instance besides the templated route (its
     * companion routes): built in the template's {@code configure(rtc -> ...)} callback, where they share the
     * instance's objects, and added by a startup listener: at once when the context is already running (a template
     * instantiated at run time), otherwise once the context is fully started. Templates are instantiated while the
     * context starts (camel-main, Spring Boot, YAML/XML DSL, Karaf), and routes added to the context at that moment
     * would not be created. The flag adds them once even when both callbacks run. Consequences (routes/README.md,
     * "Companion routes"): they start after the templated route; they are routes of the context in their own right
     * (stopping or removing the templated route leaves them running); an error in them fails the context's start
     * (at run time: the instantiation).
     */
    private static void addWhenStarted(CamelContext context, String name, RouteBuilder companions) {
        AtomicBoolean added = new AtomicBoolean();
        try {
            context.addStartupListener(new ExtendedStartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) throws Exception {
                    if (alreadyStarted && added.compareAndSet(false, true)) {
                        ctx.addRoutes(companions);
                    }
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) throws Exception {
                    if (added.compareAndSet(false, true)) {
                        ctx.addRoutes(companions);
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(TEMPLATE_ID + ": cannot add the companion routes of '" + name + "'", e);
        }
    }

    /**
     * Artemis' client buffers up to 1 MiB of messages per consumer by default ({@code consumerWindowSize}). When the
     * application is killed, or a transacted session rolls back, the broker counts a delivery against buffered
     * messages that were never processed; after {@code max-delivery-attempts} (10) it moves valid orders to its
     * dead-letter address. The process-kill tests saw 23 of 168 orders go there after 6 kills. With
     * {@code consumerWindowSize=0} only the message in process is counted (and the nodes of a cluster share the queue
     * fairly). Said once, at instantiation; a pooling wrapper around the factory cannot be inspected.
     */
    private static void warnIfMessagesWaitInClientBuffers(CamelContext context, String jmsComponent) {
        if (context.getComponent(jmsComponent) instanceof JmsComponent jms
                && jms.getConfiguration().getConnectionFactory() instanceof ActiveMQConnectionFactory artemis
                && artemis.getConsumerWindowSize() != 0) {
            LOG.warn("{}: the JMS component '{}' uses an Artemis connection factory with consumerWindowSize={}: messages "
                    + "buffered in the client count a delivery whenever the application is killed or a session rolls "
                    + "back, and valid orders can reach the broker's dead-letter address. Use consumerWindowSize=0 "
                    + "(e.g. tcp://host:61616?consumerWindowSize=0); see routes/README.md, \"Broker settings\"",
                    TEMPLATE_ID, jmsComponent, artemis.getConsumerWindowSize());
        }
    }
}
