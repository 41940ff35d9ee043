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
 * <li>the ERP side, only when the demo feeds orders: consumes the results, refund results and dead letters of this
 * run's orders (JMS selectors on {@code CamelAntomOrderId} and {@value #RUN_PROPERTY}) and tells the
 * {@link ResultBoard}; refunds a partly refunded sample order once its PAID result is in. Results of other orders,
 * e.g. those a killed earlier run left on the queue or a real ERP's, are never consumed: they belong to the ERP.</li>
 * </ul>
 */
final class DemoRoutes extends RouteBuilder {

    static final String PAY_ENDPOINT = "direct:antom-pay";
    /** JMS property the demo puts on its orders (a dead-lettered order keeps it): the run's id. */
    static final String RUN_PROPERTY = "DemoRun";

    private final ResultBoard board;
    private final PaymentLedger ledger;
    private final String resultsQueue;
    private final String deadLetterQueue;
    private final String refundsQueue;
    private final String refundResultsQueue;
    private final String runId;

    /** @param runId this run's id (order ids {@code DEMO-<runId>-NNN}); null: no ERP side (no orders fed) */
    DemoRoutes(ResultBoard board, PaymentLedger ledger, String resultsQueue, String deadLetterQueue,
            String refundsQueue, String refundResultsQueue, String runId) {
        this.board = board;
        this.ledger = ledger;
        this.resultsQueue = resultsQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.refundsQueue = refundsQueue;
        this.refundResultsQueue = refundResultsQueue;
        this.runId = runId;
    }

    @Override
    public void configure() {
        // no error handler: the order bridge sees antom:pay's exceptions exactly as if it called antom:pay itself
        from(PAY_ENDPOINT).routeId("demo-antom-pay").errorHandler(noErrorHandler())
                .to("antom:pay")
                .process(new OrderCodeDisplay(board::println));

        if (runId == null) {
            return;
        }
        String headers = "?headerFilterStrategy=#class:" + AntomJmsHeaderFilterStrategy.class.getName();
        String ownResults = "&selector=RAW(" + AntomRouteHeaders.ORDER_ID + " LIKE 'DEMO-" + runId + "-%')";
        String ownDeadLetters = "&selector=RAW(" + RUN_PROPERTY + " = '" + runId + "')";
        from("jms:queue:" + resultsQueue + headers + ownResults).routeId("demo-erp-results")
                .process(exchange -> {
                    JsonNode result = AntomJson.mapper().readTree(exchange.getMessage().getBody(String.class));
                    String paymentRequestId = result.path("paymentRequestId").asText();
                    // settled after reconciliation looked at it (the ledger counts its checks)
                    boolean reconciled = ledger.find(paymentRequestId).map(PaymentRecord::checkCount).orElse(0) > 0;
                    String orderId = result.path("orderId").asText();
                    String status = result.path("status").asText();
                    board.result(orderId, status, result.path("resultCode").asText(null), reconciled);
                    SampleOrders.Scenario scenario = board.scenarioOf(orderId);
                    String refund = scenario == null || !"PAID".equals(status) ? null : scenario.refund();
                    exchange.getMessage().setBody(refund == null ? null : SampleOrders.refund(orderId, refund));
                })
                // the ERP refunds part of a paid order (routes/README.md, "Refund"); same run property as its orders
                .filter(body().isNotNull())
                    .setHeader(RUN_PROPERTY, constant(runId))
                    .to("jms:queue:" + refundsQueue + headers)
                .end();
        from("jms:queue:" + refundResultsQueue + headers + ownResults).routeId("demo-erp-refund-results")
                .process(exchange -> {
                    JsonNode result = AntomJson.mapper().readTree(exchange.getMessage().getBody(String.class));
                    board.refundResult(result.path("orderId").asText(), result.path("refundId").asText(),
                            result.path("status").asText(), result.path("amount").asText());
                });
        from("jms:queue:" + deadLetterQueue + headers + ownDeadLetters).routeId("demo-erp-dead-letters")
                .process(exchange -> board.deadLetter(
                        exchange.getMessage().getHeader(AntomRouteHeaders.ORDER_ID, "?", String.class),
                        exchange.getMessage().getHeader(AntomRouteHeaders.DEAD_LETTER_REASON, "?", String.class)));
    }
}
