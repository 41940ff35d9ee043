package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.camelantom.signing.AntomSignatureException;

class FaultsAndAdminIT extends SimulatorTestSupport {

    @Test
    void failNextRequestsAnswers5xxWithoutProcessing() {
        simulator.faults().failNextRequests(2, 503);
        String id = newId("f5xx");
        for (int i = 0; i < 2; i++) {
            AntomTestClient.Response response = client.call("pay", AntomTestClient.payRequest(id, "1000"));
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.signed()).isFalse();
        }
        assertThat(simulator.payment(id)).isEmpty();
        assertThat(client.callVerified("pay", AntomTestClient.payRequest(id, "1000")).resultCode()).isEqualTo("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void resetNextRequestsClosesTheConnectionWithoutAnAnswer() {
        simulator.faults().resetNextRequests(1);
        String id = newId("reset");
        assertThatThrownBy(() -> client.call("pay", AntomTestClient.payRequest(id, "1000")))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(simulator.payment(id)).isEmpty();
        assertThat(client.callVerified("pay", AntomTestClient.payRequest(id, "1000")).resultCode()).isEqualTo("SUCCESS");
    }

    @Test
    void latencyDelaysEveryApiResponse() {
        simulator.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        client.callVerified("inquiryPayment", AntomTestClient.byRequestId("x"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> client.call("pay", AntomTestClient.payRequest(newId("late"), "1000").toString(), Duration.ofMillis(100)))
                .hasRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
        simulator.faults().clear();
        start = System.nanoTime();
        client.callVerified("inquiryPayment", AntomTestClient.byRequestId("x"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void adminFaultsOverHttp() throws Exception {
        HttpResponse<String> set = admin("POST", "/admin/faults", "{\"failNextRequests\":1,\"failHttpStatus\":502,\"latencyMillis\":5,"
                                                                   + "\"dropNotifications\":2,\"duplicateNotifications\":true,\"signResponsesWithWrongKey\":true}");
        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode faults = AntomTestClient.MAPPER.readTree(set.body());
        assertThat(faults.path("failNextRequests").asInt()).isEqualTo(1);
        assertThat(faults.path("failHttpStatus").asInt()).isEqualTo(502);
        assertThat(faults.path("dropNotifications").asInt()).isEqualTo(2);
        assertThat(faults.path("signResponsesWithWrongKey").asBoolean()).isTrue();

        assertThat(client.call("pay", AntomTestClient.payRequest(newId("a"), "1000")).status()).isEqualTo(502);
        AntomTestClient.Response forged = client.call("pay", AntomTestClient.payRequest(newId("b"), "1000"));
        assertThatThrownBy(() -> client.verify(forged)).isInstanceOf(AntomSignatureException.class);

        assertThat(admin("DELETE", "/admin/faults", null).statusCode()).isEqualTo(200);
        assertThat(AntomTestClient.MAPPER.readTree(admin("GET", "/admin/faults", null).body()).path("signResponsesWithWrongKey").asBoolean())
                .isFalse();
        client.callVerified("pay", AntomTestClient.payRequest(newId("c"), "1000"));
        assertThat(admin("POST", "/admin/faults", "{\"resetNextRequests\":1}").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.call("pay", AntomTestClient.payRequest(newId("d"), "1000"))).isInstanceOf(UncheckedIOException.class);
        assertThat(admin("POST", "/admin/faults/clear", null).statusCode()).isEqualTo(200);
    }

    @Test
    void adminListsPaymentsAndChargeCountsAndResets() throws Exception {
        String paid = newId("paid");
        String failed = newId("failed");
        client.callVerified("pay", AntomTestClient.payRequest(paid, "1000"));
        client.callVerified("pay", AntomTestClient.payRequest(failed, "51"));

        JsonNode list = AntomTestClient.MAPPER.readTree(admin("GET", "/admin/payments", null).body());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("paymentRequestId").asText()).isEqualTo(paid);
        assertThat(list.get(0).path("chargeCount").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(list.get(1).path("chargeCount").asInt()).isZero();
        assertThat(list.get(1).path("resultCode").asText()).isEqualTo("USER_BALANCE_NOT_ENOUGH");

        HttpResponse<String> one = admin("GET", "/admin/payments/" + paid, null);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode payment = AntomTestClient.MAPPER.readTree(one.body());
        assertThat(payment.path("amountValue").asText()).isEqualTo("1000");
        // the snapshot's times as ISO-8601 instants, absent ones as null; its refunds and captures as lists
        assertThat(Instant.parse(payment.path("paymentTime").asText())).isEqualTo(simulator.payment(paid).orElseThrow().paymentTime());
        assertThat(payment.path("cancelTime").isNull()).isTrue();
        assertThat(payment.path("refunds").isArray()).isTrue();
        assertThat(payment.path("captures").isArray()).isTrue();
        assertThat(admin("GET", "/admin/payments/unknown", null).statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/admin/payments/" + paid + "/complete?success=true", null).statusCode()).isEqualTo(409);
        assertThat(admin("GET", "/admin/notifications", null).body()).isEqualTo("[ ]");
        assertThat(admin("GET", "/admin/nothing", null).statusCode()).isEqualTo(404);
        assertThat(admin("GET", "/admin/reset", null).statusCode()).isEqualTo(405);

        assertThat(admin("POST", "/admin/reset", null).statusCode()).isEqualTo(200);
        assertThat(simulator.payments()).isEmpty();
        assertThat(simulator.chargeCount(paid)).isZero();
        // after a reset the same id is a new payment
        client.callVerified("pay", AntomTestClient.payRequest(paid, "2000"));
        assertThat(simulator.chargeCount(paid)).isEqualTo(1);
    }

    @Test
    void negativeCountsAreRefusedAndChangeNothing() throws Exception {
        Faults faults = simulator.faults();
        faults.garbleEncryptedAnswers(2);
        for (var negative : java.util.List.<Runnable>of(() -> faults.failNextRequests(-1, 500), () -> faults.resetNextRequests(-1),
                () -> faults.dropNotifications(-1), () -> faults.garbleEncryptedAnswers(-1))) {
            assertThatThrownBy(negative::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs n >= 0");
        }
        HttpResponse<String> refused = admin("POST", "/admin/faults", "{\"garbleEncryptedAnswers\":-3}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("garbleEncryptedAnswers needs n >= 0");
        assertThat(faults.describe()).containsEntry("garbleEncryptedAnswers", 2).containsEntry("failNextRequests", 0);
    }

    @Test
    void adminRequestsAreNotAffectedByApiFaults() throws Exception {
        simulator.faults().failNextRequests(5, 500).resetNextRequests(5);
        assertThat(admin("GET", "/admin/payments", null).statusCode()).isEqualTo(200);
    }
}
