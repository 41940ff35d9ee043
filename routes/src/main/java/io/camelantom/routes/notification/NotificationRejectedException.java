package io.camelantom.routes.notification;

/**
 * A notification the bridge refuses: it is answered with a 4xx and a short JSON reason, nothing is published. The
 * message is the reason sent back and logged; it never holds body content (only ids, header names and sizes).
 */
public class NotificationRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a notification was refused, with the HTTP status and result code answered. */
    public enum Reason {
        /** The body is larger than {@code maxBodySize}. */
        BODY_TOO_LARGE(413, "BODY_TOO_LARGE"),
        /** A required header (client-id, request-time, signature) is missing, or the body is empty. */
        MISSING_HEADER(400, "PARAM_ILLEGAL"),
        /** The request-time header cannot be read as a time. */
        BAD_REQUEST_TIME(400, "PARAM_ILLEGAL"),
        /** The request-time is outside the allowed clock skew (a replay or a badly set clock). */
        STALE_REQUEST_TIME(401, "REQUEST_TIME_OUT_OF_WINDOW"),
        /** The client-id is not one this bridge serves. */
        UNKNOWN_CLIENT(401, "INVALID_CLIENT"),
        /** The signature is missing, unparsable, or does not match with any configured Antom key. */
        INVALID_SIGNATURE(401, "INVALID_SIGNATURE"),
        /** A correctly signed body that is not a JSON object, or that lacks a field the bridge keys on. */
        MALFORMED_NOTIFICATION(400, "PARAM_ILLEGAL");

        private final int httpStatus;
        private final String resultCode;

        Reason(int httpStatus, String resultCode) {
            this.httpStatus = httpStatus;
            this.resultCode = resultCode;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String resultCode() {
            return resultCode;
        }
    }

    private final Reason reason;

    public NotificationRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
