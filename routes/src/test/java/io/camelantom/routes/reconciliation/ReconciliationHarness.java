package io.camelantom.routes.reconciliation;

import io.camelantom.routes.testsupport.ErpOrders;
import io.camelantom.routes.testsupport.MutableClock;
import io.camelantom.routes.testsupport.TestApplications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

import io.camelantom.model.PayRequest;
import io.camelantom.routes.broker.EmbeddedBroker;
import io.camelantom.routes.ledger.EmbeddedLedgerDatabase;
import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.InStorePayments;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

/**
 * The real parts of a reconciliation test: a persistent embedded Artemis, an H2 file ledger, the simulator over HTTP
 * (sharing the test's clock), and applications (CamelContexts) running the {@code antom-reconciliation} template.
 * Inquiries and cancels go through {@code direct:} routes that count them (per paymentRequestId, across every
 * application of the harness) and can make the next cancels fail with HTTP 503.
 */
final class ReconciliationHarness implements AutoCloseable {

    static final String CLIENT_ID = "RECONCILIATION_IT";
    static final String RESULTS = "antom.results";
    static final String NEVER = "0 0 0 1 1 ? 2099";
    private static final KeyPair MERCHANT_KEYS = AntomKeys.generateRsaKeyPair(2048);

    final Path dir;
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final EmbeddedBroker broker;
    final EmbeddedLedgerDatabase db;
    final PaymentLedger ledger;
    private final SimulatorFixture antom;
    final AntomSimulator sim;
    final Map<String, String> parameters = new HashMap<>();
    final Map<String, AtomicInteger> inquiries = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> cancels = new ConcurrentHashMap<>();
    final AtomicInteger failNextCancels = new AtomicInteger();
    /** Runs before each cancel goes to Antom (a pay request arriving at that moment). */
    volatile Runnable cancelHook = () -> {
    };
    final List<CamelContext> apps = new ArrayList<>();

    ReconciliationHarness(Path dir, Duration cancelWindow) {
        this.dir = dir;
        this.broker = new EmbeddedBroker(dir.resolve("broker")).start();
        this.db = EmbeddedLedgerDatabase.open(dir.resolve("ledger"));
        this.ledger = new PaymentLedger(db.dataSource(), PaymentLedger.DEFAULT_TABLE_PREFIX, clock)
                .createSchemaIfMissing();
        this.antom = SimulatorFixture.builder(CLIENT_ID).merchantKeys(MERCHANT_KEYS)
                .simulator(b -> b.clock(clock).timeScale(600).processingDelay(Duration.ofSeconds(30)).cancelWindow(cancelWindow))
                .start();
        this.sim = antom.simulator();
        parameters.put(ReconciliationRouteTemplate.CRON, NEVER);
        parameters.put(ReconciliationRouteTemplate.CLOCK, "testClock");
        parameters.put(ReconciliationRouteTemplate.INQUIRY_ENDPOINT, "direct:inquire");
        parameters.put(ReconciliationRouteTemplate.CANCEL_ENDPOINT, "direct:cancel");
        parameters.put(ReconciliationRouteTemplate.DEFAULT_CLOSING_TIME, "PT10M");
    }

