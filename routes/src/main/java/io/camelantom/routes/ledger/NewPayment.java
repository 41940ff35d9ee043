package io.camelantom.routes.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * An ERP order as the ledger registers it.
 *
 * @param orderId     the ERP order id (1..256 characters); the paymentRequestId is derived from it
 * @param amountMinor the amount in the currency's minor units (e.g. cents), greater than zero
 * @param currency    ISO 4217 alphabetic code, 3 upper-case letters
 * @param description the order description, may be null
 * @param expiresAt   the payment's closing time ({@code paymentExpiryTime}), may be null (reconciliation then uses
 *                    its configured default)
 * @param orderJson   the original order as received, kept for republication and for operators; may be null
 */
public record NewPayment(String orderId, long amountMinor, String currency, String description, Instant expiresAt,
        String orderJson) {

    /** The longest order id the ledger stores. */
    public static final int MAX_ORDER_ID_LENGTH = 256;

    public NewPayment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        if (orderId.isEmpty() || orderId.length() > MAX_ORDER_ID_LENGTH) {
            throw new IllegalArgumentException("order id must have 1.." + MAX_ORDER_ID_LENGTH + " characters");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be greater than zero, was " + amountMinor);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code of 3 upper-case letters, was '"
                    + currency + "'");
        }
    }
}
