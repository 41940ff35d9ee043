package io.camelantom.routes.reconciliation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.camelantom.routes.ledger.NewPayment;
import io.camelantom.routes.ledger.PaymentStatus;
import io.camelantom.routes.ledger.TransitionDetails;
import io.camelantom.routes.testsupport.Await;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation's inquiry of payments made through Antom v2 (inquiryEndpoint with apiVersion=v2, encrypted). */
class ReconciliationV2IT {

    @TempDir
    Path dir;

    @Test
    void v2PaymentsLeftProcessingAreSettledByAV2Inquiry() throws Exception {
        try (ReconciliationHarness h = new ReconciliationHarness(dir, Duration.ofHours(24))) {
            h.parameters.put(ReconciliationRouteTemplate.INQUIRY_ENDPOINT, "antom:inquiryPayment?apiVersion=v2");
            CamelContext app = h.startApp();
            String paid = payV2LeftProcessing(h, app, "REC-V2-PAID", 1061);
            String failed = payV2LeftProcessing(h, app, "REC-V2-FAILED", 1062);
            Await.until("the simulator to resolve 61/62", Duration.ofSeconds(10),
                    () -> h.sim.payments().stream().allMatch(p -> p.status().isFinal()));

            h.clock.advance(Duration.ofMinutes(2));
            ReconciliationReport report = ReconciliationHarness.reconciliation(app).runOnce();
            assertThat(report.checked()).isEqualTo(2);
            assertThat(report.resolved()).isEqualTo(2);
            assertThat(h.takeResults(2)).hasSize(2);
            assertThat(h.ledger.find(paid).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(h.ledger.find(failed).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(h.ledger.find(failed).orElseThrow().resultCode()).isEqualTo("USER_BALANCE_NOT_ENOUGH");
            assertThat(h.sim.chargeCount(paid)).isEqualTo(1);
        }
    }

    /** Registers an order, pays it through v2 (answer U PAYMENT_IN_PROGRESS) and leaves it PROCESSING. */
    private static String payV2LeftProcessing(ReconciliationHarness h, CamelContext app, String orderId, int amountMinor) {
        String id = h.ledger.register(new NewPayment(orderId, amountMinor, "USD", "v2 reconciliation test", null, null))
                .payment().paymentRequestId();
        Map<String, Object> pay = Map.of("paymentRequestId", id, "paymentMethod", "CONNECT_WALLET", "extendInfo", "{}",
                "originalMerchantOrderId", orderId, "paymentAmount", Map.of("currency", "USD", "value", amountMinor));
        Exchange answer = app.createProducerTemplate().send("antom:pay?apiVersion=v2", ExchangePattern.InOut,
                e -> e.getMessage().setBody(pay));
        assertThat(answer.getMessage().getHeader("CamelAntomResultCode")).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(h.ledger.transition(id, PaymentStatus.PENDING, PaymentStatus.PROCESSING,
                TransitionDetails.result("PAYMENT_IN_PROGRESS", "test"))).isTrue();
        return id;
    }
}
