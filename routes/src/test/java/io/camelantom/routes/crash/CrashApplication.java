package io.camelantom.routes.crash;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelantom.component.AntomComponent;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.notification.NotificationBridgeRouteTemplate;
import io.camelantom.routes.order.OrderBridgeRouteTemplate;
import io.camelantom.routes.reconciliation.ClusteredQuartz;
import io.camelantom.routes.reconciliation.ReconciliationRouteTemplate;
import io.camelantom.routes.testsupport.TestApplications;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application the crash tests kill: the three prebuilt routes (notification bridge, order bridge, reconciliation)
 * with their production wiring, in their own OS process, against a broker, a simulator and (for PostgreSQL) a database
 * server that each run in a process of their own.
 * <p>
 * Arguments {@code key=value}: {@code broker} (Artemis URL), {@code gateway} (the simulator's URL, or the proxy in
 * front of it), {@code keys} (the simulator's key folder), {@code httpPort} (notifications), {@code ledger}
 * ({@code h2:<folder>} or {@code postgresql:<jdbc url>}), optional {@code crashAt=<point>:<n>},
 * {@code quartzInstance=<id>} (clustered Quartz on the ledger's database, for several nodes), {@code trace=true}
 * (see {@link #tracing()}) and extra
 * {@code order.<parameter>} / {@code reconciliation.<parameter>} template parameters. Everything else is the
 * templates' defaults (the component's {@code maxRetries} 0: the order bridge's own resend policy applies).
 * <p>
 * {@code crashAt} is the test-only hook for named points of one payment's life: the n-th time a thread reaches the
 * point, the application prints {@code CRASH-POINT <point> reached} and that thread stops there; the test then kills
 * the process with SIGKILL. The points are Camel interceptors on the routes' own endpoints, so the product code has no
 * test hook:
 * <ul>
 * <li>{@code registered}: the order is in the ledger, the pay request is about to be sent;</li>
 * <li>{@code answered}: Antom answered the pay request, nothing settled yet;</li>
 * <li>{@code settled}: the ledger holds the final status and the result was sent in the order's JMS transaction, which
 * is not committed yet;</li>
 * <li>{@code published}: the notification bridge's JMS send of a notification returned, Antom has no acknowledgement
 * yet.</li>
 * </ul>
 * The order bridge's command routes (cancel, refund, refund notifications: issue 18) run with their defaults.
 * Prints {@value #STARTED} once every route runs.
 */
public final class CrashApplication {

    static final String STARTED = "CRASH-APP STARTED";
    static final String CRASH_POINT = "CRASH-POINT";
    static final String INQUIRY = "TRACE-INQUIRY";
    static final String RECONCILIATION_RUN = "TRACE-RECONCILIATION-RUN";
    static final String PAY = "TRACE-PAY";
    static final String CLIENT_ID = "SIMULATOR_CLIENT";
    static final String ORDERS_QUEUE = "antom.orders";
    static final String RESULTS_QUEUE = "antom.results";
    static final String REFUND_RESULTS_QUEUE = "antom.refund.results";
    static final String CANCELS_QUEUE = "antom.cancels";
    static final String REFUNDS_QUEUE = "antom.refunds";
    static final String DEAD_LETTER_QUEUE = "antom.orders.DLQ";
    static final String NOTIFICATIONS_QUEUE = "antom.notifications.payment";
    static final String NOTIFICATION_PATH = "/antom/notifications";

    private CrashApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("crash-app");

        String ledger = options.get("ledger");
        EmbeddedLedgerDatabase h2 = null;
        DataSource dataSource;
        if (ledger.startsWith("h2:")) {
            h2 = EmbeddedLedgerDatabase.open(Path.of(ledger.substring(3)));
            dataSource = h2.dataSource();
        } else {
            // a pool, as in production; a broken connection is dropped and the ledger waits for a new one
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(ledger.substring("postgresql:".length()));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(Integer.parseInt(options.getOrDefault("poolSize", "24")));
            pool.setConnectionTimeout(5000);
            pool.setInitializationFailTimeout(-1);
            pool.addDataSourceProperty("connectTimeout", "5");
            pool.addDataSourceProperty("socketTimeout", "30");
            dataSource = new HikariDataSource(pool);
        }
        context.getRegistry().bind(OrderBridgeRouteTemplate.DEFAULT_DATA_SOURCE, dataSource);

        Path keys = Path.of(options.get("keys"));
        AntomComponent antom = new AntomComponent();
        antom.getConfiguration().setClientId(CLIENT_ID);
        antom.getConfiguration().setGatewayUrl(options.get("gateway"));
        antom.getConfiguration().setPrivateKeyFile(keys.resolve("merchant-private-key.pem").toString());
        antom.getConfiguration().setAntomPublicKeyFile(keys.resolve("antom-public-key.pem").toString());
        antom.getConfiguration().setConnectTimeout(2000);
        antom.getConfiguration().setRequestTimeout(5000);
        context.addComponent("antom", antom);
        // consumerWindowSize=0: no message waits in a client buffer, so a kill counts a delivery only against the
        // messages being processed (routes/README.md, "Broker settings")
        context.addComponent("jms", JmsComponent.jmsComponent(
                new ActiveMQConnectionFactory(options.get("broker") + "?consumerWindowSize=0")));

        int httpPort = Integer.parseInt(options.get("httpPort"));
        TestApplications.addHttpServer(context, httpPort);

        if (options.containsKey("quartzInstance")) {
            // several nodes: Quartz's JDBC JobStore on the ledger's database, clustered, one run per fire time
            ClusteredQuartz.createTablesIfMissing(dataSource);
            context.addComponent("quartz", ClusteredQuartz.component(dataSource, "antom-reconciliation",
                    options.get("quartzInstance"), 2000));
        }
        context.addRoutes(crashHooks(options.get("crashAt")));
        if (Boolean.parseBoolean(options.get("trace"))) {
            context.addRoutes(tracing());
            // interceptFrom only sees the routes of its own builder: a Quartz-fired exchange is seen as an event (when
            // it completes: the fire-time headers are set by then)
            context.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
                @Override
                public void notify(org.apache.camel.spi.CamelEvent event) {
                    if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent created
                            && created.getExchange().getFromEndpoint() != null
                            && created.getExchange().getFromEndpoint().getEndpointUri().startsWith("quartz")) {
                        java.util.Date scheduled = created.getExchange().getMessage()
                                .getHeader("scheduledFireTime", java.util.Date.class);
                        System.out.println(RECONCILIATION_RUN + " " + (scheduled == null ? -1 : scheduled.getTime()));
                    }
                }
            });
        }
        context.addRoutes(new NotificationBridgeRouteTemplate());
        context.addRoutes(new OrderBridgeRouteTemplate());
        context.addRoutes(new ReconciliationRouteTemplate());
        EmbeddedLedgerDatabase database = h2;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                context.stop();
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }, "crash-app-stop"));
        context.start();

        TestApplications.addRoute(context, NotificationBridgeRouteTemplate.TEMPLATE_ID, "antom-notifications",
                Map.of("httpUri", "platform-http:" + NOTIFICATION_PATH, "notificationPath", NOTIFICATION_PATH));
        Map<String, String> orders = new HashMap<>(Map.of(
                "paymentNotifyUrl", "http://127.0.0.1:" + httpPort + NOTIFICATION_PATH,
                "concurrentConsumers", "8",
                "jmsRecoveryInterval", "1000",
                "redeliveryDelay", "500",
                "outboxRepairPeriod", "2000",
                "outboxQuietPeriod", "PT5S"));
        Map<String, String> reconciliation = new HashMap<>(Map.of(
                "cron", "0/2 * * * * ?",
                "minAge", "PT5S",
                "backoffFirst", "PT2S",
                "backoffMax", "PT5S",
                // a payment abandoned by a killed bridge (its message gone) is taken over within the test's patience
                "pendingTimeout", "PT30S",
                // the grace only has to cover a pay or refund request still in flight, i.e. the client's timeouts
                // above (routes/README.md); the default 2 minutes would only make the taken-over payments wait
                "orderNotExistGracePeriod", "PT10S"));
        options.forEach((key, value) -> {
            if (key.startsWith("order.")) {
                orders.put(key.substring("order.".length()), value);
            } else if (key.startsWith("reconciliation.")) {
                reconciliation.put(key.substring("reconciliation.".length()), value);
            }
        });
        TestApplications.addRoute(context, OrderBridgeRouteTemplate.TEMPLATE_ID, "antom-orders", orders);
        TestApplications.addRoute(context, ReconciliationRouteTemplate.TEMPLATE_ID, "antom-reconciliation",
                reconciliation);
        System.out.println(STARTED + " (" + context.getRoutes().size() + " routes)");
    }

    /** The named crash points as interceptors on the routes' endpoints (see the class comment). */
    private static RouteBuilder crashHooks(String crashAt) {
        String point = crashAt == null ? "" : crashAt.substring(0, crashAt.indexOf(':'));
        int nth = crashAt == null ? 0 : Integer.parseInt(crashAt.substring(crashAt.indexOf(':') + 1));
        AtomicInteger reached = new AtomicInteger();
        return new RouteBuilder() {
            @Override
            public void configure() {
                switch (point) {
                    case "registered" -> interceptSendToEndpoint("antom:pay*").process(stopAt(point, nth, reached));
                    // an interceptor needs a step of its own besides its afterUri
                    case "answered" -> interceptSendToEndpoint("antom:pay*").afterUri("direct:crash-point")
                            .setProperty("crashHook", constant(point));
                    case "settled" -> interceptSendToEndpoint(".*antom\\.results.*").afterUri("direct:crash-point")
                            .setProperty("crashHook", constant(point));
                    case "published" -> interceptSendToEndpoint(".*antom\\.notifications\\.payment.*")
                            .afterUri("direct:crash-point").setProperty("crashHook", constant(point));
                    case "" -> {
                    }
                    default -> throw new IllegalArgumentException("unknown crash point " + point);
                }
                from("direct:crash-point").routeId("crash-point").process(stopAt(point, nth, reached));
            }
        };
    }

    /**
     * Prints what the multi-node test checks from outside: each pay request sent ({@value #PAY}), each inquiry's start
     * and end ({@value #INQUIRY} lines with the paymentRequestId and wall-clock milliseconds) and each reconciliation
     * run's scheduled fire time ({@value #RECONCILIATION_RUN}).
     */
    private static RouteBuilder tracing() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // every interceptor before the first route of the builder
                interceptSendToEndpoint("antom:inquiryPayment*").afterUri("direct:trace-inquiry-end")
                        .process(exchange -> {
                            String id = exchange.getMessage().getBody(InquiryPaymentRequest.class).getPaymentRequestId();
                            exchange.setProperty("tracedPayment", id);
                            System.out.println(INQUIRY + " start " + id + " " + System.currentTimeMillis());
                        });
                interceptSendToEndpoint("antom:pay*").process(exchange -> System.out.println(PAY + " "
                        + exchange.getMessage().getBody(io.camelantom.model.PayRequest.class).getPaymentRequestId()));
                from("direct:trace-inquiry-end").routeId("trace-inquiry-end")
                        .process(exchange -> System.out.println(INQUIRY + " end " + exchange.getProperty("tracedPayment")
                                + " " + System.currentTimeMillis()));
            }
        };
    }

    private static Processor stopAt(String point, int nth, AtomicInteger reached) {
        return exchange -> {
            if (reached.incrementAndGet() == nth) {
                System.out.println(CRASH_POINT + " " + point + " reached (" + nth + ")");
                System.out.flush();
                // this thread stays here until the test kills the process
                Thread.sleep(Long.MAX_VALUE);
            }
        };
    }
}
