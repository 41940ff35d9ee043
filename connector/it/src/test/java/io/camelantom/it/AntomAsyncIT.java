package io.camelantom.it;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomConstants;
import io.camelantom.model.PayResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-blocking producer: many calls in flight from one thread, with far fewer threads than calls, each charged
 * once; resends of an unknown outcome wait on a timer, not in a sleeping thread.
 */
class AntomAsyncIT extends SimulatorSupport {

    private static final int IN_FLIGHT = 200;

    @Override
    void configure(CamelContext context) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pay").to("antom:pay?maxConnections=" + IN_FLIGHT + "&maxRetries=2&retryDelay=100");
            }
        });
    }

    @Test
    void hundredsOfCallsInFlightWithoutAThreadEach() throws Exception {
        sim.faults().latency(Duration.ofMillis(500));
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Exchange>> replies = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            String id = newId("async-" + i);
            ids.add(id);
            replies.add(template.asyncSend("direct:pay", e -> e.getMessage().setBody(inStorePay(id, "1000"))));
        }
        // all 200 are sent (or queued for a connection) by now; none has a thread of its own
        int threadsInFlight = ManagementFactory.getThreadMXBean().getThreadCount();
        assertThat(threadsInFlight - threadsBefore).isLessThan(IN_FLIGHT / 4);
        for (int i = 0; i < IN_FLIGHT; i++) {
            Exchange reply = replies.get(i).get();
            assertThat(reply.getException()).isNull();
            assertThat(reply.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
            assertThat(reply.getMessage().getBody()).isInstanceOf(PayResponse.class);
            assertThat(reply.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo(ids.get(i));
            assertThat(sim.chargeCount(ids.get(i))).isEqualTo(1);
        }
    }

    @Test
    void nonBlockingResendsChargeOnceAndGiveUpWithTheRetryableException() throws Exception {
        sim.faults().failNextRequests(2, 503);
        String id = newId("async-resent");
        Exchange resent = template.asyncSend("direct:pay", e -> e.getMessage().setBody(inStorePay(id, "500"))).get();
        assertThat(resent.getException()).isNull();
        assertThat(resent.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("S");
        assertThat(sim.chargeCount(id)).isEqualTo(1);

        sim.faults().failNextRequests(3, 503);
        Exchange given = template.asyncSend("direct:pay", e -> e.getMessage().setBody(inStorePay(newId("async-gives-up"), "500")))
                .get();
        assertThat(given.getException()).isInstanceOf(AntomRetryableException.class);
        assertThat(((AntomRetryableException) given.getException()).getAttempts()).isEqualTo(3);
        assertThat(given.getMessage().getHeader(AntomConstants.RESULT_STATUS)).isEqualTo("U");
        assertThat(given.getProperty(AntomConstants.PENDING_REQUEST)).isNotNull();
    }
}
