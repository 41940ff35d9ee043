package io.camelantom.springboot;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.camelantom.routes.console.OperationsConsoleRouteTemplate;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.antom.routes.*}: which prebuilt route templates of camel-antom-routes become routes, and with which
 * parameters. Per template: {@code enabled}, {@code route-id}, one typed property per template parameter
 * ({@code camel.antom.routes.order-bridge.orders-queue} is the template parameter {@code ordersQueue}), and
 * {@code parameters.<name>} for any parameter that has no typed property (a parameter added to the template later).
 * Unset properties leave the template's default, which runs embedded. Parameters are passed to the template as text.
 */
@ConfigurationProperties(prefix = "camel.antom.routes")
public class AntomRoutesProperties {

    /** The payment ledger shared by the routes. */
    private final Ledger ledger = new Ledger();
    /** The antom-notification-bridge route template: Antom's notifications over HTTP, verified, to JMS. */
    private final NotificationBridge notificationBridge = new NotificationBridge();
    /** The antom-order-bridge route template: ERP orders from JMS, paid through antom:pay, results to JMS. */
    private final OrderBridge orderBridge = new OrderBridge();
    /** The antom-reconciliation route template: settles payments left without a final status. */
    private final Reconciliation reconciliation = new Reconciliation();
    /** The antom-operations-console route template: the payment operations console, off unless enabled. */
    private final OperationsConsole operationsConsole = new OperationsConsole();

    public Ledger getLedger() {
        return ledger;
    }

    public NotificationBridge getNotificationBridge() {
        return notificationBridge;
    }

    public OrderBridge getOrderBridge() {
        return orderBridge;
    }

    public Reconciliation getReconciliation() {
        return reconciliation;
    }

    public OperationsConsole getOperationsConsole() {
        return operationsConsole;
    }

    /** Whether any template is enabled. */
    public boolean anyEnabled() {
        return notificationBridge.isEnabled() || orderBridge.isEnabled() || reconciliation.isEnabled()
                || operationsConsole.isEnabled();
    }

    /** The ledger's database, shared by every enabled route. */
    public static class Ledger {

        /**
         * Bean name of the ledger's javax.sql.DataSource (a plain pool, not transaction-bound), passed to every enabled
         * template as its dataSource parameter. When not set, the starter registers an embedded H2 file database as
         * the bean antomLedgerDataSource (H2 must be on the classpath).
         */
        private String dataSource;
        /**
         * Folder of the embedded H2 ledger database (used only when data-source is not set).
         */
        private String embeddedFolder = "data/antom-ledger";
        /**
         * The ledger's table prefix, passed to every enabled template as its tablePrefix parameter. Default: the
         * templates' own (ANTOM_).
         */
        private String tablePrefix;

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getEmbeddedFolder() {
            return embeddedFolder;
        }

        public void setEmbeddedFolder(String embeddedFolder) {
            this.embeddedFolder = embeddedFolder;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }
    }

    /** What every template's properties have: enabled, route id and untyped parameters. */
    public abstract static class TemplateRoute {

        private static final Set<String> NOT_PARAMETERS = Set.of("class", "enabled", "routeId", "parameters");

        /**
         * Whether a route is made from this template.
         */
        private boolean enabled;
        /**
         * The id of the route made from the template.
         */
        private String routeId;
        /**
         * Further template parameters by name (camelCase or kebab-case), for parameters without a typed property.
         */
        private Map<String, String> parameters = new LinkedHashMap<>();

        /** The template's id, e.g. antom-order-bridge. */
        public abstract String templateId();

        /** The route id used when route-id is not set. */
        public abstract String defaultRouteId();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getRouteId() {
            return routeId;
        }

        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        public Map<String, String> getParameters() {
            return parameters;
        }

        public void setParameters(Map<String, String> parameters) {
            this.parameters = parameters;
        }

        /** The route id to use. */
        public String effectiveRouteId() {
            return routeId == null || routeId.isBlank() ? defaultRouteId() : routeId.strip();
        }

        /**
         * The template parameters that are set: the typed properties (their names are the parameter names), then the
         * {@code parameters} map. A parameter set both ways is refused: which one wins would be a guess.
         */
        public Map<String, String> templateParameters() {
            Map<String, String> result = new LinkedHashMap<>();
            BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(this);
            for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
                if (notParameters().contains(property.getName()) || property.getReadMethod() == null
                    || property.getWriteMethod() == null) {
                    continue;
                }
                Object value = bean.getPropertyValue(property.getName());
                if (value != null && !value.toString().isBlank()) {
                    result.put(property.getName(), value.toString().strip());
                }
            }
            parameters.forEach((key, value) -> {
                String name = camelCase(key);
                if (result.containsKey(name)) {
                    throw new IllegalStateException("camel.antom.routes: the parameter " + name + " of " + templateId()
                                                    + " is set both as a property and under parameters; set it once");
                }
                if (value != null) {
                    result.put(name, value.strip());
                }
            });
            return result;
        }

