package io.camelantom.routes.order;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.camelantom.model.Amount;
import io.camelantom.model.Buyer;
import io.camelantom.model.Merchant;
import io.camelantom.model.Order;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PaymentFactor;
import io.camelantom.model.PaymentMethod;
import io.camelantom.model.Store;
import io.camelantom.routes.ledger.PaymentRecord;

/**
 * Turns a canonical order and its ledger row into Antom's pay request. Deterministic: the same order and row always
 * give the same request, so a resend of an open payment is byte-identical to the first call (Antom's idempotency
 * compares the key fields and refuses a different body with {@code REPEAT_REQ_INCONSISTENT}). That is why the
 * paymentRequestId and the expiry come from the row, not from the clock. The order bridge stores the effective
 * {@code notifyUrl} (the order's, else its {@code paymentNotifyUrl} parameter) in the ledger's {@code ORDER_JSON}, so
 * {@link #fromLedger(PaymentRecord)} rebuilds the same request anywhere (reconciliation's resend after
 * {@code ORDER_NOT_EXIST}).
 */
public final class PayRequestFactory {

    /** Antom's time format: ISO-8601 with offset, to the second ({@code 2026-03-01T18:00:00+00:00}). */
    static final DateTimeFormatter ANTOM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private PayRequestFactory() {
    }

    static PayRequest payRequest(CanonicalOrder order, PaymentRecord row, String defaultNotifyUrl) {
        PayRequest pay = new PayRequest();
        pay.setProductCode(order.productCode() == null ? "IN_STORE_PAYMENT" : order.productCode());
        pay.setPaymentRequestId(row.paymentRequestId());
        Amount amount = Amount.ofMinorUnits(row.amountMinor(), row.currency());
        pay.setPaymentAmount(amount);

        Order antomOrder = new Order();
        antomOrder.setReferenceOrderId(order.orderId().length() <= 64 ? order.orderId() : row.paymentRequestId());
        antomOrder.setOrderDescription(order.description() == null ? order.orderId() : order.description());
        antomOrder.setOrderAmount(Amount.ofMinorUnits(row.amountMinor(), row.currency()));
        if (order.buyerId() != null) {
            Buyer buyer = new Buyer();
            buyer.setReferenceBuyerId(order.buyerId());
            antomOrder.setBuyer(buyer);
        }
        if (order.merchantId() != null || order.storeId() != null || order.storeName() != null
                || order.terminalId() != null) {
            Merchant merchant = new Merchant();
            merchant.setReferenceMerchantId(order.merchantId());
            if (order.storeId() != null || order.storeName() != null || order.terminalId() != null) {
                Store store = new Store();
                store.setReferenceStoreId(order.storeId());
                store.setStoreName(order.storeName());
                store.setStoreTerminalId(order.terminalId());
                merchant.setStore(store);
            }
            antomOrder.setMerchant(merchant);
        }
        pay.setOrder(antomOrder);

        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType(order.paymentMethod().type());
        method.setPaymentMethodId(order.paymentMethod().code());
        pay.setPaymentMethod(method);
        String scenario = order.paymentMethod().scenario();
        if (scenario == null && order.paymentMethod().code() != null && pay.getProductCode().equals("IN_STORE_PAYMENT")) {
            scenario = "PaymentCode";
        }
        if (scenario != null) {
            PaymentFactor factor = new PaymentFactor();
            factor.setInStorePaymentScenario(scenario);
            pay.setPaymentFactor(factor);
        }
        if (row.expiresAt() != null) {
            pay.setPaymentExpiryTime(antomTime(row.expiresAt()));
        }
        String notifyUrl = order.notifyUrl() != null ? order.notifyUrl() : blankToNull(defaultNotifyUrl);
        pay.setPaymentNotifyUrl(notifyUrl);
        pay.setPaymentRedirectUrl(order.redirectUrl());
        return pay;
    }

    /**
     * The pay request of a ledger row, rebuilt from its stored order: identical to the order bridge's call for the
     * same row. Empty when the row has no stored order (a payment registered by other code).
     */
    public static Optional<PayRequest> fromLedger(PaymentRecord row) {
        if (row.orderJson() == null || row.orderJson().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(payRequest(CanonicalOrderReader.read(row.orderJson()), row, null));
    }

    /**
     * Whether the request's first answer asks the buyer to act (an Order Code to scan, a cashier page): such a
     * request is never resent, since resending cannot stand in for the buyer (and a new code nobody shows is useless).
     */
    public static boolean waitsForBuyer(PayRequest request) {
        return "CASHIER_PAYMENT".equals(request.getProductCode()) || request.getPaymentFactor() != null
                && "OrderCode".equals(request.getPaymentFactor().getInStorePaymentScenario());
    }

    static String antomTime(Instant time) {
        return ANTOM_TIME.format(time.atOffset(ZoneOffset.UTC));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
