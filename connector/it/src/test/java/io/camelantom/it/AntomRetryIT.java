package io.camelantom.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomConstants;
import io.camelantom.component.PendingRequest;
import io.camelantom.model.AntomJson;
import io.camelantom.model.PayRequest;
import io.camelantom.simulator.PaymentStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts, 5xx, lost answers and U: the retryable exception, and a retry (Camel redelivery or the built-in retry)
 * that never charges twice.
 */
class AntomRetryIT extends SimulatorSupport {

    private final List<byte[]> redeliveredBodies = new CopyOnWriteArrayList<>();

    @Override
    void configure(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the recipe of the component doc: redeliver only what is retryable, never an F
                onException(AntomRetryableException.class).maximumRedeliveries(3).redeliveryDelay(200)
                        .onRedelivery(e -> redeliveredBodies.add(e.getProperty(AntomConstants.PENDING_REQUEST, PendingRequest.class).body()));
                from("direct:pay").to("antom:pay?requestTimeout=1s");
            }
        });
    }

    private Exchange payThroughRoute(PayRequest pay) {
        return template.request("direct:pay", e -> e.getMessage().setBody(pay));
    }

    @Test
    void timeoutIsRetryableAndTheResendDoesNotChargeTwice() {
        String id = newId("slow");
        Exchange direct = send("antom:pay?requestTimeout=1s", inStorePay(id, "771"));
        assertThat(direct.getException()).isInstanceOf(AntomRetryableException.class);
        assertThat(((AntomRetryableException) direct.getException()).getKind()).isEqualTo(AntomRetryableException.Kind.TIMEOUT);
        assertThat(sim.chargeCount(id)).isEqualTo(1);

        String routed = newId("slow-routed");
        Exchange e = payThroughRoute(inStorePay(routed, "871"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        assertThat(sim.chargeCount(routed)).isEqualTo(1);
        assertThat(sim.payment(routed).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void http500BeforeProcessingIsRetryableAndRedeliveryPaysOnce() {
        String id = newId("500-before");
        Exchange e = payThroughRoute(inStorePay(id, "572"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
        assertThat(sim.chargeCount(id)).isEqualTo(1);
        // the redelivery sent the very bytes of the first attempt
        assertThat(redeliveredBodies).hasSize(1);
        assertThat(redeliveredBodies.get(0)).isEqualTo(AntomJson.canonicalBytes(inStorePay(id, "572")));
    }

    @Test
    void lostAnswerAfterChargingIsRetryableAndTheResendReturnsTheChargeNotASecondOne() {
        String id = newId("500-after");
        Exchange first = send("antom:pay", inStorePay(id, "573"));
        assertThat(first.getException()).isInstanceOf(AntomRetryableException.class);
        AntomRetryableException u = (AntomRetryableException) first.getException();
        assertThat(u.getKind()).isEqualTo(AntomRetryableException.Kind.HTTP_ERROR);
        assertThat(u.getHttpStatus()).isEqualTo(500);
        assertThat(sim.chargeCount(id)).isEqualTo(1);

        Exchange again = send("antom:pay", inStorePay(id, "573"));
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(sim.chargeCount(id)).isEqualTo(1);

        String routed = newId("500-after-routed");
        assertThat(payThroughRoute(inStorePay(routed, "673")).getException()).isNull();
        assertThat(sim.chargeCount(routed)).isEqualTo(1);
    }

    @Test
    void builtInRetryResendsOnUnknownAndChargesOnce() {
        String id = newId("u-after");
        Exchange e = send("antom:pay?maxRetries=2&retryDelay=100", inStorePay(id, "591"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(sim.chargeCount(id)).isEqualTo(1);

        String limited = newId("rate-limited");
        Exchange r = send("antom:pay?maxRetries=1&retryDelay=50", inStorePay(limited, "581"));
        assertThat(r.getException()).isNull();
        assertThat(sim.chargeCount(limited)).isEqualTo(1);

        sim.faults().failNextRequests(2, 503);
        String faulted = newId("faulted");
        assertThat(send("antom:pay?maxRetries=2&retryDelay=50&retryBackoffMultiplier=1.5", inStorePay(faulted, "500"))
                .getException()).isNull();
        assertThat(sim.chargeCount(faulted)).isEqualTo(1);
    }

    @Test
    void builtInRetryGivesUpWithTheRetryableException() {
        sim.faults().failNextRequests(3, 503);
        Exchange e = send("antom:pay?maxRetries=1&retryDelay=50", inStorePay(newId("gives-up"), "500"));
        AntomRetryableException u = (AntomRetryableException) e.getException();
        assertThat(u.getAttempts()).isEqualTo(2);
        assertThat(u.getMessage()).contains("after 2 attempts");
    }

    @Test
    void droppedConnectionIsRetryable() {
        sim.faults().resetNextRequests(1);
        String id = newId("reset");
        Exchange first = send("antom:pay", inStorePay(id, "500"));
        assertThat(first.getException()).isInstanceOf(AntomRetryableException.class);
        assertThat(((AntomRetryableException) first.getException()).getKind()).isIn(AntomRetryableException.Kind.IO_ERROR,
                AntomRetryableException.Kind.TIMEOUT);
        assertThat(send("antom:pay", inStorePay(id, "500")).getException()).isNull();
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void failureIsNeverRedelivered() {
        Exchange e = payThroughRoute(inStorePay(newId("f"), "5151"));
        assertThat(e.getException()).isInstanceOf(AntomFailureException.class);
        assertThat(e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)).isZero();
        assertThat(redeliveredBodies).isEmpty();
    }

    @Test
    void processingPaymentResolvesAndInquiryTellsSo() throws Exception {
        String id = newId("processing");
        assertThat(send("antom:pay", inStorePay(id, "561")).getException()).isInstanceOf(AntomRetryableException.class);
        String status = null;
        for (int i = 0; i < 100 && !"SUCCESS".equals(status); i++) {
            Thread.sleep(100);
            status = send("antom:inquiryPayment", java.util.Map.of("paymentRequestId", id)).getMessage()
                    .getHeader(AntomConstants.PAYMENT_STATUS, String.class);
        }
        assertThat(status).isEqualTo("SUCCESS");
        assertThat(sim.chargeCount(id)).isEqualTo(1);
    }
}
