package io.camelantom.it;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.camelantom.component.AntomComponent;
import io.camelantom.model.Amount;
import io.camelantom.model.Order;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PaymentFactor;
import io.camelantom.model.PaymentMethod;
import io.camelantom.signing.AntomKeys;
import io.camelantom.simulator.AntomSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class (port 0), a fresh CamelContext per test with the {@code antom} component pointed at it.
 */
abstract class SimulatorSupport {

    static final String CLIENT_ID = "IT_MERCHANT_1";
    static final String SANDBOX_CLIENT_ID = "SANDBOX_IT_MERCHANT_2";

    static KeyPair merchantKeys;
    static AntomSimulator sim;

    CamelContext context;
    ProducerTemplate template;

    @BeforeAll
    static void startSimulator() {
        merchantKeys = AntomKeys.generateRsaKeyPair(2048);
        sim = AntomSimulator.builder().merchant(CLIENT_ID, merchantKeys.getPublic())
                .merchant(SANDBOX_CLIENT_ID, merchantKeys.getPublic())
                .timeScale(600).slowResponseDelay(Duration.ofSeconds(3)).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void startCamel() throws Exception {
        sim.faults().clear();
        context = new DefaultCamelContext();
        AntomComponent antom = new AntomComponent();
        antom.getConfiguration().setClientId(CLIENT_ID);
        antom.getConfiguration().setPrivateKey(AntomKeys.toPem(merchantKeys.getPrivate()));
        antom.getConfiguration().setAntomPublicKey(sim.antomPublicKeyPem());
        antom.getConfiguration().setGatewayUrl(sim.baseUrl());
        antom.getConfiguration().setRequestTimeout(5000);
        context.addComponent("antom", antom);
        configure(context);
        context.start();
        template = context.createProducerTemplate();
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
        PayRequest pay = new PayRequest();
        pay.setProductCode("IN_STORE_PAYMENT");
        pay.setPaymentRequestId(paymentRequestId);
        pay.setPaymentAmount(new Amount("USD", minorUnits));
        Order order = new Order();
        order.setReferenceOrderId("order-" + paymentRequestId);
        order.setOrderDescription("Coffee beans");
        order.setOrderAmount(new Amount("USD", minorUnits));
        pay.setOrder(order);
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CONNECT_WALLET");
        method.setPaymentMethodId("281012020000123456");
        pay.setPaymentMethod(method);
        PaymentFactor factor = new PaymentFactor();
        factor.setInStorePaymentScenario("PaymentCode");
        pay.setPaymentFactor(factor);
        return pay;
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
