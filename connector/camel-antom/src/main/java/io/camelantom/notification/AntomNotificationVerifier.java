package io.camelantom.notification;

import java.util.Objects;

import io.camelantom.model.AntomJson;
import io.camelantom.model.AntomNotification;
import io.camelantom.signing.AntomSignatureException;
import io.camelantom.signing.AntomVerifier;

/**
 * Verifies a notification Antom POSTed to the merchant and reads it into a typed {@link AntomNotification}.
 * <p>
 * Antom signs {@code POST <notification path>\n<client-id>.<request-time>.<raw body>}, where the path is the
 * merchant's own endpoint path (for example {@code /antom/notify}). Verification runs over the raw bytes as received;
 * the body is parsed only after the signature matched. A forged or altered notification raises
 * {@link AntomSignatureException} and is never parsed.
 */
public final class AntomNotificationVerifier {

    private final AntomVerifier verifier;

    public AntomNotificationVerifier(AntomVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * @param  notificationPath        the path of the merchant's notification endpoint, as registered with Antom
     * @param  clientId                the {@code client-id} header
     * @param  requestTime             the {@code request-time} header, verbatim
     * @param  signatureHeader         the {@code signature} header
     * @param  body                    the raw body bytes as received
     * @return                         the typed notification (subclass by {@code notifyType})
     * @throws AntomSignatureException when the signature is missing or does not match
     * @throws IllegalArgumentException when a correctly signed body is not a JSON object
     */
    public AntomNotification verify(String notificationPath, String clientId, String requestTime, String signatureHeader,
            byte[] body) {
        verifier.verify("POST", notificationPath, clientId, requestTime, body, signatureHeader);
        return parse(body);
    }

    /** Reads a notification body (already verified) into its typed class. */
    public static AntomNotification parse(byte[] body) {
        Object notifyType = AntomJson.toMap(body).get("notifyType");
        return AntomJson.read(body, AntomNotification.typeFor(notifyType == null ? null : notifyType.toString()));
    }

    public AntomVerifier getVerifier() {
        return verifier;
    }
}
