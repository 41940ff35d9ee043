package io.camelantom.examples.standalone;

import java.util.function.Consumer;

import io.camelantom.component.AntomConstants;
import io.camelantom.model.CodeDetail;
import io.camelantom.model.PayResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * An in-store Order Code payment answers {@code U PAYMENT_IN_PROCESS} with the code the customer scans: the
 * {@code antom} component sets it in {@value AntomConstants#ORDER_CODE}. The order bridge records such a payment as
 * PROCESSING and waits for the notification; this processor, in the route the order bridge pays through
 * ({@code antomEndpoint}), shows the code (a real till would display it as a QR code) and leaves the answer as it is.
 */
final class OrderCodeDisplay implements Processor {

    private final Consumer<String> display;

    OrderCodeDisplay(Consumer<String> display) {
        this.display = display;
    }

    @Override
    public void process(Exchange exchange) {
        String code = exchange.getMessage().getHeader(AntomConstants.ORDER_CODE, String.class);
        if (code == null) {
            return;
        }
        String qr = null;
        String paymentRequestId = exchange.getMessage().getHeader(AntomConstants.PAYMENT_REQUEST_ID, "?", String.class);
        if (exchange.getMessage().getBody() instanceof PayResponse pay && pay.getOrderCodeForm() != null
                && pay.getOrderCodeForm().getCodeDetails() != null) {
            qr = pay.getOrderCodeForm().getCodeDetails().stream()
                    .filter(d -> "QRCODE".equalsIgnoreCase(d.getDisplayType())).map(CodeDetail::getCodeValue)
                    .findFirst().orElse(null);
        }
        display.accept("  Order Code for payment " + paymentRequestId + ": " + code
                + (qr != null ? "  (QR " + qr + ")" : "")
                + ": the customer scans it, the result comes as a notification");
    }
}
