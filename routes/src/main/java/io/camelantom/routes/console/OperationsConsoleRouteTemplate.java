package io.camelantom.routes.console;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

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
        CamelContext context = rtc.getCamelContext();
        String name = param(rtc, NAME);
        String dataSourceName = param(rtc, DATA_SOURCE);
        DataSource dataSource = context.getRegistry().lookupByNameAndType(dataSourceName, DataSource.class);
        if (dataSource == null) {
            throw new IllegalArgumentException(TEMPLATE_ID + ": no javax.sql.DataSource bean named '" + dataSourceName
                    + "' (parameter " + DATA_SOURCE + ")");
        }
        ConsoleAuthentication authentication = new ConsoleAuthentication(param(rtc, USERNAME), param(rtc, PASSWORD),
                param(rtc, TOKEN));
        Clock clock = Clock.systemUTC();
        PaymentLedger ledger = new PaymentLedger(dataSource, param(rtc, TABLE_PREFIX), clock).createSchemaIfMissing();
        String jms = param(rtc, JMS_COMPONENT);
        List<String> queues = Arrays.stream(param(rtc, DEAD_LETTER_QUEUES).split(",")).map(String::strip)
                .filter(q -> !q.isEmpty()).toList();
        // looked up per request: the JMS component and reconciliation may be configured after this route
        DeadLetters deadLetters = new DeadLetters(new LazyConnectionFactory(context, jms), queues);
        String reconciliationBean = param(rtc, RECONCILIATION) + ReconciliationRouteTemplate.BEAN_SUFFIX;
        Supplier<Reconciliation> reconciliation = () -> context.getRegistry().lookupByNameAndType(reconciliationBean,
                Reconciliation.class);
        OperationsConsole console = new OperationsConsole(param(rtc, CONSOLE_PATH), authentication, ledger, deadLetters,
                reconciliation, callLatency(context, param(rtc, METER_REGISTRY)), clock);
        context.getRegistry().bind(name + CONSOLE_BEAN, Processor.class, console);
    }

    private static CallLatency callLatency(CamelContext context, String beanName) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                    OperationsConsoleRouteTemplate.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            if (beanName != null) {
                throw new IllegalArgumentException(TEMPLATE_ID + ": parameter " + METER_REGISTRY
                        + " is set but Micrometer is not on the class path (add camel-micrometer)");
            }
            return CallLatency.NONE;
        }
        return MicrometerCallLatency.lookup(context.getRegistry(), beanName);
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

    private static String param(RouteTemplateContext rtc, String name) {
        Object value = rtc.getProperty(name);
        if (value == null) {
            return null;
        }
        String text = rtc.getCamelContext().resolvePropertyPlaceholders(value.toString()).strip();
        return text.isEmpty() ? null : text;
    }
}
