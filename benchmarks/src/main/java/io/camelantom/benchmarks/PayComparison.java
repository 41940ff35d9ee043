package io.camelantom.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.alipay.global.api.DefaultAlipayClient;
import com.alipay.global.api.model.ams.Amount;
import com.alipay.global.api.model.ams.InStorePaymentScenario;
import com.alipay.global.api.model.ams.Order;
import com.alipay.global.api.model.ams.PaymentFactor;
import com.alipay.global.api.model.ams.PaymentMethod;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.request.ams.pay.AlipayPayRequest;
import com.alipay.global.api.response.ams.pay.AlipayPayResponse;
import io.camelantom.component.AntomConstants;
import io.camelantom.signing.AntomKeys;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * {@code antom:pay} next to Antom's official Java SDK, the same pay request against the same simulator over HTTPS, at
 * 1, 16 and 64 concurrent callers (threads calling synchronously, as an application would). Every call must come back
 * S; the simulator answers without added latency, so the figure is the client's own cost plus the simulator's.
 */
final class PayComparison {

    record Level(int callers, int calls, double oursPerSecond, double sdkPerSecond, int oursErrors, int sdkErrors,
            double oursCpuPerCall, double sdkCpuPerCall, double simulatorCpuPerOursCall, double simulatorCpuPerSdkCall,
            double oursJitSeconds, double sdkJitSeconds) {
        double ratio() {
            return oursPerSecond / sdkPerSecond;
        }
    }

    private PayComparison() {
    }

    static List<Level> run(CamelContext context, SimulatorProcess simulator, ResourceMeter meter, String runId,
            int[] callerLevels, int callsPerLevel, String endpoint) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        String privateKey = base64(simulator.merchantPrivateKey());
        String antomPublicKey = AntomKeys.toBase64(AntomKeys.publicKey(Files.readString(simulator.antomPublicKey())));
        DefaultAlipayClient sdk = new DefaultAlipayClient(simulator.baseUrl, privateKey, antomPublicKey,
                SimulatorProcess.CLIENT_ID);
        AtomicLong ids = new AtomicLong();
        // warm both up: JIT, TLS sessions, connection pools. One caller, so that the JIT compilers have a core to
        // themselves: warmed on saturated cores, they were still compiling (seconds of CPU, more for the larger code
        // path) through the first measured levels
        int warmupCalls = Math.max(200, 3 * callsPerLevel);
        measure(1, warmupCalls, () -> ours(template, endpoint, runId + "-W" + ids.incrementAndGet()));
        measure(1, warmupCalls, () -> sdk(sdk, runId + "-WS" + ids.incrementAndGet()));
        List<Level> levels = new ArrayList<>();
        for (int callers : callerLevels) {
            // a warm-up iteration of each client at this level's concurrency, as JMH does before it measures: code
            // that meets contention for the first time is deoptimised and compiled again, which is start-up cost
            measure(callers, callsPerLevel / 2, () -> ours(template, endpoint, runId + "-WO" + ids.incrementAndGet()));
            measure(callers, callsPerLevel / 2, () -> sdk(sdk, runId + "-WS" + ids.incrementAndGet()));
            meter.start();
            int[] oursErrors = measure(callers, callsPerLevel, () -> ours(template, endpoint, runId + "-O" + ids.incrementAndGet()));
            ResourceMeter.Usage oursUsage = meter.stop();
            meter.start();
            int[] sdkErrors = measure(callers, callsPerLevel, () -> sdk(sdk, runId + "-S" + ids.incrementAndGet()));
            ResourceMeter.Usage sdkUsage = meter.stop();
            levels.add(new Level(callers, callsPerLevel, callsPerLevel / oursUsage.seconds(), callsPerLevel / sdkUsage.seconds(),
                    oursErrors[0], sdkErrors[0], oursUsage.appCpuSeconds() / callsPerLevel,
                    sdkUsage.appCpuSeconds() / callsPerLevel, oursUsage.simulatorCpuSeconds() / callsPerLevel,
                    sdkUsage.simulatorCpuSeconds() / callsPerLevel, oursUsage.jitSeconds(), sdkUsage.jitSeconds()));
        }
        template.close();
        return levels;
    }

    interface Call {
        boolean call() throws Exception;
    }

    /** @return {errors} */
    private static int[] measure(int callers, int calls, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Workers.run(callers, () -> {
            while (next.getAndIncrement() < calls) {
                try {
                    if (!call.call()) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        });
        return new int[] { errors.get() };
    }

    private static boolean ours(ProducerTemplate template, String endpoint, String id) {
        Exchange reply = template.send(endpoint, e -> e.getMessage().setBody(payJson(id)));
        return reply.getException() == null && "S".equals(reply.getMessage().getHeader(AntomConstants.RESULT_STATUS));
    }

    private static boolean sdk(DefaultAlipayClient client, String id) throws Exception {
        AlipayPayRequest request = new AlipayPayRequest();
        request.setProductCode(ProductCodeType.IN_STORE_PAYMENT);
        request.setPaymentRequestId(id);
        Amount amount = new Amount();
        amount.setCurrency("USD");
        amount.setValue("1000");
        Order order = new Order();
        order.setReferenceOrderId(id);
        order.setOrderDescription("Coffee beans");
        order.setOrderAmount(amount);
        request.setOrder(order);
        request.setPaymentAmount(amount);
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CONNECT_WALLET");
        method.setPaymentMethodId("281012020000123456");
        request.setPaymentMethod(method);
        PaymentFactor factor = new PaymentFactor();
        factor.setInStorePaymentScenario(InStorePaymentScenario.PaymentCode);
        request.setPaymentFactor(factor);
        AlipayPayResponse response = client.execute(request);
        return response.getResult() != null && "S".equals(String.valueOf(response.getResult().getResultStatus()));
    }

    /** The same request as the SDK's, as the JSON an application hands to antom:pay. */
    static String payJson(String id) {
        return "{\"productCode\":\"IN_STORE_PAYMENT\",\"paymentRequestId\":\"" + id + "\",\"order\":{\"referenceOrderId\":\""
                + id + "\",\"orderDescription\":\"Coffee beans\",\"orderAmount\":{\"currency\":\"USD\",\"value\":\"1000\"}},"
                + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},\"paymentMethod\":{\"paymentMethodType\":"
                + "\"CONNECT_WALLET\",\"paymentMethodId\":\"281012020000123456\"},\"paymentFactor\":"
                + "{\"inStorePaymentScenario\":\"PaymentCode\"}}";
    }

    /** The PEM private key as the one-line base64 PKCS#8 the SDK takes. */
    private static String base64(java.nio.file.Path pem) throws java.io.IOException {
        return AntomKeys.toBase64(AntomKeys.privateKey(Files.readString(pem, StandardCharsets.US_ASCII)));
    }
}
