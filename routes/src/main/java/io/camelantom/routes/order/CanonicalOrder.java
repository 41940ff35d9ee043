package io.camelantom.routes.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The canonical ERP order the order bridge pays (see {@code routes/README.md}, "Order bridge"). Read and checked by
 * {@link CanonicalOrderReader}; other ERP formats are turned into it by a custom order mapper.
 *
 * @param orderId           the ERP order id, 1..256 characters; the paymentRequestId is derived from it
 * @param amount            the amount in major units (12.34 USD), greater than zero, representable in the currency
 * @param currency          ISO 4217 code
 * @param description       what is bought, may be null
 * @param buyerId           the merchant's reference of the buyer, may be null
 * @param merchantId        the (sub-)merchant reference, may be null
 * @param storeId           the store reference (in-store payments), may be null
 * @param storeName         the store's name, may be null
 * @param terminalId        the store terminal, may be null
 * @param productCode       IN_STORE_PAYMENT (default), AGREEMENT_PAYMENT or CASHIER_PAYMENT
 * @param paymentMethod     how the buyer pays
 * @param expiresAt         the payment's closing time, may be null (the bridge's default applies)
 * @param notifyUrl         where Antom sends the payment notification, may be null (the bridge's default applies)
 * @param redirectUrl       where the buyer returns after a cashier payment; required for CASHIER_PAYMENT
 * @param attempt           the payment attempt, 1 (default); n + 1 asks for a genuinely new attempt after attempt n
 *                          ended FAILED or CANCELLED (a new paymentRequestId)
 */
public record CanonicalOrder(String orderId, BigDecimal amount, String currency, String description, String buyerId,
        String merchantId, String storeId, String storeName, String terminalId, String productCode,
        Method paymentMethod, OffsetDateTime expiresAt, String notifyUrl, String redirectUrl,
        int attempt) {

    /** This order with {@code notifyUrl} set when it has none (the bridge's default, stored with the order). */
    public CanonicalOrder withDefaultNotifyUrl(String defaultNotifyUrl) {
        if (notifyUrl != null || defaultNotifyUrl == null || defaultNotifyUrl.isBlank()) {
            return this;
        }
        return new CanonicalOrder(orderId, amount, currency, description, buyerId, merchantId, storeId, storeName,
                terminalId, productCode, paymentMethod, expiresAt, defaultNotifyUrl.strip(), redirectUrl, attempt);
    }

    /**
     * @param type     Antom's paymentMethodType, e.g. CONNECT_WALLET, ALIPAY_CN
     * @param code     the buyer's payment code or token (Antom's paymentMethodId), may be null
     * @param scenario the in-store scenario: PaymentCode (the buyer shows a code), OrderCode (the buyer scans one),
     *                 EntryCode; may be null
     */
    public record Method(String type, String code, String scenario) {
    }
}
