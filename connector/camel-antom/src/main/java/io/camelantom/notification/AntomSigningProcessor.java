package io.camelantom.notification;

import java.time.Clock;
import java.util.Objects;

import io.camelantom.component.AntomConstants;
import io.camelantom.model.AntomNotification;
import io.camelantom.model.PaymentNotification;
import io.camelantom.model.RefundNotification;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomSigner;
import io.camelantom.signing.AntomVerifier;
import io.camelantom.signing.SignatureHeader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Antom's crypto for routes that do not use the {@code antom:} producer. Two modes:
 * <ul>
 * <li>{@link #signer(String, AntomSigner, String)}: signs the outgoing message. The body is turned into bytes once,
 * those bytes become the body (what is sent is what was signed), and the {@code client-id}, {@code request-time} and
 * {@code signature} headers are set.</li>
 * <li>{@link #notificationVerifier(AntomVerifier, String)}: verifies an incoming Antom notification over the raw body
 * bytes and the {@code client-id}, {@code request-time} and {@code signature} headers, then replaces the body with the
 * typed {@link AntomNotification}. Anything that does not verify fails the exchange with an
 * {@link AntomSignatureException}; the body is not parsed.</li>
 * </ul>
 * The path is the one fixed here; when {@code null} it is read from the {@code CamelAntomPath} header, then (verify
 * mode) from the {@code CamelHttpPath}/{@code CamelHttpUri} header of the HTTP consumer. Fixing it is safer: behind a
 * proxy the path the server sees may differ from the one Antom signed.
 */
public final class AntomSigningProcessor implements Processor {

    private final String clientId;
    private final AntomSigner signer;
    private final AntomNotificationVerifier verifier;
    private final String path;
    private final Clock clock;

    private AntomSigningProcessor(String clientId, AntomSigner signer, AntomNotificationVerifier verifier, String path,
                                  Clock clock) {
        this.clientId = clientId;
        this.signer = signer;
        this.verifier = verifier;
        this.path = path;
        this.clock = clock;
    }

    /** A processor that signs outgoing messages for {@code path} (e.g. {@code /ams/api/v1/payments/pay}). */
    public static AntomSigningProcessor signer(String clientId, AntomSigner signer, String path) {
        return signer(clientId, signer, path, Clock.systemUTC());
    }

    public static AntomSigningProcessor signer(String clientId, AntomSigner signer, String path, Clock clock) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId: is required to sign");
        }
        return new AntomSigningProcessor(clientId, Objects.requireNonNull(signer, "signer"), null, path, clock);
    }

    /** A processor that verifies Antom notifications posted to {@code notificationPath} (e.g. {@code /antom/notify}). */
    public static AntomSigningProcessor notificationVerifier(AntomVerifier verifier, String notificationPath) {
        return new AntomSigningProcessor(null, null, new AntomNotificationVerifier(Objects.requireNonNull(verifier, "verifier")),
                notificationPath, null);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (signer != null) {
            sign(exchange.getMessage());
        } else {
            verify(exchange.getMessage());
        }
    }

    private void sign(Message message) {
        String signedPath = path != null ? path : message.getHeader(AntomConstants.PATH, String.class);
        if (signedPath == null || signedPath.isBlank()) {
            throw new IllegalArgumentException("Cannot sign: no path (set it on the processor or in header " + AntomConstants.PATH + ")");
        }
        byte[] body = message.getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String time = String.valueOf(clock.millis());
        SignatureHeader header = signer.sign("POST", signedPath, clientId, time, body);
        message.setBody(body);
        message.setHeader("client-id", clientId);
        message.setHeader("request-time", time);
        message.setHeader("signature", header.format());
        message.setHeader("Content-Type", "application/json; charset=UTF-8");
    }

    private void verify(Message message) {
        String signedPath = path;
        if (signedPath == null) {
            signedPath = message.getHeader(AntomConstants.PATH, String.class);
        }
        if (signedPath == null) {
            signedPath = message.getHeader(Exchange.HTTP_PATH, String.class);
        }
        if (signedPath == null) {
            String uri = message.getHeader(Exchange.HTTP_URI, String.class);
            signedPath = uri == null ? null : java.net.URI.create(uri).getRawPath();
        }
        if (signedPath == null || !signedPath.startsWith("/")) {
            throw new AntomSignatureException(AntomSignatureException.Reason.MISSING_SIGNED_PART,
                    "cannot verify the notification: the notification path is unknown (set it on the processor)");
        }
        byte[] body = message.getBody(byte[].class);
        if (body == null) {
            throw new AntomSignatureException(AntomSignatureException.Reason.MISSING_SIGNED_PART,
                    "cannot verify the notification: the body is empty");
        }
        AntomNotification notification = verifier.verify(signedPath, message.getHeader("client-id", String.class),
                message.getHeader("request-time", String.class), message.getHeader("signature", String.class), body);
        message.setHeader(AntomConstants.NOTIFY_TYPE, notification.getNotifyType());
        message.setHeader(AntomConstants.RAW_NOTIFICATION, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        if (notification.getResult() != null) {
            message.setHeader(AntomConstants.RESULT_STATUS, notification.getResult().getResultStatus());
            message.setHeader(AntomConstants.RESULT_CODE, notification.getResult().getResultCode());
            message.setHeader(AntomConstants.RESULT_MESSAGE, notification.getResult().getResultMessage());
        }
        if (notification instanceof PaymentNotification payment) {
            setIfPresent(message, AntomConstants.PAYMENT_ID, payment.getPaymentId());
            setIfPresent(message, AntomConstants.PAYMENT_REQUEST_ID, payment.getPaymentRequestId());
        } else if (notification instanceof RefundNotification refund) {
            setIfPresent(message, AntomConstants.PAYMENT_ID, refund.getPaymentId());
            setIfPresent(message, AntomConstants.REFUND_ID, refund.getRefundId());
            setIfPresent(message, AntomConstants.REFUND_STATUS, refund.getRefundStatus());
        }
        message.setBody(notification);
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    @Override
    public String toString() {
        return signer != null ? "AntomSigningProcessor[sign, clientId=" + clientId + ", path=" + path + "]"
                : "AntomSigningProcessor[verify notifications, path=" + path + "]";
    }
}
