package io.camelantom.it;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelantom.client.AntomFailureException;
import io.camelantom.component.AntomComponent;
import io.camelantom.model.Amount;
import io.camelantom.model.PayRequest;
import io.camelantom.model.RefundRequest;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import io.camelantom.simulator.testing.InStorePayments;
import io.camelantom.simulator.testing.SimulatorFixture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One simulator per test class (port 0), a fresh CamelContext per test with the {@code antom} component pointed at it.
 */
abstract class SimulatorSupport {

    static final String CLIENT_ID = "IT_MERCHANT_1";
    static final String SANDBOX_CLIENT_ID = "SANDBOX_IT_MERCHANT_2";

    static SimulatorFixture antom;
    static KeyPair merchantKeys;
    static AntomSimulator sim;

    CamelContext context;
    ProducerTemplate template;

    /** The simulators started for the running test class; all closed after it. */
    private static final List<SimulatorFixture> STARTED = new ArrayList<>();

    @BeforeAll
    static void startSimulator() {
        merchantKeys = AntomKeys.generateRsaKeyPair(2048);
        antom = closedAfterAll(SimulatorFixture.builder(CLIENT_ID).merchantKeys(merchantKeys)
                .simulator(b -> b.merchant(SANDBOX_CLIENT_ID, merchantKeys.getPublic())
                        .timeScale(600).slowResponseDelay(Duration.ofSeconds(3)))
                .start());
        sim = antom.simulator();
    }

    /** A simulator a test class starts besides the shared one: closed with it, after the class's tests. */
    static SimulatorFixture closedAfterAll(SimulatorFixture started) {
        STARTED.add(started);
        return started;
    }

    @AfterAll
    static void stopSimulators() {
        STARTED.forEach(SimulatorFixture::close);
        STARTED.clear();
    }

    @BeforeEach
    void startCamel() throws Exception {
        sim.faults().clear();
        context = new DefaultCamelContext();
        context.addComponent("antom", component(antom));
        configure(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** A component pointed at {@code simulator} with the fixture's options (keys, gateway, client id). */
    AntomComponent component(SimulatorFixture simulator) {
        AntomComponent component = new AntomComponent();
        PropertyBindingSupport.bindProperties(context, component.getConfiguration(), simulator.componentOptions());
        component.getConfiguration().setRequestTimeout(5000);
        return component;
    }

    /** Hook for routes and extra configuration before the context starts. */
    void configure(CamelContext context) throws Exception {
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
        sim.faults().clear();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** An in-store user-presented payment of {@code minorUnits} USD; the last two digits pick the simulator's outcome. */
    static PayRequest inStorePay(String paymentRequestId, String minorUnits) {
        return InStorePayments.userPresented(paymentRequestId, minorUnits);
    }

    /** A refund of {@code value} minor units USD of {@code paymentId}. */
    static RefundRequest refund(String paymentId, String refundRequestId, String value) {
        RefundRequest refund = new RefundRequest();
        refund.setPaymentId(paymentId);
        refund.setRefundRequestId(refundRequestId);
        refund.setRefundAmount(new Amount("USD", value));
        refund.setRefundReason("customer returned the goods");
        return refund;
    }

    /** The exchange failed with a {@code type}; returns it for more checks. */
    static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        assertThat(exchange.getException()).isInstanceOf(type);
        return type.cast(exchange.getException());
    }

    /** Sends, and requires Antom's final failure with {@code resultCode}; returns it for more checks. */
    AntomFailureException sendFailing(String uri, Object body, String resultCode) {
        AntomFailureException failure = failure(send(uri, body), AntomFailureException.class);
        assertThat(failure.getResultCode()).isEqualTo(resultCode);
        return failure;
    }

    Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
    }

    /** Pays {@code minorUnits} USD successfully and returns the paymentId. */
    String paid(String paymentRequestId, String minorUnits) {
        Exchange e = send("antom:pay", inStorePay(paymentRequestId, minorUnits));
        if (e.getException() != null) {
            throw new AssertionError("payment failed", e.getException());
        }
        return e.getMessage().getHeader("CamelAntomPaymentId", String.class);
    }
}
