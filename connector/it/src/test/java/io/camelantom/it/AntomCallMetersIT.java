package io.camelantom.it;

import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.component.AntomComponent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's meters against the simulator: one {@code antom.calls} timer sample per call, tagged with what
 * Antom answered (or why the outcome is unknown), and the client's own resends in {@code antom.call.resends}.
 */
class AntomCallMetersIT extends SimulatorSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    void configure(CamelContext context) {
        // the only MeterRegistry bean: found without naming it
        context.getRegistry().bind("meters", meters);
    }

    @Test
    void everyCallIsTimedByOperationOutcomeAndResultCode() {
        assertThat(send("antom:pay", inStorePay(newId("paid"), "100")).getException()).isNull();
        assertThat(send("antom:pay", inStorePay(newId("paid"), "200")).getException()).isNull();
        assertThat(send("antom:pay", inStorePay(newId("declined"), "151")).getException())
                .isInstanceOf(AntomFailureException.class);
        // HTTP 500, unsigned: the outcome is unknown and its claimed code is not trusted
        assertThat(send("antom:pay", inStorePay(newId("500"), "573")).getException())
                .isInstanceOf(AntomRetryableException.class);

        assertThat(calls("pay", "S", "SUCCESS").count()).isEqualTo(2);
        assertThat(calls("pay", "F", "USER_BALANCE_NOT_ENOUGH").count()).isEqualTo(1);
        assertThat(calls("pay", "HTTP_ERROR", "NONE").count()).isEqualTo(1);
        assertThat(calls("pay", "S", "SUCCESS").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(meters.find("antom.call.resends").counters()).isEmpty();
    }

    @Test
    void theClientsResendsAreCountedAndTheCallOnce() {
        String id = newId("unknown");
        Exchange e = send("antom:pay?maxRetries=2&retryDelay=10", inStorePay(id, "191"));

        assertThat(e.getException()).isNull();
        assertThat(sim.chargeCount(id)).isEqualTo(1);
        // U UNKNOWN_EXCEPTION, then S on the resend: one call, its final outcome
        assertThat(calls("pay", "S", "SUCCESS").count()).isEqualTo(1);
        assertThat(meters.find("antom.calls").timers()).hasSize(1);
        Counter resends = meters.get("antom.call.resends").tag("operation", "pay").counter();
        assertThat(resends.count()).isEqualTo(1.0);
    }

    @Test
    void aNamedRegistryWinsAndWithoutOneNothingFails() throws Exception {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        context.getRegistry().bind("other", other);
        AntomComponent second = new AntomComponent();
        second.setConfiguration(context.getComponent("antom", AntomComponent.class).getConfiguration().copy());
        second.setMeterRegistry(other);
        context.addComponent("antom2", second);

        assertThat(send("antom2:pay", inStorePay(newId("named"), "100")).getException()).isNull();

        assertThat(other.get("antom.calls").tags("operation", "pay", "outcome", "S").timer().count()).isEqualTo(1);
        assertThat(meters.find("antom.calls").timers()).isEmpty();
    }

    private Timer calls(String operation, String outcome, String code) {
        return meters.get("antom.calls").tags("operation", operation, "outcome", outcome, "result.code", code).timer();
    }
}