    /** A started application with the template instantiated as route {@code reconciliation}. */
    CamelContext startApp(AppCustomizer beforeStart) throws Exception {
        CamelContext context = TestApplications.context(db.dataSource(), broker.connectionFactory());
        context.getRegistry().bind("testClock", clock);
        TestApplications.addAntom(context, antom).getConfiguration().setRequestTimeout(5000);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:inquire").process(e -> count(inquiries, e.getMessage().getBody()))
                        .to("antom:inquiryPayment");
                from("direct:cancel").process(e -> {
                    count(cancels, e.getMessage().getBody());
                    cancelHook.run();
                    if (failNextCancels.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        sim.faults().failNextRequests(1, 503);
                    }
                }).to("antom:cancel");
            }
        });
        context.addRoutes(new ReconciliationRouteTemplate());
        beforeStart.customize(context);
        TestApplications.addRoute(context, ReconciliationRouteTemplate.TEMPLATE_ID, "reconciliation", parameters);
        context.start();
        apps.add(context);
        return context;
    }

    CamelContext startApp() throws Exception {
        return startApp(c -> {
        });
    }

    /** Starts an application ({@link #startApp(AppCustomizer)}) and returns its reconciliation instance. */
    Reconciliation startReconciliation(AppCustomizer beforeStart) throws Exception {
        return reconciliation(startApp(beforeStart));
    }

    Reconciliation startReconciliation() throws Exception {
        return reconciliation(startApp());
    }

    static Reconciliation reconciliation(CamelContext app) {
        return app.getRegistry().lookupByNameAndType(ReconciliationRouteTemplate.TEMPLATE_ID
                + ReconciliationRouteTemplate.BEAN_SUFFIX, Reconciliation.class);
    }

    private static void count(Map<String, AtomicInteger> counts, Object body) {
        String id = body instanceof io.camelantom.model.InquiryPaymentRequest i ? i.getPaymentRequestId()
                : ((io.camelantom.model.CancelRequest) body).getPaymentRequestId();
        counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    int inquiries(String id) {
        AtomicInteger n = inquiries.get(id);
        return n == null ? 0 : n.get();
    }

    /**
     * Registers an order in the ledger and pays it at the simulator (no notify URL: no notification ever reaches the
     * merchant), then leaves it PROCESSING as the order bridge does after a {@code U}.
     */
    String payLeftProcessing(String orderId, long amountMinor) {
        String id = ledger.register(new NewPayment(orderId, amountMinor, "USD", "reconciliation test", null, null))
                .payment().paymentRequestId();
        payAtAntom(id, amountMinor);
        leaveProcessing(id);
        return id;
    }

    /**
     * An order the order bridge registered (its pay call counted) and then abandoned with its message: left PENDING.
     * With {@code paidAtAntom} the pay request reached Antom (its answer was lost with the bridge); without, it never
     * left. The order is stored as the bridge stores it, so reconciliation can resend it.
     */
    String registerLeftPending(String orderId, long amountMinor, boolean paidAtAntom) {
        String orderJson = ErpOrders.order(orderId, java.math.BigDecimal.valueOf(amountMinor, 2).toPlainString());
        String id = ledger.registerAndRecordCall(new NewPayment(orderId, amountMinor, "USD", "abandoned", null,
                orderJson)).payment().paymentRequestId();
        if (paidAtAntom) {
            payAtAntom(id, amountMinor);
        }
        return id;
    }

    /** Sends a pay request for {@code id} to the simulator (no notify URL). */
    void payAtAntom(String id, long amountMinor) {
        PayRequest pay = InStorePayments.userPresented(id, Long.toString(amountMinor));
        apps.get(0).createProducerTemplate().send("antom:pay", ExchangePattern.InOut, e -> e.getMessage().setBody(pay));
    }

    /** A payment the ledger holds as PROCESSING but Antom never received. */
    String registerNeverSent(String orderId, long amountMinor) {
        return registerNeverSent(orderId, amountMinor, null);
    }

    /** The same, with the order stored as the order bridge stores it (so reconciliation can resend it). */
    String registerNeverSent(String orderId, long amountMinor, String orderJson) {
        String id = ledger.register(new NewPayment(orderId, amountMinor, "USD", "never sent", null, orderJson))
                .payment().paymentRequestId();
        leaveProcessing(id);
        return id;
    }

    private void leaveProcessing(String id) {
        if (!ledger.transition(id, PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                TransitionDetails.result("PAYMENT_IN_PROCESS", "test"))) {
            throw new IllegalStateException("payment " + id + " is not PENDING");
        }
    }

    /** Takes {@code expected} messages from the results queue (up to 10 s), then whatever else comes within 300 ms. */
    List<TextMessage> takeResults(int expected) throws JMSException {
        List<TextMessage> messages = new ArrayList<>();
        broker.receive(RESULTS, expected, Duration.ofSeconds(10)).forEach(m -> messages.add((TextMessage) m));
        return messages;
    }

    /** The one result a test expects ({@link #takeResults}); fails when none or several came. */
    TextMessage takeOneResult() throws JMSException {
        List<TextMessage> results = takeResults(1);
        assertThat(results).as("results").hasSize(1);
        return results.get(0);
    }

    interface AppCustomizer {
        void customize(CamelContext context) throws Exception;
    }

    @Override
    public void close() {
        for (CamelContext app : apps) {
            app.stop();
        }
        antom.close();
        broker.close();
        db.close();
    }
}
