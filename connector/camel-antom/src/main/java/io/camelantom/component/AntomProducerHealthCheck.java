package io.camelantom.component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.camelantom.client.AntomException;
import io.camelantom.client.AntomReply;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an {@code antom:} producer: the keys loaded (the endpoint started) and the gateway answers a signed,
 * verified {@code inquiryPayment} for a payment that does not exist. {@code ORDER_NOT_EXIST} proves that Antom accepted
 * our signature and that we verified Antom's, without moving money.
 */
public class AntomProducerHealthCheck extends AbstractHealthCheck {

    static final String ORDER_NOT_EXIST = "ORDER_NOT_EXIST";

    private final AntomEndpoint endpoint;

    public AntomProducerHealthCheck(AntomEndpoint endpoint, String endpointId) {
        super("camel", "producer:antom-" + endpointId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("gateway", endpoint.getServiceUrl());
        try {
            builder.detail("signatureProvider", endpoint.getClient().getConfiguration().getSigner().getProvider().name());
            String probeId = "camel-antom-health-" + UUID.randomUUID();
            byte[] body = ("{\"paymentRequestId\":\"" + probeId + "\"}").getBytes(StandardCharsets.UTF_8);
            AntomReply reply = endpoint.getClient().send(AntomOperation.inquiryPayment.name(),
                    AntomOperation.inquiryPayment.getPath(), body, 0);
            String code = reply.result().getResultCode();
            builder.detail("resultCode", code);
            if (reply.result().isSuccess() || ORDER_NOT_EXIST.equals(code)) {
                builder.up();
            } else {
                builder.message("Antom answered " + reply.result() + " to a signed inquiry");
                builder.down();
            }
        } catch (AntomException e) {
            builder.message(e.getMessage());
            builder.down();
        } catch (RuntimeException e) {
            builder.message(e.getClass().getSimpleName() + ": " + e.getMessage());
            builder.error(e);
            builder.down();
        }
    }
}
