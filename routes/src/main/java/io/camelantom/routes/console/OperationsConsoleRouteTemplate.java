package io.camelantom.routes.console;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.camelantom.routes.TemplateParameters;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.reconciliation.Reconciliation;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;

/**
 * Route template {@value #TEMPLATE_ID}: the payment operations console, a web page and a JSON API served by the
 * application's own HTTP server (platform-http in camel-main and Spring Boot, servlet on Karaf) under one path. Off
 * unless a route is made from it; it refuses to start without a password or a token. See
 * {@code docs/operations-console.md}.
 */
public class OperationsConsoleRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "antom-operations-console";

    public static final String NAME = "name";
    public static final String HTTP_URI = "httpUri";
    public static final String CONSOLE_PATH = "consolePath";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String TOKEN = "token";
    public static final String DATA_SOURCE = "dataSource";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String JMS_COMPONENT = "jmsComponent";
    public static final String DEAD_LETTER_QUEUES = "deadLetterQueues";
    public static final String RECONCILIATION = "reconciliation";
    public static final String METER_REGISTRY = "meterRegistry";

    public static final String DEFAULT_PATH = "/antom/console";
    private static final String CONSOLE_BEAN = "-console";

    @Override
    public void configure() throws Exception {
        routeTemplate(TEMPLATE_ID)
                .templateParameter(NAME, TEMPLATE_ID, "Name of this instance: the prefix of its bean <name>-console")
                .templateParameter(HTTP_URI, "platform-http:" + DEFAULT_PATH + "?matchOnUriPrefix=true",
                        "The HTTP consumer of the console (platform-http, or servlet on Karaf), matching every path below consolePath")
                .templateParameter(CONSOLE_PATH, DEFAULT_PATH, "The console's path as requests carry it (the page is at <consolePath>/, the API under <consolePath>/api/)")
                .templateParameter(USERNAME, "operator", "Operator name for HTTP basic authentication (the name audited)")
                .templateOptionalParameter(PASSWORD, "Password for HTTP basic authentication; password or token must be set")
                .templateOptionalParameter(TOKEN, "Bearer token for scripts (audited as operator api-token); password or token must be set")
                .templateParameter(DATA_SOURCE, "antomLedgerDataSource", "Name of the ledger's javax.sql.DataSource bean")
                .templateParameter(TABLE_PREFIX, PaymentLedger.DEFAULT_TABLE_PREFIX, "Table prefix of the ledger")
                .templateParameter(JMS_COMPONENT, "jms", "Name of the Camel JMS component whose connection factory reaches the dead-letter queues")
                .templateParameter(DEAD_LETTER_QUEUES, "antom.orders.DLQ", "Comma-separated dead-letter queues to browse and re-drive from")
                .templateParameter(RECONCILIATION, ReconciliationRouteTemplate.TEMPLATE_ID, "Name of the reconciliation instance whose single check \"inquire now\" runs (its bean <name>-reconciliation)")
                .templateOptionalParameter(METER_REGISTRY, "Name of a Micrometer MeterRegistry bean for the Antom call latency chart; when absent, the only MeterRegistry bean if Micrometer is present, else no chart")
                .configure(this::instantiate)
                .from("{{" + HTTP_URI + "}}")
                .process("{{" + NAME + "}}" + CONSOLE_BEAN);
    }

    private void instantiate(RouteTemplateContext rtc) {
        TemplateParameters p = new TemplateParameters(TEMPLATE_ID, rtc);
        CamelContext context = p.context();
        String name = p.required(NAME);
        ConsoleAuthentication authentication = new ConsoleAuthentication(p.optional(USERNAME), p.optional(PASSWORD),
                p.optional(TOKEN));
        Clock clock = Clock.systemUTC();
        PaymentLedger ledger = p.ledger(DATA_SOURCE, TABLE_PREFIX, clock);
        String jms = p.required(JMS_COMPONENT);
        List<String> queues = TemplateParameters.split(p.required(DEAD_LETTER_QUEUES));
        // looked up per request: the JMS component and reconciliation may be configured after this route
        DeadLetters deadLetters = new DeadLetters(new LazyConnectionFactory(context, jms), queues);
        String reconciliationBean = p.required(RECONCILIATION) + ReconciliationRouteTemplate.BEAN_SUFFIX;
        Supplier<Reconciliation> reconciliation = () -> context.getRegistry().lookupByNameAndType(reconciliationBean,
                Reconciliation.class);
        // the registry is a plain Object: MicrometerCallLatency, the only class linking Micrometer, is loaded only
        // when there is one
        Object meterRegistry = p.meterRegistry(METER_REGISTRY);
        CallLatency callLatency = meterRegistry == null ? CallLatency.NONE : MicrometerCallLatency.of(meterRegistry);
        OperationsConsole console = new OperationsConsole(p.required(CONSOLE_PATH), authentication, ledger,
                deadLetters, reconciliation, callLatency, clock);
        context.getRegistry().bind(name + CONSOLE_BEAN, Processor.class, console);
    }

    /** The JMS component's connection factory, found when first used. */
    private record LazyConnectionFactory(CamelContext context, String component) implements Supplier<ConnectionFactory> {
        @Override
        public ConnectionFactory get() {
            JmsComponent jms = context.getComponent(component, JmsComponent.class);
            ConnectionFactory factory = jms == null ? null : jms.getConfiguration().getConnectionFactory();
            if (factory == null) {
                throw new IllegalStateException(TEMPLATE_ID + ": JMS component '" + component
                        + "' has no connection factory (parameter " + JMS_COMPONENT + ")");
            }
            return factory;
        }
    }
}
