package io.camelantom.examples.testing;

/** The ERP's canonical order as the examples' tests send it: an in-store payment by payment code, in USD. */
public final class ErpOrders {

    private ErpOrders() {
    }

    /** The order's JSON text, as put on the orders queue; the amount's last two digits choose the simulator's outcome. */
    public static String order(String orderId, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":\"" + amount + "\",\"currency\":\"USD\","
                + "\"description\":\"Coffee beans\",\"buyerId\":\"C-1\",\"storeId\":\"S-1\","
                + "\"paymentMethod\":{\"type\":\"CONNECT_WALLET\",\"code\":\"281012020000123456\","
                + "\"scenario\":\"PaymentCode\"}}";
    }
}
