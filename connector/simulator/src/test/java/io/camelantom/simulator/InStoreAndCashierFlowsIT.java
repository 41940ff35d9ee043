package io.camelantom.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class InStoreAndCashierFlowsIT extends NotifiedSimulatorTestSupport {

    @Test
    void orderCodeIsShownThenScannedThenNotified() {
        String id = newId("oc");
        AntomTestClient.Response pay = client.callVerified("pay", AntomTestClient.orderCodeRequest(id, "1250", merchant.url()));
        assertThat(pay.resultStatus()).isEqualTo("U");
        assertThat(pay.resultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        JsonNode form = pay.json().path("orderCodeForm");
        assertThat(form.path("codeDetails")).hasSize(2);
        assertThat(form.path("codeDetails").get(0).path("displayType").asText()).isEqualTo("TEXT");
        assertThat(form.path("codeDetails").get(0).path("codeValue").asText()).matches("\\d{18}");
        assertThat(form.path("codeDetails").get(1).path("displayType").asText()).isEqualTo("QRCODE");
        assertThat(form.path("codeDetails").get(1).path("codeValue").asText()).startsWith(simulator.baseUrl() + "/orderCode/");
        assertThat(form.path("expireTime").asText()).isNotBlank();
        assertThat(simulator.payment(id).orElseThrow().orderCode()).isEqualTo(form.path("codeDetails").get(0).path("codeValue").asText());
        assertThat(simulator.chargeCount(id)).isZero();
        assertThat(merchant.received()).isEmpty();

        simulator.scanOrderCode(id);

        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        NotificationReceiver.Received notification = Poll.until("the PAYMENT_RESULT notification", Duration.ofSeconds(5),
                () -> merchant.received(id), l -> !l.isEmpty()).get(0);
        assertThat(notification.signatureValid()).isTrue();
        assertThat(notification.clientId()).isEqualTo(CLIENT_ID);
        assertThat(notification.requestTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
        JsonNode body = notification.body();
        assertThat(body.path("notifyType").asText()).isEqualTo("PAYMENT_RESULT");
        assertThat(body.path("result").path("resultStatus").asText()).isEqualTo("S");
        assertThat(body.path("result").path("resultCode").asText()).isEqualTo("SUCCESS");
        assertThat(body.path("paymentId").asText()).isEqualTo(pay.json().path("paymentId").asText());
        assertThat(body.path("paymentAmount").path("value").asText()).isEqualTo("1250");
        assertThat(body.path("paymentCreateTime").asText()).isNotBlank();
        assertThat(body.path("paymentTime").asText()).isNotBlank();
        Poll.until("the attempt is recorded as acknowledged", Duration.ofSeconds(5),
                () -> simulator.notificationAttempts(id).stream().anyMatch(NotificationAttempt::acknowledged));
        assertThat(simulator.notificationAttempts(id)).hasSize(1);

        AntomTestClient.Response inquiry = client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id));
        assertThat(inquiry.json().path("paymentStatus").asText()).isEqualTo("SUCCESS");
        // scanning twice is refused
        assertThatThrownBy(() -> simulator.scanOrderCode(id)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void orderCodeOutcomeFollowsTheAmountTrigger() {
        String id = newId("ocfail");
        client.callVerified("pay", AntomTestClient.orderCodeRequest(id, "52", merchant.url()));
        simulator.scanOrderCode(id);
        NotificationReceiver.Received notification = Poll.until("notification", Duration.ofSeconds(5),
                () -> merchant.received(id), l -> !l.isEmpty()).get(0);
        assertThat(notification.body().path("result").path("resultStatus").asText()).isEqualTo("F");
        assertThat(notification.body().path("result").path("resultCode").asText()).isEqualTo("RISK_REJECT");
        assertThat(notification.body().has("paymentTime")).isFalse();
        assertThat(simulator.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAIL);
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void orderCodeIsScannedOverTheAdminApi() throws Exception {
        String id = newId("ocadmin");
        client.callVerified("pay", AntomTestClient.orderCodeRequest(id, "300", null));
        HttpResponse<String> scan = admin("POST", "/admin/payments/" + id + "/scan", null);
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(AntomTestClient.MAPPER.readTree(scan.body()).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        assertThat(admin("POST", "/admin/payments/" + id + "/scan", null).statusCode()).isEqualTo(409);
    }

    @Test
    void orderCodeIsScannedAutomaticallyAfterTheDelay() {
        restartSimulator(builder -> builder.timeScale(600).orderCodeScanDelay(Duration.ofSeconds(60)));
        String id = newId("ocauto");
        client.callVerified("pay", AntomTestClient.orderCodeRequest(id, "1000", merchant.url()));
        Poll.until("the automatic scan and its notification", Duration.ofSeconds(5), () -> !merchant.received(id).isEmpty());
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void paymentCodeIsAnsweredSynchronously() {
        String id = newId("pc");
        AntomTestClient.Response pay = client.callVerified("pay", AntomTestClient.payRequest(id, "1000"));
        assertThat(pay.resultCode()).isEqualTo("SUCCESS");
        assertThat(pay.json().has("orderCodeForm")).isFalse();
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
    }

    @Test
    void cashierRedirectsThenCompletes() throws Exception {
        String id = newId("cashier");
        AntomTestClient.Response pay = client.callVerified("pay", AntomTestClient.cashierRequest(id, "4999", merchant.url()));
        assertThat(pay.resultStatus()).isEqualTo("U");
        assertThat(pay.resultCode()).isEqualTo("PAYMENT_IN_PROCESS");
        String redirect = pay.json().path("redirectActionForm").path("redirectUrl").asText();
        assertThat(redirect).startsWith(simulator.baseUrl() + "/cashier/");
        assertThat(pay.json().path("normalUrl").asText()).isEqualTo(redirect);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirect)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(id).contains("PROCESSING");

        simulator.completePayment(id, true);
        assertThat(simulator.chargeCount(id)).isEqualTo(1);
        Poll.until("notification", Duration.ofSeconds(5), () -> !merchant.received(id).isEmpty());
        assertThat(client.callVerified("inquiryPayment", AntomTestClient.byRequestId(id)).json().path("paymentStatus").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void cashierPaymentCanBeFailedOverTheAdminApi() throws Exception {
        String id = newId("cashierfail");
        client.callVerified("pay", AntomTestClient.cashierRequest(id, "4999", null));
        HttpResponse<String> complete = admin("POST", "/admin/payments/" + id + "/complete", "{\"success\":false}");
        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(simulator.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAIL);
        assertThat(simulator.chargeCount(id)).isZero();
    }

    @Test
    void cashierMissingRedirectUrlIsParamIllegal() {
        var request = AntomTestClient.cashierRequest(newId("cashier"), "100", null);
        request.remove("paymentRedirectUrl");
        AntomTestClient.Response response = client.callVerified("pay", request);
        assertThat(response.resultCode()).isEqualTo("PARAM_ILLEGAL");
        assertThat(response.resultMessage()).contains("paymentRedirectUrl");
    }

    @Test
    void cashierCompletesAutomaticallyAfterTheDelay() {
        restartSimulator(builder -> builder.timeScale(600).cashierCompletionDelay(Duration.ofSeconds(60)));
        String id = newId("cashierauto");
        client.callVerified("pay", AntomTestClient.cashierRequest(id, "1000", merchant.url()));
        Poll.until("automatic completion", Duration.ofSeconds(5), () -> simulator.chargeCount(id) == 1);
        Poll.until("notification", Duration.ofSeconds(5), () -> !merchant.received(id).isEmpty());
    }

    @Test
    void processingTriggerNotifiesWhenItResolves() {
        String id = newId("u61notify");
        var request = AntomTestClient.payRequest(id, "61");
        request.put("paymentNotifyUrl", merchant.url());
        client.callVerified("pay", request);
        NotificationReceiver.Received n = Poll.until("notification", Duration.ofSeconds(5), () -> merchant.received(id), l -> !l.isEmpty()).get(0);
        assertThat(n.body().path("result").path("resultCode").asText()).isEqualTo("SUCCESS");
        assertThat(n.signatureValid()).isTrue();
    }
}
