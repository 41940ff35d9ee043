package io.camelantom.notification;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import io.camelantom.component.AntomConstants;
import io.camelantom.model.PaymentNotification;
import io.camelantom.signing.AntomKeys;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AntomSigningProcessorTest {

    private static final String NOTIFICATION = "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\","
                                               + "\"resultStatus\":\"S\",\"resultMessage\":\"success\"},\"paymentRequestId\":\"p-1\","
                                               + "\"paymentId\":\"2024P1\",\"paymentAmount\":{\"value\":\"599\",\"currency\":\"USD\"},"
                                               + "\"brandNew\":\"kept\"}";

    private static KeyPair antomKeys;
    private static CamelContext context;

    @BeforeAll
    static void setUp() {
        antomKeys = AntomKeys.generateRsaKeyPair(2048);
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void tearDown() {
        context.stop();
    }

    private static Exchange signedNotification(String body, String path) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        AntomSigningProcessor.signer("CLIENT_1", new AntomSigner(antomKeys.getPrivate(), 1), path).process(exchange);
        return exchange;
    }

    @Test
    void signsTheBodyBytesAndVerifiesThemIntoATypedNotification() throws Exception {
        Exchange exchange = signedNotification(NOTIFICATION, "/antom/notify");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(exchange.getMessage().getHeader("client-id")).isEqualTo("CLIENT_1");

        AntomSigningProcessor.notificationVerifier(AntomVerifier.of(antomKeys.getPublic()), "/antom/notify").process(exchange);
        PaymentNotification notification = exchange.getMessage().getBody(PaymentNotification.class);
        assertThat(notification.getPaymentRequestId()).isEqualTo("p-1");
        assertThat(notification.getResult().isSuccess()).isTrue();
        assertThat(notification.getAdditionalProperty("brandNew")).isEqualTo("kept");
        assertThat(exchange.getMessage().getHeader(AntomConstants.NOTIFY_TYPE)).isEqualTo("PAYMENT_RESULT");
        assertThat(exchange.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID)).isEqualTo("p-1");
        assertThat(exchange.getMessage().getHeader(AntomConstants.RAW_NOTIFICATION)).isEqualTo(NOTIFICATION);
    }

    @Test
    void alteredBodyWrongPathAndWrongKeyAreRefused() throws Exception {
        Exchange altered = signedNotification(NOTIFICATION, "/antom/notify");
        altered.getMessage().setBody(NOTIFICATION.replace("599", "1").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AntomSigningProcessor.notificationVerifier(AntomVerifier.of(antomKeys.getPublic()), "/antom/notify")
                .process(altered)).isInstanceOf(AntomSignatureException.class)
                .extracting(e -> ((AntomSignatureException) e).getReason()).isEqualTo(AntomSignatureException.Reason.SIGNATURE_MISMATCH);
        assertThat(altered.getMessage().getBody()).isInstanceOf(byte[].class);

        Exchange otherPath = signedNotification(NOTIFICATION, "/antom/notify");
        assertThatThrownBy(() -> AntomSigningProcessor.notificationVerifier(AntomVerifier.of(antomKeys.getPublic()), "/other")
                .process(otherPath)).isInstanceOf(AntomSignatureException.class);

        Exchange wrongKey = signedNotification(NOTIFICATION, "/antom/notify");
        assertThatThrownBy(() -> AntomSigningProcessor.notificationVerifier(
                AntomVerifier.of(AntomKeys.generateRsaKeyPair(2048).getPublic()), "/antom/notify").process(wrongKey))
                .isInstanceOf(AntomSignatureException.class);

        Exchange unsigned = new DefaultExchange(context);
        unsigned.getMessage().setBody(NOTIFICATION);
        assertThatThrownBy(() -> AntomSigningProcessor.notificationVerifier(AntomVerifier.of(antomKeys.getPublic()), "/antom/notify")
                .process(unsigned)).isInstanceOf(AntomSignatureException.class)
                .extracting(e -> ((AntomSignatureException) e).getReason()).isEqualTo(AntomSignatureException.Reason.MISSING_SIGNATURE);
    }
}
