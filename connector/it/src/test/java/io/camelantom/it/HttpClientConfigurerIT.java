package io.camelantom.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelantom.client.AntomHttpClientConfigurer;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomComponent;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.PayResponse;
import io.camelantom.simulator.ReceivedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's {@link AntomHttpClientConfigurer} tunes the HttpClient 5 builder the component uses, on the component or
 * per endpoint ({@code #bean:}), and the simulator sees what it did; the component's own options keep working and no
 * configurer can make HttpClient resend a payment behind the component's back.
 */
class HttpClientConfigurerIT extends SimulatorSupport {

    private final AtomicInteger httpRetriesAsked = new AtomicInteger();

    @Override
    void configure(CamelContext context) {
        AntomComponent antom = context.getComponent("antom", AntomComponent.class);
        // the component-wide configurer: a header on every request, and an (ignored) attempt at HTTP-level retries
        antom.getConfiguration().setHttpClientConfigurer(builder -> builder
                .addRequestInterceptorFirst((request, entity, ctx) -> request.addHeader("X-Merchant-Trace", "shop-42"))
                .setRetryStrategy(new AlwaysRetry(httpRetriesAsked)));
        AntomHttpClientConfigurer endpointOnly = builder -> builder
                .addRequestInterceptorLast((request, entity, ctx) -> request.addHeader("X-Endpoint-Configurer", "inquiry"));
        context.getRegistry().bind("inquiryConfigurer", endpointOnly);
    }

    @Test
    void aComponentConfigurerAppliesToEveryRequestAndTheComponentsOwnOptionsKeepWorking() {
        String id = newId("configurer");
        Exchange paid = send("antom:pay", inStorePay(id, "1000"));

        assertThat(paid.getException()).isNull();
        // the answer was verified with the configured Antom key (our own option), and the header reached Antom
        assertThat(paid.getMessage().getBody(PayResponse.class).getResult().getResultStatus()).isEqualTo("S");
        ReceivedRequest request = lastRequest("/ams/api/v1/payments/pay");
        assertThat(request.header("x-merchant-trace")).isEqualTo("shop-42");
        assertThat(request.header("user-agent")).isEqualTo("camel-antom");
        assertThat(request.header("client-id")).isEqualTo(CLIENT_ID);
        assertThat(request.header("signature")).startsWith("algorithm=RSA256,keyVersion=1,signature=");
    }

    @Test
    void anEndpointConfigurerReferencedAsABeanReplacesTheComponentsOne() {
        String id = newId("configurer");
        paid(id, "1000");

        Exchange inquiry = send("antom:inquiryPayment?httpClientConfigurer=#bean:inquiryConfigurer", Map.of("paymentRequestId", id));

        assertThat(inquiry.getException()).isNull();
        assertThat(inquiry.getMessage().getBody(InquiryPaymentResponse.class).getPaymentStatus()).isEqualTo("SUCCESS");
        ReceivedRequest request = lastRequest("/ams/api/v1/payments/inquiryPayment");
        assertThat(request.header("x-endpoint-configurer")).isEqualTo("inquiry");
        assertThat(request.header("x-merchant-trace")).isNull();
    }

    @Test
    void aConfigurerCannotTurnOnHttpLevelRetriesOfAPayment() {
        String id = newId("configurer");
        int before = requestsTo("/ams/api/v1/payments/pay");
        sim.faults().resetNextRequests(1);

        Exchange lost = send("antom:pay", inStorePay(id, "1000"));

        // the outcome is unknown and said so; the request went out once: neither HttpClient nor its strategy resent it
        assertThat(lost.getException()).isInstanceOf(AntomRetryableException.class);
        assertThat(requestsTo("/ams/api/v1/payments/pay") - before).isEqualTo(1);
        assertThat(httpRetriesAsked).hasValue(0);
        assertThat(sim.chargeCount(id)).isZero();
    }

    private static ReceivedRequest lastRequest(String path) {
        List<ReceivedRequest> requests = sim.receivedRequests().stream().filter(r -> r.path().equals(path)).toList();
        assertThat(requests).as("requests to " + path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    private static int requestsTo(String path) {
        return (int) sim.receivedRequests().stream().filter(r -> r.path().equals(path)).count();
    }

    /** A retry strategy that would resend anything, and counts how often it was asked. */
    private record AlwaysRetry(AtomicInteger asked) implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, java.io.IOException exception, int execCount, HttpContext context) {
            asked.incrementAndGet();
            return execCount < 3;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            asked.incrementAndGet();
            return execCount < 3;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ofMilliseconds(10);
        }
    }
}