        /** Bean properties that are settings of the starter, not template parameters. */
        protected Set<String> notParameters() {
            return NOT_PARAMETERS;
        }

        /** The typed parameter names of this template (for drift checks against the template). */
        public Set<String> typedParameterNames() {
            Set<String> names = new java.util.TreeSet<>();
            for (PropertyDescriptor property : PropertyAccessorFactory.forBeanPropertyAccess(this).getPropertyDescriptors()) {
                if (!notParameters().contains(property.getName()) && property.getWriteMethod() != null) {
                    names.add(property.getName());
                }
            }
            return names;
        }

        static String camelCase(String key) {
            StringBuilder sb = new StringBuilder(key.length());
            boolean upper = false;
            for (char c : key.strip().toCharArray()) {
                if (c == '-' || c == '_') {
                    upper = sb.length() > 0;
                } else {
                    sb.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return sb.toString();
        }
    }

    /** The antom-notification-bridge template (routes/README.md, "Notification bridge"). */
    public static class NotificationBridge extends TemplateRoute {

        /**
         * The HTTP consumer Antom posts to. Default: platform-http:/antom/notifications.
         */
        private String httpUri;

        /**
         * The path Antom signs: the path of the notification URL registered with Antom, before any proxy rewrite. Default: /antom/notifications.
         */
        private String notificationPath;

        /**
         * Where PAYMENT_RESULT notifications are published. Default: jms:queue:antom.notifications.payment (the order bridge's notifications-queue).
         */
        private String paymentResultDestination;

        /**
         * Where PAYMENT_PENDING notifications are published. Default: jms:queue:antom.notifications.payment.
         */
        private String paymentPendingDestination;

        /**
         * Where REFUND_RESULT notifications are published. Default: jms:queue:antom.notifications.refund.
         */
        private String refundResultDestination;

        /**
         * Where CAPTURE_RESULT notifications are published. Default: jms:queue:antom.notifications.capture.
         */
        private String captureResultDestination;

        /**
         * Where verified notifications of other types are published. Default: jms:queue:antom.notifications.other.
         */
        private String otherDestination;

        /**
         * Endpoint options appended to every destination. Default: persistent, in-only, text message, CamelAntom headers kept.
         */
        private String destinationOptions;

        /**
         * Bean name of the JMS ConnectionFactory to use. Default: the JMS component's own.
         */
        private String connectionFactory;

        /**
         * The largest notification body accepted, in bytes (larger: HTTP 413). Default: 65536.
         */
        private Long maxBodySize;

        /**
         * How far request-time may be from this host's clock (5m, 300s, 300000). Default: 5m.
         */
        private String allowedClockSkew;

        /**
         * The antom component whose antomPublicKey and clientId verify notifications. Default: antom.
         */
        private String antomComponent;

        /**
         * Bean name of an AntomVerifier or AntomNotificationVerifier; wins over the component's keys.
         */
        private String antomVerifier;

        /**
         * Comma-separated client ids accepted. Default: the antom component's clientId.
         */
        private String clientIds;

        /**
         * Bean name of the ledger's DataSource (de-duplication store). Default: camel.antom.routes.ledger.data-source, else antomLedgerDataSource.
         */
        private String dataSource;

        /**
         * The ledger's table prefix. Default: camel.antom.routes.ledger.table-prefix, else ANTOM_.
         */
        private String tablePrefix;

        /**
         * Bean name of an IdempotentRepository used instead of the ledger's de-duplication table.
         */
        private String idempotentRepository;

        /**
         * The de-duplication store's processor name; one per route when several share a database. Default: antom-notification-bridge.
         */
        private String deduplicationKeySpace;

        /**
         * Name of a Micrometer MeterRegistry bean; when not set, the only MeterRegistry bean if Micrometer is present.
         */
        private String meterRegistry;

        @Override
        public String templateId() {
            return NotificationBridgeRouteTemplate.TEMPLATE_ID;
        }

        @Override
        public String defaultRouteId() {
            return "antom-notifications";
        }

        public String getHttpUri() {
            return httpUri;
        }

        public void setHttpUri(String httpUri) {
            this.httpUri = httpUri;
        }

        public String getNotificationPath() {
            return notificationPath;
        }

        public void setNotificationPath(String notificationPath) {
            this.notificationPath = notificationPath;
        }

        public String getPaymentResultDestination() {
            return paymentResultDestination;
        }

        public void setPaymentResultDestination(String paymentResultDestination) {
            this.paymentResultDestination = paymentResultDestination;
        }

        public String getPaymentPendingDestination() {
            return paymentPendingDestination;
        }

        public void setPaymentPendingDestination(String paymentPendingDestination) {
            this.paymentPendingDestination = paymentPendingDestination;
        }

        public String getRefundResultDestination() {
            return refundResultDestination;
        }

        public void setRefundResultDestination(String refundResultDestination) {
            this.refundResultDestination = refundResultDestination;
        }

        public String getCaptureResultDestination() {
            return captureResultDestination;
        }

        public void setCaptureResultDestination(String captureResultDestination) {
            this.captureResultDestination = captureResultDestination;
        }

        public String getOtherDestination() {
            return otherDestination;
        }

        public void setOtherDestination(String otherDestination) {
            this.otherDestination = otherDestination;
        }

        public String getDestinationOptions() {
            return destinationOptions;
        }

        public void setDestinationOptions(String destinationOptions) {
            this.destinationOptions = destinationOptions;
        }

        public String getConnectionFactory() {
            return connectionFactory;
        }

        public void setConnectionFactory(String connectionFactory) {
            this.connectionFactory = connectionFactory;
        }

        public Long getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(Long maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public String getAllowedClockSkew() {
            return allowedClockSkew;
        }

        public void setAllowedClockSkew(String allowedClockSkew) {
            this.allowedClockSkew = allowedClockSkew;
        }

        public String getAntomComponent() {
            return antomComponent;
        }

        public void setAntomComponent(String antomComponent) {
            this.antomComponent = antomComponent;
        }

        public String getAntomVerifier() {
            return antomVerifier;
        }

        public void setAntomVerifier(String antomVerifier) {
            this.antomVerifier = antomVerifier;
        }

        public String getClientIds() {
            return clientIds;
        }

        public void setClientIds(String clientIds) {
            this.clientIds = clientIds;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public String getIdempotentRepository() {
            return idempotentRepository;
        }

        public void setIdempotentRepository(String idempotentRepository) {
            this.idempotentRepository = idempotentRepository;
        }

        public String getDeduplicationKeySpace() {
            return deduplicationKeySpace;
        }

        public String getMeterRegistry() {
            return meterRegistry;
        }

        public void setMeterRegistry(String meterRegistry) {
            this.meterRegistry = meterRegistry;
        }

        public void setDeduplicationKeySpace(String deduplicationKeySpace) {
            this.deduplicationKeySpace = deduplicationKeySpace;
        }
    }

    /** The antom-order-bridge template (routes/README.md, "Order bridge"). */
    public static class OrderBridge extends TemplateRoute {

        /**
         * Prefix of the companion routes' ids (name-notifications, name-outbox); distinct per instance. Default: antom-order-bridge.
         */
        private String name;

        /**
         * JMS queue the ERP puts orders on. Default: antom.orders.
         */
        private String ordersQueue;

        /**
         * JMS queue the results are published to. Default: antom.results.
         */
        private String resultsQueue;

        /**
         * JMS queue for messages that cannot be processed (reason in CamelAntomDeadLetterReason). Default: antom.orders.DLQ.
         */
        private String deadLetterQueue;

        /**
         * JMS queue of verified PAYMENT_RESULT notifications (the notification bridge's payment-result-destination). Default: antom.notifications.payment.
         */
        private String notificationsQueue;

        /**
         * Name of the Camel JMS component. Default: jms.
         */
        private String jmsComponent;

        /**
         * Concurrent consumers of the orders queue. Default: 4.
         */
        private Integer concurrentConsumers;

        /**
         * Milliseconds between reconnection attempts after the broker connection is lost. Default: 5000.
         */
        private Long jmsRecoveryInterval;

        /**
         * Bean name of the ledger's DataSource. Default: camel.antom.routes.ledger.data-source, else antomLedgerDataSource.
         */
        private String dataSource;

        /**
         * The ledger's table prefix. Default: camel.antom.routes.ledger.table-prefix, else ANTOM_.
         */
        private String tablePrefix;

        /**
         * The Antom endpoint that pays. Default: antom:pay.
         */
        private String antomEndpoint;

        /**
         * Name of a Processor bean turning another ERP format into the canonical order.
         */
        private String orderMapper;

        /**
         * paymentNotifyUrl sent with every pay request (an order's own notifyUrl wins): the public URL of the notification bridge.
         */
        private String paymentNotifyUrl;

        /**
         * ISO-8601 duration after which an order without expiresAt expires; none to let Antom decide. Default: PT1H.
         */
        private String defaultPaymentExpiry;

        /**
         * In-place redeliveries after a transient error (ledger, broker). Default: 3.
         */
        private Integer maximumRedeliveries;

        /**
         * Milliseconds before the first redelivery. Default: 1000.
         */
        private Long redeliveryDelay;

        /**
         * Factor the redelivery delay grows by. Default: 2.
         */
        private String backOffMultiplier;

        /**
         * JMS deliveries after which a message that keeps failing goes to the dead-letter queue. Default: 5.
         */
        private Integer maximumDeliveries;

        /**
         * Milliseconds between outbox repair runs. Default: 30000.
         */
        private Long outboxRepairPeriod;

        /**
         * ISO-8601 duration an owed result must be unchanged before the outbox repair republishes it. Default: PT2M.
         */
        private String outboxQuietPeriod;

        /**
         * ISO-8601 duration a notification for a payment the ledger does not know is kept and tried again before it
         * goes to the dead-letter queue. Default: PT10M.
         */
        private String unknownPaymentGracePeriod;

        /**
         * ISO-8601 duration between two tries of a notification for a payment the ledger does not know. Default: PT10S.
         */
        private String unknownPaymentRetryDelay;

        /**
         * ISO-8601 duration before the identical pay request is resent after U, a timeout, HTTP 5xx or an I/O error;
         * doubles per resend. Default: PT1S.
         */
        private String payResendDelay;

        /**
         * ISO-8601 duration before a resend after U REQUEST_TRAFFIC_EXCEED_LIMIT (or HTTP 429); doubles per resend.
         * Default: PT5S.
         */
        private String payResendTrafficLimitDelay;

        /**
         * ISO-8601 duration after registration during which the order bridge resends an unknown pay outcome (never
         * past the payment's expiry); later, reconciliation takes over. PT0S: no resend. Default: PT30S.
         */
        private String payResendWindow;

        /**
         * JMS queue of the ERP's cancel commands. Default: antom.cancels.
         */
        private String cancelsQueue;

        /**
         * JMS queue of the ERP's refund commands. Default: antom.refunds.
         */
        private String refundsQueue;

        /**
         * JMS queue of the ERP's status inquiries (request/reply: JMSReplyTo, JMSCorrelationID). Default: antom.inquiries.
         */
        private String inquiriesQueue;

        /**
         * JMS queue of verified REFUND_RESULT notifications (the notification bridge's refund-result-destination). Default: antom.notifications.refund.
         */
        private String refundNotificationsQueue;

        /**
         * JMS queue the refund results are published to. Default: antom.refund.results.
         */
        private String refundResultsQueue;

        /**
         * Name of a Processor bean turning another ERP format into a canonical command (header CamelAntomCommand: cancel, refund, inquiry).
         */
        private String commandMapper;

        /**
         * Concurrent consumers of each command queue and of the refund notifications queue. Default: 2.
         */
        private String commandConsumers;

        /**
         * The Antom endpoint that cancels a payment. Default: antom:cancel.
         */
        private String cancelEndpoint;

        /**
         * The Antom endpoint that refunds. Default: antom:refund.
         */
        private String refundEndpoint;

        /**
         * The Antom endpoint that inquires a payment (status inquiries with refresh). Default: antom:inquiryPayment.
         */
        private String inquiryEndpoint;

        /**
         * The Antom endpoint that inquires a refund (status inquiries with refresh). Default: antom:inquiryRefund.
         */
        private String inquiryRefundEndpoint;

        /**
         * Name of a Micrometer MeterRegistry bean; when not set, the only MeterRegistry bean if Micrometer is present.
         */
        private String meterRegistry;

        @Override
        public String templateId() {
            return OrderBridgeRouteTemplate.TEMPLATE_ID;
        }

        @Override
        public String defaultRouteId() {
            return "antom-order-bridge";
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrdersQueue() {
            return ordersQueue;
        }

        public void setOrdersQueue(String ordersQueue) {
            this.ordersQueue = ordersQueue;
        }

        public String getResultsQueue() {
            return resultsQueue;
        }

        public void setResultsQueue(String resultsQueue) {
            this.resultsQueue = resultsQueue;
        }

        public String getDeadLetterQueue() {
            return deadLetterQueue;
        }

        public void setDeadLetterQueue(String deadLetterQueue) {
            this.deadLetterQueue = deadLetterQueue;
        }

        public String getNotificationsQueue() {
            return notificationsQueue;
        }

        public void setNotificationsQueue(String notificationsQueue) {
            this.notificationsQueue = notificationsQueue;
        }

        public String getJmsComponent() {
            return jmsComponent;
        }

        public void setJmsComponent(String jmsComponent) {
            this.jmsComponent = jmsComponent;
        }

        public Integer getConcurrentConsumers() {
            return concurrentConsumers;
        }

        public void setConcurrentConsumers(Integer concurrentConsumers) {
            this.concurrentConsumers = concurrentConsumers;
        }

        public Long getJmsRecoveryInterval() {
            return jmsRecoveryInterval;
        }

        public void setJmsRecoveryInterval(Long jmsRecoveryInterval) {
            this.jmsRecoveryInterval = jmsRecoveryInterval;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public String getAntomEndpoint() {
            return antomEndpoint;
        }

        public void setAntomEndpoint(String antomEndpoint) {
            this.antomEndpoint = antomEndpoint;
        }

        public String getOrderMapper() {
            return orderMapper;
        }

        public void setOrderMapper(String orderMapper) {
            this.orderMapper = orderMapper;
        }

        public String getPaymentNotifyUrl() {
            return paymentNotifyUrl;
        }

        public void setPaymentNotifyUrl(String paymentNotifyUrl) {
            this.paymentNotifyUrl = paymentNotifyUrl;
        }

        public String getDefaultPaymentExpiry() {
            return defaultPaymentExpiry;
        }

        public void setDefaultPaymentExpiry(String defaultPaymentExpiry) {
            this.defaultPaymentExpiry = defaultPaymentExpiry;
        }

        public Integer getMaximumRedeliveries() {
            return maximumRedeliveries;
        }

        public void setMaximumRedeliveries(Integer maximumRedeliveries) {
            this.maximumRedeliveries = maximumRedeliveries;
        }

        public Long getRedeliveryDelay() {
            return redeliveryDelay;
        }

        public void setRedeliveryDelay(Long redeliveryDelay) {
            this.redeliveryDelay = redeliveryDelay;
        }

        public String getBackOffMultiplier() {
            return backOffMultiplier;
        }

        public void setBackOffMultiplier(String backOffMultiplier) {
            this.backOffMultiplier = backOffMultiplier;
        }

        public Integer getMaximumDeliveries() {
            return maximumDeliveries;
        }

        public void setMaximumDeliveries(Integer maximumDeliveries) {
            this.maximumDeliveries = maximumDeliveries;
        }

        public Long getOutboxRepairPeriod() {
            return outboxRepairPeriod;
        }

        public void setOutboxRepairPeriod(Long outboxRepairPeriod) {
            this.outboxRepairPeriod = outboxRepairPeriod;
        }

        public String getOutboxQuietPeriod() {
            return outboxQuietPeriod;
        }

        public void setOutboxQuietPeriod(String outboxQuietPeriod) {
            this.outboxQuietPeriod = outboxQuietPeriod;
        }

        public String getUnknownPaymentGracePeriod() {
            return unknownPaymentGracePeriod;
        }

        public void setUnknownPaymentGracePeriod(String unknownPaymentGracePeriod) {
            this.unknownPaymentGracePeriod = unknownPaymentGracePeriod;
        }

        public String getUnknownPaymentRetryDelay() {
            return unknownPaymentRetryDelay;
        }

        public void setUnknownPaymentRetryDelay(String unknownPaymentRetryDelay) {
            this.unknownPaymentRetryDelay = unknownPaymentRetryDelay;

        }

        public String getPayResendDelay() {
            return payResendDelay;
        }

        public void setPayResendDelay(String payResendDelay) {
            this.payResendDelay = payResendDelay;
        }

        public String getPayResendTrafficLimitDelay() {
            return payResendTrafficLimitDelay;
        }

        public void setPayResendTrafficLimitDelay(String payResendTrafficLimitDelay) {
            this.payResendTrafficLimitDelay = payResendTrafficLimitDelay;
        }

        public String getPayResendWindow() {
            return payResendWindow;
        }

        public void setPayResendWindow(String payResendWindow) {
            this.payResendWindow = payResendWindow;
        }

        public String getCancelsQueue() {
            return cancelsQueue;
        }

        public void setCancelsQueue(String cancelsQueue) {
            this.cancelsQueue = cancelsQueue;
        }

        public String getRefundsQueue() {
            return refundsQueue;
        }

        public void setRefundsQueue(String refundsQueue) {
            this.refundsQueue = refundsQueue;
        }

        public String getInquiriesQueue() {
            return inquiriesQueue;
        }

        public void setInquiriesQueue(String inquiriesQueue) {
            this.inquiriesQueue = inquiriesQueue;
        }

        public String getRefundNotificationsQueue() {
            return refundNotificationsQueue;
        }

        public void setRefundNotificationsQueue(String refundNotificationsQueue) {
            this.refundNotificationsQueue = refundNotificationsQueue;
        }

        public String getRefundResultsQueue() {
            return refundResultsQueue;
        }

        public void setRefundResultsQueue(String refundResultsQueue) {
            this.refundResultsQueue = refundResultsQueue;
        }

        public String getCommandMapper() {
            return commandMapper;
        }

        public void setCommandMapper(String commandMapper) {
            this.commandMapper = commandMapper;
        }

        public String getCommandConsumers() {
            return commandConsumers;
        }

        public void setCommandConsumers(String commandConsumers) {
            this.commandConsumers = commandConsumers;
        }

        public String getCancelEndpoint() {
            return cancelEndpoint;
        }

        public void setCancelEndpoint(String cancelEndpoint) {
            this.cancelEndpoint = cancelEndpoint;
        }

        public String getRefundEndpoint() {
            return refundEndpoint;
        }

        public void setRefundEndpoint(String refundEndpoint) {
            this.refundEndpoint = refundEndpoint;
        }

        public String getInquiryEndpoint() {
            return inquiryEndpoint;
        }

        public void setInquiryEndpoint(String inquiryEndpoint) {
            this.inquiryEndpoint = inquiryEndpoint;
        }

        public String getInquiryRefundEndpoint() {
            return inquiryRefundEndpoint;
        }

        public String getMeterRegistry() {
            return meterRegistry;
        }

        public void setMeterRegistry(String meterRegistry) {
            this.meterRegistry = meterRegistry;
        }

        public void setInquiryRefundEndpoint(String inquiryRefundEndpoint) {
            this.inquiryRefundEndpoint = inquiryRefundEndpoint;
        }
    }

    /** The antom-reconciliation template (routes/README.md, "Reconciliation"). */
    public static class Reconciliation extends TemplateRoute {

        private static final Set<String> NOT_PARAMETERS = Set.of("class", "enabled", "routeId", "parameters",
                "clustered", "clusterInstanceId", "clusterCheckinInterval");

        /**
         * Whether reconciliation runs on Quartz's clustered JDBC JobStore on the ledger's DataSource (Quartz's tables
         * are created when missing): with several nodes, each fire time runs on one node and another node takes over
         * when one dies. Every node needs the same CamelContext name (camel.springboot.name), the cluster's name.
         */
        private boolean clustered;

        /**
         * The node's Quartz instance id when clustered: distinct per node, or AUTO (host name and time).
         */
        private String clusterInstanceId = ClusteredQuartz.DEFAULT_INSTANCE_ID;

        /**
         * Milliseconds between a clustered node's check-ins; a node silent for longer is taken over.
         */
        private long clusterCheckinInterval = ClusteredQuartz.DEFAULT_CHECKIN_INTERVAL;

        @Override
        protected Set<String> notParameters() {
            return NOT_PARAMETERS;
        }

        public boolean isClustered() {
            return clustered;
        }

        public void setClustered(boolean clustered) {
            this.clustered = clustered;
        }

        public String getClusterInstanceId() {
            return clusterInstanceId;
        }

        public void setClusterInstanceId(String clusterInstanceId) {
            this.clusterInstanceId = clusterInstanceId;
        }

        public long getClusterCheckinInterval() {
            return clusterCheckinInterval;
        }

        public void setClusterCheckinInterval(long clusterCheckinInterval) {
            this.clusterCheckinInterval = clusterCheckinInterval;
        }

        /**
         * Name of this instance: the Quartz job name, the log and metrics name, the prefix of the bean name-reconciliation. Default: antom-reconciliation.
         */
        private String name;

        /**
         * Quartz cron expression of the runs (seconds first). Default: 0 0/1 * * * ? (every minute).
         */
        private String cron;

        /**
         * Quartz CronTrigger misfire instruction: 2 = do nothing (wait for the next time), 1 = fire once now. Default: 2.
         */
        private Integer misfireInstruction;

        /**
         * Name of the Camel quartz component (in memory by default). Default: quartz.
         */
        private String quartzComponent;

        /**
         * Quartz job group. Default: antom.
         */
        private String quartzGroup;

        /**
         * Bean name of the ledger's DataSource. Default: camel.antom.routes.ledger.data-source, else antomLedgerDataSource.
         */
        private String dataSource;

        /**
         * The ledger's table prefix. Default: camel.antom.routes.ledger.table-prefix, else ANTOM_.
         */
        private String tablePrefix;

        /**
         * JMS queue the results are published to (the order bridge's results-queue). Default: antom.results.
         */
        private String resultsQueue;

        /**
         * Name of the Camel JMS component. Default: jms.
         */
        private String jmsComponent;

        /**
         * Endpoint that inquires a payment. Default: antom:inquiryPayment.
         */
        private String inquiryEndpoint;

        /**
         * Endpoint that cancels a payment. Default: antom:cancel.
         */
        private String cancelEndpoint;

        /**
         * ISO-8601 duration: payments younger than this are left alone. Default: PT1M.
         */
        private String minAge;

        /**
         * Ledger rows selected per batch. Default: 100.
         */
        private Integer batchSize;

        /**
         * Batches per run at most. Default: 10.
         */
        private Integer maxBatchesPerRun;

        /**
         * ISO-8601 duration a payment left open is left alone after its first check. Default: PT1M.
         */
        private String backoffFirst;

        /**
         * Factor that wait grows by per further check. Default: 2.
         */
        private String backoffMultiplier;

        /**
         * ISO-8601 duration: the longest wait between two checks of a payment. Default: PT1H.
         */
        private String backoffMax;

        /**
         * ISO-8601 duration after creation during which ORDER_NOT_EXIST means not visible yet (the pay request may be
         * in flight); later, before the closing time, the original pay request is resent. Default: PT2M.
         */
        private String orderNotExistGracePeriod;

        /**
         * ISO-8601 duration after creation when a payment without expiry time is cancelled if still open. Default: PT1H.
         */
        private String defaultClosingTime;

        /**
         * ISO-8601 duration an unreadable ledger row is pushed back before it is reported again. Default: PT1H.
         */
        private String badRowDelay;

        /**
         * Name of a java.time.Clock bean for every time decision (tests); the system clock when not set.
         */
        private String clock;

        /**
         * Name of a Micrometer MeterRegistry bean; when not set, the only MeterRegistry bean if Micrometer is present.
         */
        private String meterRegistry;

        /**
         * Endpoint that resends a payment's original pay request when Antom answers ORDER_NOT_EXIST before its
         * closing time. Default: antom:pay.
         */
        private String payEndpoint;

        /**
         * Endpoint that resends a refund Antom never received (REFUND_NOT_EXIST). Default: antom:refund.
         */
        private String refundEndpoint;

        /**
         * Endpoint that inquires a refund. Default: antom:inquiryRefund.
         */
        private String inquiryRefundEndpoint;

        /**
         * JMS queue the refund results are published to (the order bridge's refund-results-queue). Default: antom.refund.results.
         */
        private String refundResultsQueue;

        @Override
        public String templateId() {
            return ReconciliationRouteTemplate.TEMPLATE_ID;
        }

        @Override
        public String defaultRouteId() {
            return "antom-reconciliation";
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public Integer getMisfireInstruction() {
            return misfireInstruction;
        }

        public void setMisfireInstruction(Integer misfireInstruction) {
            this.misfireInstruction = misfireInstruction;
        }

        public String getQuartzComponent() {
            return quartzComponent;
        }

        public void setQuartzComponent(String quartzComponent) {
            this.quartzComponent = quartzComponent;
        }

        public String getQuartzGroup() {
            return quartzGroup;
        }

        public void setQuartzGroup(String quartzGroup) {
            this.quartzGroup = quartzGroup;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public String getResultsQueue() {
            return resultsQueue;
        }

        public void setResultsQueue(String resultsQueue) {
            this.resultsQueue = resultsQueue;
        }

        public String getJmsComponent() {
            return jmsComponent;
        }

        public void setJmsComponent(String jmsComponent) {
            this.jmsComponent = jmsComponent;
        }

        public String getInquiryEndpoint() {
            return inquiryEndpoint;
        }

        public void setInquiryEndpoint(String inquiryEndpoint) {
            this.inquiryEndpoint = inquiryEndpoint;
        }

        public String getCancelEndpoint() {
            return cancelEndpoint;
        }

        public void setCancelEndpoint(String cancelEndpoint) {
            this.cancelEndpoint = cancelEndpoint;
        }

        public String getMinAge() {
            return minAge;
        }

        public void setMinAge(String minAge) {
            this.minAge = minAge;
        }

        public Integer getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(Integer batchSize) {
            this.batchSize = batchSize;
        }

        public Integer getMaxBatchesPerRun() {
            return maxBatchesPerRun;
        }

        public void setMaxBatchesPerRun(Integer maxBatchesPerRun) {
            this.maxBatchesPerRun = maxBatchesPerRun;
        }

        public String getBackoffFirst() {
            return backoffFirst;
        }

        public void setBackoffFirst(String backoffFirst) {
            this.backoffFirst = backoffFirst;
        }

        public String getBackoffMultiplier() {
            return backoffMultiplier;
        }

        public void setBackoffMultiplier(String backoffMultiplier) {
            this.backoffMultiplier = backoffMultiplier;
        }

        public String getBackoffMax() {
            return backoffMax;
        }

        public void setBackoffMax(String backoffMax) {
            this.backoffMax = backoffMax;
        }

        public String getOrderNotExistGracePeriod() {
            return orderNotExistGracePeriod;
        }

        public void setOrderNotExistGracePeriod(String orderNotExistGracePeriod) {
            this.orderNotExistGracePeriod = orderNotExistGracePeriod;
        }

        public String getDefaultClosingTime() {
            return defaultClosingTime;
        }

        public void setDefaultClosingTime(String defaultClosingTime) {
            this.defaultClosingTime = defaultClosingTime;
        }

        public String getBadRowDelay() {
            return badRowDelay;
        }

        public void setBadRowDelay(String badRowDelay) {
            this.badRowDelay = badRowDelay;
        }

        public String getClock() {
            return clock;
        }

        public void setClock(String clock) {
            this.clock = clock;
        }

        public String getMeterRegistry() {
            return meterRegistry;
        }

        public void setMeterRegistry(String meterRegistry) {
            this.meterRegistry = meterRegistry;
        }

        public String getPayEndpoint() {
            return payEndpoint;
        }

        public void setPayEndpoint(String payEndpoint) {
            this.payEndpoint = payEndpoint;
        }

        public String getRefundEndpoint() {
            return refundEndpoint;
        }

        public void setRefundEndpoint(String refundEndpoint) {
            this.refundEndpoint = refundEndpoint;
        }

        public String getInquiryRefundEndpoint() {
            return inquiryRefundEndpoint;
        }

        public void setInquiryRefundEndpoint(String inquiryRefundEndpoint) {
            this.inquiryRefundEndpoint = inquiryRefundEndpoint;
        }

        public String getRefundResultsQueue() {
            return refundResultsQueue;
        }

        public void setRefundResultsQueue(String refundResultsQueue) {
            this.refundResultsQueue = refundResultsQueue;
        }
    }

    /**
     * The antom-operations-console route template: the payment operations console (a page and a JSON API) on the
     * application's HTTP server. Off unless enabled; needs password or token.
     */
    public static class OperationsConsole extends TemplateRoute {

        /**
         * Name of this instance: the prefix of its bean name-console. Default: antom-operations-console.
         */
        private String name;

        /**
         * The HTTP consumer of the console, matching every path below console-path. Default: platform-http:/antom/console?matchOnUriPrefix=true (Spring Boot's own server, through camel-platform-http-starter).
         */
        private String httpUri;

        /**
         * The console's path as requests carry it: the page is at console-path/, the JSON API under console-path/api/. Default: /antom/console.
         */
        private String consolePath;

        /**
         * Operator name for HTTP basic authentication, the name the audit records. Default: operator.
         */
        private String username;

        /**
         * Password for HTTP basic authentication. Password or token must be set: the console never runs open.
         */
        private String password;

        /**
         * Bearer token for scripts (audited as operator api-token). Password or token must be set.
         */
        private String token;

        /**
         * Bean name of the ledger's DataSource. Default: camel.antom.routes.ledger.data-source, else antomLedgerDataSource.
         */
        private String dataSource;

        /**
         * The ledger's table prefix. Default: camel.antom.routes.ledger.table-prefix, else ANTOM_.
         */
        private String tablePrefix;

        /**
         * Name of the Camel JMS component whose connection factory reaches the dead-letter queues. Default: jms.
         */
        private String jmsComponent;

        /**
         * Comma-separated dead-letter queues to browse and re-drive from. Default: antom.orders.DLQ.
         */
        private String deadLetterQueues;

        /**
         * Name of the reconciliation instance whose single check "inquire now" runs. Default: antom-reconciliation.
         */
        private String reconciliation;

        /**
         * Bean name of the Micrometer MeterRegistry for the Antom call latency chart. Default: the only MeterRegistry bean, if any.
         */
        private String meterRegistry;

        @Override
        public String templateId() {
            return OperationsConsoleRouteTemplate.TEMPLATE_ID;
        }

        @Override
        public String defaultRouteId() {
            return "antom-operations-console";
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getHttpUri() {
            return httpUri;
        }

        public void setHttpUri(String httpUri) {
            this.httpUri = httpUri;
        }

        public String getConsolePath() {
            return consolePath;
        }

        public void setConsolePath(String consolePath) {
            this.consolePath = consolePath;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public String getJmsComponent() {
            return jmsComponent;
        }

        public void setJmsComponent(String jmsComponent) {
            this.jmsComponent = jmsComponent;
        }

        public String getDeadLetterQueues() {
            return deadLetterQueues;
        }

        public void setDeadLetterQueues(String deadLetterQueues) {
            this.deadLetterQueues = deadLetterQueues;
        }

        public String getReconciliation() {
            return reconciliation;
        }

        public void setReconciliation(String reconciliation) {
            this.reconciliation = reconciliation;
        }

        public String getMeterRegistry() {
            return meterRegistry;
        }

        public void setMeterRegistry(String meterRegistry) {
            this.meterRegistry = meterRegistry;
        }

        @Override
        public String toString() {
            // never the password or the token
            return "OperationsConsole[enabled=" + isEnabled() + ", consolePath=" + consolePath + "]";
        }
    }
}
