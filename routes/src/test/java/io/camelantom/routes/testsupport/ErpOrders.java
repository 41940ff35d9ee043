package io.camelantom.routes.testsupport;

/** The ERP's canonical order as the tests send it: an in-store payment by payment code, in USD. */
public final class ErpOrders {

    private ErpOrders() {
    }

    /** The order's JSON text, as put on the orders queue (and stored in the ledger by the order bridge). */
    public static String order(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                + "\"description\":\"Coffee beans\",\"buyerId\":\"C-1\",\"storeId\":\"S-1\","
                + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"281012020000123456\","
                + "\"scenario\":\"PaymentCode\"}}";
    }

    /** The order as the order bridge stores it in the ledger: with the notify URL its pay request carried. */
    public static String stored(String orderId, String amount, String notifyUrl) {
        String order = order(orderId, amount);
        return order.substring(0, order.length() - 1) + ",\"notifyUrl\":\"" + notifyUrl + "\"}";
    }
}
