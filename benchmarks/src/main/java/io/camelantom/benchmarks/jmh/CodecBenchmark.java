package io.camelantom.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.camelantom.model.AntomJson;
import io.camelantom.model.PayRequest;
import io.camelantom.notification.AntomNotificationVerifier;
import io.camelantom.routes.notification.NotificationDestinations;
import io.camelantom.routes.notification.NotificationGate;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import io.camelantom.signing.SignatureHeader;
import io.camelantom.signing.SignatureProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Canonical JSON of a pay request, signature-header parsing, and the notification gate (verify + classify). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    static final String PAY_JSON = "{\"productCode\":\"IN_STORE_PAYMENT\",\"paymentRequestId\":\"PAY-ORDER-1-1\","
            + "\"order\":{\"referenceOrderId\":\"ORDER-1\",\"orderDescription\":\"Coffee beans\",\"orderAmount\":"
            + "{\"currency\":\"USD\",\"value\":\"1000\"},\"merchant\":{\"store\":{\"referenceStoreId\":\"S-1\"}},"
            + "\"buyer\":{\"referenceBuyerId\":\"C-1\"}},\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},"
            + "\"paymentMethod\":{\"paymentMethodType\":\"CONNECT_WALLET\",\"paymentMethodId\":\"281012020000123456\"},"
            + "\"paymentFactor\":{\"inStorePaymentScenario\":\"PaymentCode\"},"
            + "\"paymentNotifyUrl\":\"https://merchant.example.com/antom/notifications\"}";
    static final String HEADER = "algorithm=RSA256,keyVersion=1,signature=KrwDE9tAPJYBb4cUZU6ALJxGIZgwDXn5UkFPMip09n%2FkYKPhEIII%2Fki2rYY2lPtuKVgMNz%2BtuCU%2FjzRpohDbrOd8zYriiukpGAxBQDIVbatGI7WYOcc9YVQwdCR6ROuRQvr%2FD1AfdhHd6waAASu5Xugow9w1OW7Ti93LTd0tcyEWQYd2S7c3A73sHOJNYl8DC1PjasiBozZ%2FADgb7ONsqHo%2B8fKHsLygX9cuMkQYTGIRBQsvfgICnJhh%2BzXV8AQoecJBTrv6p%2FxHmmBbcJBn1HaUAmdI8mKa8Gj2jm%2BoFYiNGxyQ8l4qNxo8xhrBAjl3Lzy3Qbq4nhdPsvb8bjA%3D%3D";

    private PayRequest request;
    private CamelContext context;
    private NotificationGate gate;
    private byte[] notification;
    private String clientId = "BENCHMARK_CLIENT";
    private String requestTime;
    private String signature;

    @Setup
    public void setUp() {
        request = AntomJson.convert(PAY_JSON, PayRequest.class);
        KeyPair antom = AntomKeys.generateRsaKeyPair(2048);
        SignatureProvider provider = SignatureProvider.select(SignatureProvider.Choice.auto);
        context = new DefaultCamelContext();
        context.start();
        gate = new NotificationGate(new AntomNotificationVerifier(new AntomVerifier(
                List.of(new AntomVerifier.VersionedKey(null, antom.getPublic())), provider)),
                new NotificationDestinations("mock:payment", "mock:payment", "mock:refund", "mock:capture", "mock:other"),
                Set.of(clientId), "/antom/notifications", 65536, Duration.ofDays(3650), Clock.systemUTC());
        notification = ("{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success.\"},\"paymentRequestId\":\"PAY-ORDER-1-1\",\"paymentId\":\"2024000000001\","
                + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"1000\"},"
                + "\"paymentCreateTime\":\"2026-11-22T08:00:00+08:00\"}").getBytes(StandardCharsets.UTF_8);
        requestTime = OffsetDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
        signature = new AntomSigner(antom.getPrivate(), 1, provider)
                .sign("POST", "/antom/notifications", clientId, requestTime, notification).format();
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public byte[] canonicalJson() {
        return AntomJson.canonicalBytes(request);
    }

    @Benchmark
    public SignatureHeader parseSignatureHeader() {
        return SignatureHeader.parse(HEADER);
    }

    @Benchmark
    public Object notificationGate() throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(notification);
        exchange.getMessage().setHeader("client-id", clientId);
        exchange.getMessage().setHeader("request-time", requestTime);
        exchange.getMessage().setHeader("signature", signature);
        gate.process(exchange);
        return exchange.getProperty(NotificationGate.KEY_PROPERTY);
    }
}
