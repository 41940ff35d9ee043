package io.camelantom.simulator.testing;

import io.camelantom.model.Amount;
import io.camelantom.model.Order;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PaymentFactor;
import io.camelantom.model.PaymentMethod;

/**
 * Pay requests the simulator accepts, for tests. The amount's last two digits choose the simulator's outcome (see the
 * simulator's README, "Outcome triggers").
 */
public final class InStorePayments {

    /** A payment code a wallet shows at the till; any value is accepted by the simulator. */
    public static final String PAYMENT_CODE = "281012020000123456";

    private InStorePayments() {
    }

    /**
     * An in-store, user-presented (payment code) {@code pay} of {@code amount}, with an order
     * {@code "order-" + paymentRequestId}. Callers add what their test needs (notify URL, expiry time, merchant).
     */
    public static PayRequest userPresented(String paymentRequestId, Amount amount) {
        PayRequest pay = new PayRequest();
        pay.setProductCode("IN_STORE_PAYMENT");
        pay.setPaymentRequestId(paymentRequestId);
        pay.setPaymentAmount(amount);
        Order order = new Order();
        order.setReferenceOrderId("order-" + paymentRequestId);
        order.setOrderDescription("Coffee beans");
        order.setOrderAmount(amount);
        pay.setOrder(order);
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CONNECT_WALLET");
        method.setPaymentMethodId(PAYMENT_CODE);
        pay.setPaymentMethod(method);
        PaymentFactor factor = new PaymentFactor();
        factor.setInStorePaymentScenario("PaymentCode");
        pay.setPaymentFactor(factor);
        return pay;
    }

    /** {@link #userPresented(String, Amount)} of {@code minorUnits} US cents. */
    public static PayRequest userPresented(String paymentRequestId, String minorUnits) {
        return userPresented(paymentRequestId, new Amount("USD", minorUnits));
    }
}
