package io.camelantom.examples.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.model.AntomJson;
import io.camelantom.routes.AntomRouteHeaders;
import io.camelantom.routes.ledger.PaymentLedger;
import io.camelantom.routes.ledger.PaymentRecord;
import io.camelantom.routes.notification.AntomJmsHeaderFilterStrategy;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's own routes around the prebuilt ones:
 * <ul>
 * <li>{@value #PAY_ENDPOINT}: what the order bridge pays through ({@code antomEndpoint}): {@code antom:pay}, showing
 * Order Codes on the way ({@link OrderCodeDisplay});</li>
 * <li>the ERP side: consumes the results queue and the dead-letter queue and tells the {@link ResultBoard}.</li>
 * </ul>
 */
final class DemoRoutes extends RouteBuilder {

    static final String PAY_ENDPOINT = "direct:antom-pay";

    private final ResultBoard board;
    private final PaymentLedger ledger;
    private final String resultsQueue;
    private final String deadLetterQueue;

    DemoRoutes(ResultBoard board, PaymentLedger ledger, String resultsQueue, String deadLetterQueue) {
        this.board = board;
        this.ledger = ledger;
        this.resultsQueue = resultsQueue;
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public void configure() {
        // no error handler: the order bridge sees antom:pay's exceptions exactly as if it called antom:pay itself
        from(PAY_ENDPOINT).routeId("demo-antom-pay").errorHandler(noErrorHandler())
                .to("antom:pay")
                .process(new OrderCodeDisplay(board::println));

        String headers = "?headerFilterStrategy=#class:" + AntomJmsHeaderFilterStrategy.class.getName();
        from("jms:queue:" + resultsQueue + headers).routeId("demo-erp-results")
                .process(exchange -> {
                    JsonNode result = AntomJson.mapper().readTree(exchange.getMessage().getBody(String.class));
                    String paymentRequestId = result.path("paymentRequestId").asText();
                    // settled after reconciliation looked at it (the ledger counts its checks)
                    boolean reconciled = ledger.find(paymentRequestId).map(PaymentRecord::checkCount).orElse(0) > 0;
                    board.result(result.path("orderId").asText(), result.path("status").asText(),
                            result.path("resultCode").asText(null), reconciled);
                });
        from("jms:queue:" + deadLetterQueue + headers).routeId("demo-erp-dead-letters")
                .process(exchange -> board.deadLetter(
                        exchange.getMessage().getHeader(AntomRouteHeaders.ORDER_ID, "?", String.class),
                        exchange.getMessage().getHeader(AntomRouteHeaders.DEAD_LETTER_REASON, "?", String.class)));
    }
}
