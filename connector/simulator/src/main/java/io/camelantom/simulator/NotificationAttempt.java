package io.camelantom.simulator;

import java.time.Instant;

/**
 * One delivery attempt of a notification.
 *
 * @param paymentRequestId the payment the notification is about
 * @param notifyType       {@code PAYMENT_RESULT} or {@code REFUND_RESULT}
 * @param url              where it was (or would have been) sent
 * @param attemptNumber    1 for the first delivery, 2 for the first resend, ... (a duplicated delivery repeats the number)
 * @param sentAt           when the attempt was made (real time)
 * @param httpStatus       the merchant's HTTP status, or -1 on an I/O error or a dropped attempt
 * @param responseBody     the merchant's answer, or a short description of the error ({@code "dropped by fault injection"})
 * @param acknowledged     {@code true} when the answer was HTTP 200 with the SUCCESS acknowledgement
 * @param refundRequestId  the refund a {@code REFUND_RESULT} is about, {@code null} for payment notifications
 */
public record NotificationAttempt(String paymentRequestId, String notifyType, String url, int attemptNumber,
        Instant sentAt, int httpStatus, String responseBody, boolean acknowledged, String refundRequestId) {
}
