package io.camelantom.routes.reconciliation;

import java.time.Clock;

import io.camelantom.metrics.AntomMeters;
import io.camelantom.routes.TemplateParameters;
import io.camelantom.routes.ledger.CheckBackoff;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.notification.AntomJmsHeaderFilterStrategy;
import io.camelantom.routes.result.EndpointResultPublisher;
import io.camelantom.routes.result.PaymentSettlement;
import io.camelantom.routes.result.RefundSettlement;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route template {@value #TEMPLATE_ID}: a {@code quartz:} trigger runs a reconciliation pass over the ledger's
 * PROCESSING and UNKNOWN payments: inquire, settle and publish the result once, cancel past the closing time (see
 * {@code routes/README.md}, "Reconciliation").
 * <p>
 * The pass itself is a {@link Reconciliation} made when the template is instantiated and bound in the CamelContext's
 * registry as {@code <name>-reconciliation}: {@code runOnce()} runs a pass on demand (operators, tests), e.g.
 * {@code .to("bean:antom-reconciliation-reconciliation?method=runOnce")}. Nothing is static.
 */
public class ReconciliationRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "antom-reconciliation";

    /** Parameter names (camelCase; as properties {@code camel.antom.routes.reconciliation.<parameter-in-kebab-case>}). */
    public static final String NAME = "name";
    public static final String CRON = "cron";
    public static final String MISFIRE_INSTRUCTION = "misfireInstruction";
    public static final String QUARTZ_COMPONENT = "quartzComponent";
    public static final String QUARTZ_GROUP = "quartzGroup";
    public static final String DATA_SOURCE = "dataSource";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String RESULTS_QUEUE = "resultsQueue";
    public static final String JMS_COMPONENT = "jmsComponent";
    public static final String INQUIRY_ENDPOINT = "inquiryEndpoint";
    public static final String CANCEL_ENDPOINT = "cancelEndpoint";
    public static final String MIN_AGE = "minAge";
    public static final String BATCH_SIZE = "batchSize";
    public static final String MAX_BATCHES_PER_RUN = "maxBatchesPerRun";
    public static final String BACKOFF_FIRST = "backoffFirst";
    public static final String BACKOFF_MULTIPLIER = "backoffMultiplier";
    public static final String BACKOFF_MAX = "backoffMax";
    public static final String ORDER_NOT_EXIST_GRACE_PERIOD = "orderNotExistGracePeriod";
    public static final String PENDING_TIMEOUT = "pendingTimeout";
    public static final String DEFAULT_CLOSING_TIME = "defaultClosingTime";
    public static final String BAD_ROW_DELAY = "badRowDelay";
    public static final String CLOCK = "clock";
    public static final String METER_REGISTRY = "meterRegistry";
    public static final String PAY_ENDPOINT = "payEndpoint";
    public static final String REFUND_ENDPOINT = "refundEndpoint";
    public static final String INQUIRY_REFUND_ENDPOINT = "inquiryRefundEndpoint";
    public static final String REFUND_RESULTS_QUEUE = "refundResultsQueue";

    /** The ledger's DataSource bean name by default, the same as the other templates'. */
    public static final String DEFAULT_DATA_SOURCE = "antomLedgerDataSource";
    /** The suffix of the {@link Reconciliation} bean's name: {@code <name>-reconciliation}. */
    public static final String BEAN_SUFFIX = "-reconciliation";

    @Override
    public void configure() {
        routeTemplate(TEMPLATE_ID)
                .templateParameter(NAME, TEMPLATE_ID, "Name of this instance: the Quartz job name, the log and metrics name, and the prefix of the bean <name>-reconciliation")
                .templateParameter(CRON, "0 0/1 * * * ?", "Quartz cron expression of the runs (seconds first)")
                .templateParameter(MISFIRE_INSTRUCTION, "2", "Quartz CronTrigger misfire instruction: 2 = do nothing (wait for the next time), 1 = fire once now")
                .templateParameter(QUARTZ_COMPONENT, "quartz", "Name of the Camel quartz component (in memory by default; see ClusteredQuartz)")
                .templateParameter(QUARTZ_GROUP, "antom", "Quartz job group")
                .templateParameter(DATA_SOURCE, DEFAULT_DATA_SOURCE, "Name of the ledger's javax.sql.DataSource bean (a plain pool, not transaction-bound)")
                .templateParameter(TABLE_PREFIX, PaymentLedger.DEFAULT_TABLE_PREFIX, "Table prefix of the ledger")
                .templateParameter(RESULTS_QUEUE, "antom.results", "JMS queue the results are published to (the order bridge's resultsQueue)")
                .templateParameter(JMS_COMPONENT, "jms", "Name of the Camel JMS component")
                .templateParameter(INQUIRY_ENDPOINT, "antom:inquiryPayment", "Endpoint that inquires a payment")
                .templateParameter(CANCEL_ENDPOINT, "antom:cancel", "Endpoint that cancels a payment")
                .templateParameter(MIN_AGE, "PT1M", "ISO-8601 duration: payments younger than this are left alone")
                .templateParameter(BATCH_SIZE, "100", "Ledger rows selected per batch")
                .templateParameter(MAX_BATCHES_PER_RUN, "10", "Batches per run at most")
                .templateParameter(BACKOFF_FIRST, "PT1M", "ISO-8601 duration a payment left open is left alone after its first check")
                .templateParameter(BACKOFF_MULTIPLIER, "2", "Factor that wait grows by per further check")
                .templateParameter(BACKOFF_MAX, "PT1H", "ISO-8601 duration: the longest wait between two checks of a payment")
                .templateParameter(ORDER_NOT_EXIST_GRACE_PERIOD, "PT2M", "ISO-8601 duration after creation during which ORDER_NOT_EXIST means 'not visible yet' (the pay request may be in flight); later, before the closing time, the original pay request is resent")
                .templateParameter(DEFAULT_CLOSING_TIME, "PT1H", "ISO-8601 duration after creation when a payment without expiry time in the ledger is cancelled if still open")
                .templateParameter(PENDING_TIMEOUT, "PT10M", "ISO-8601 duration a PENDING payment may go unwritten before reconciliation takes it over (PENDING becomes UNKNOWN, then it is checked like one): its order bridge stopped before settling it and its order message is gone (e.g. dead-lettered by the broker after repeated crashes)")
                .templateParameter(BAD_ROW_DELAY, "PT1H", "ISO-8601 duration an unreadable ledger row is pushed back before it is reported again")
                .templateOptionalParameter(CLOCK, "Name of a java.time.Clock bean for every time decision (tests); the system clock when absent")
                .templateOptionalParameter(METER_REGISTRY, "Name of a Micrometer MeterRegistry bean; when absent, the only MeterRegistry bean if Micrometer is present, else no metrics")
                .templateParameter(PAY_ENDPOINT, "antom:pay", "Endpoint that resends a payment's original pay request when Antom answers ORDER_NOT_EXIST before its closing time")
                .templateParameter(REFUND_ENDPOINT, "antom:refund", "Endpoint that resends a refund Antom never received (REFUND_NOT_EXIST)")
                .templateParameter(INQUIRY_REFUND_ENDPOINT, "antom:inquiryRefund", "Endpoint that inquires a refund")
                .templateParameter(REFUND_RESULTS_QUEUE, "antom.refund.results", "JMS queue the refund results are published to (the order bridge's refundResultsQueue)")
                .configure(this::instantiate)
                .from("{{" + QUARTZ_COMPONENT + "}}://{{" + QUARTZ_GROUP + "}}/{{" + NAME + "}}?cron=RAW({{" + CRON + "}})"
                        + "&stateful=true&trigger.misfireInstruction={{" + MISFIRE_INSTRUCTION + "}}")
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.ERROR, "Reconciliation {{" + NAME + "}}: run failed, the next run tries again: ${exception}")
                .end()
                .process("{{" + NAME + "}}" + BEAN_SUFFIX);
    }

    private void instantiate(RouteTemplateContext rtc) {
        TemplateParameters p = new TemplateParameters(TEMPLATE_ID, rtc);
        CamelContext context = p.context();
        String name = p.required(NAME);
        Clock clock = p.bean(CLOCK, Clock.class);
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        ReconciliationSettings settings = new ReconciliationSettings(p.duration(MIN_AGE),
                p.integer(BATCH_SIZE), p.integer(MAX_BATCHES_PER_RUN),
                new CheckBackoff(p.duration(BACKOFF_FIRST), p.decimal(BACKOFF_MULTIPLIER),
                        p.duration(BACKOFF_MAX)),
                p.duration(ORDER_NOT_EXIST_GRACE_PERIOD), p.duration(DEFAULT_CLOSING_TIME),
                p.duration(BAD_ROW_DELAY), p.duration(PENDING_TIMEOUT));

        PaymentLedger ledger = p.ledger(DATA_SOURCE, TABLE_PREFIX, clock);
        String jms = p.required(JMS_COMPONENT);
        String resultsUri = AntomJmsHeaderFilterStrategy.queueUri(jms, p.required(RESULTS_QUEUE));
        AntomMeters meters = p.meters(METER_REGISTRY, "name", name);
        PaymentSettlement settlement = new PaymentSettlement(ledger,
                new EndpointResultPublisher(context, resultsUri).countedIn(meters), clock);
        AntomCalls antom = new AntomCalls(context.createProducerTemplate(), p.required(INQUIRY_ENDPOINT),
                p.required(CANCEL_ENDPOINT), p.required(PAY_ENDPOINT), p.required(REFUND_ENDPOINT),
                p.required(INQUIRY_REFUND_ENDPOINT));
        String refundResultsUri = AntomJmsHeaderFilterStrategy.queueUri(jms, p.required(REFUND_RESULTS_QUEUE));
        RefundSettlement refunds = new RefundSettlement(ledger.refunds(),
                new EndpointResultPublisher(context, refundResultsUri), clock);
        Reconciliation reconciliation = new Reconciliation(name, settlement, refunds, antom, settings, clock,
                meters.isRecording() ? new ReconciliationMetrics(meters) : null);
        context.getRegistry().bind(name + BEAN_SUFFIX, Reconciliation.class, reconciliation);
    }
}
