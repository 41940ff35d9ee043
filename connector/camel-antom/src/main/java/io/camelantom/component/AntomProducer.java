package io.camelantom.component;

import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelantom.client.AntomApiVersion;
import io.camelantom.client.AntomClient;
import io.camelantom.client.AntomFailureException;
import io.camelantom.client.AntomReply;
import io.camelantom.client.AntomResultCodes;
import io.camelantom.client.AntomRetryableException;
import io.camelantom.metrics.AntomMeters;
import io.camelantom.model.AntomJson;
import io.camelantom.model.AntomRequest;
import io.camelantom.model.AntomResponse;
import io.camelantom.model.CodeDetail;
import io.camelantom.model.GenericResponse;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.InquiryRefundResponse;
import io.camelantom.model.PayResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.AsyncCallback;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the exchange body to Antom and puts the typed answer in its place.
 * <p>
 * Non-blocking: the call (and its resends, {@code maxRetries}) runs on the HTTP client's I/O thread, and the route goes
 * on from Camel's default thread pool once the answer is in, so hundreds of calls can be in flight without a thread
 * each. A synchronous caller (a {@code ProducerTemplate}, a synchronous route) waits for the answer as before. With an
 * {@code httpClientConfigurer} the blocking client is used, since the configurer tunes that one.
 * <p>
 * The body (a typed request, a {@code Map} or a JSON {@code String}) is serialised canonically. While the outcome is
 * unknown the bytes stay on the exchange, so a redelivery of the same request (same path, same idempotency key) sends
 * exactly the same bytes.
 */
public class AntomProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AntomProducer.class);
    /** Timer of every call (its resends within included): tags operation, outcome, result.code. */
    static final String CALLS = "antom.calls";
    /** Counter of the identical request sent again: by the client ({@code maxRetries}) or by a redelivery. */
    static final String RESENDS = "antom.call.resends";
    private static final List<String> IDEMPOTENCY_FIELDS = List.of("paymentRequestId", "refundRequestId", "captureRequestId");

    private WritableHealthCheckRepository healthCheckRepository;
    private AntomProducerHealthCheck producerHealthCheck;
    /** Where the route goes on after a non-blocking call; Camel's default thread pool profile, made on first use. */
    private volatile java.util.concurrent.ExecutorService completions;
    private AntomMeters meters = AntomMeters.NONE;

    public AntomProducer(AntomEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AntomEndpoint getEndpoint() {
        return (AntomEndpoint) super.getEndpoint();
    }

    /** What is sent: computed before the call, so a resend sends exactly these bytes. */
    private record Call(AntomOperation operation, String apiPath, byte[] bytes, String idempotencyKey) {
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Call call;
        AntomClient client;
        try {
            call = prepare(exchange);
            client = getEndpoint().getClient();
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        long start = System.nanoTime();
        if (!client.supportsAsync()) {
            // an AntomHttpClientConfigurer tunes the blocking client: use it
            AntomReply answer = null;
            Exception error = null;
            try {
                answer = client.send(call.operation().name(), call.apiPath(), call.bytes());
            } catch (Exception e) {
                error = e;
            }
            finish(exchange, call, start, answer, error);
            callback.done(true);
            return true;
        }
        java.util.concurrent.CompletableFuture<AntomReply> reply;
        try {
            reply = client.sendAsync(call.operation().name(), call.apiPath(), call.bytes());
        } catch (Exception e) {
            finish(exchange, call, start, null, e);
            callback.done(true);
            return true;
        }
        // the route goes on off the HTTP client's I/O thread, which must never block
        reply.whenCompleteAsync((answer, error) -> {
            try {
                finish(exchange, call, start, answer,
                        error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                ? error.getCause() : error);
            } finally {
                callback.done(false);
            }
        }, completionExecutor());
        return false;
    }

    /** Records the call, then puts its outcome on the exchange: the typed answer, or the error. */
    private void finish(Exchange exchange, Call call, long start, AntomReply answer, Throwable error) {
        try {
            record(call, start, answer, error);
            if (error != null) {
                fail(exchange, error);
            } else {
                complete(exchange, call, answer);
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    private Call prepare(Exchange exchange) {
        AntomConfiguration configuration = getEndpoint().getConfiguration();
        Message message = exchange.getMessage();
        AntomOperation operation = operation(message, configuration);
        boolean v2 = configuration.getApiVersion() == AntomApiVersion.v2;
        String apiPath = operation == AntomOperation.call ? callPath(message, configuration)
                : v2 ? v2Path(operation, configuration) : operation.getPath();

        Object body = readableBody(message);
        byte[] bytes;
        String idempotencyKey;
        if (operation == AntomOperation.call || v2 && !(body instanceof AntomRequest)) {
            // call sends the body as given; so does v2 with a Map or JSON text, taken as the v2 body itself
            Map<String, Object> map = AntomJson.toMap(body);
            bytes = AntomJson.canonicalBytes(map);
            idempotencyKey = IDEMPOTENCY_FIELDS.stream().map(map::get).filter(v -> v != null).map(String::valueOf)
                    .findFirst().orElse(null);
        } else {
            AntomRequest request = request(body, operation);
            request.validate();
            bytes = AntomJson.canonicalBytes(v2 ? V2Requests.toV2(request) : request);
            idempotencyKey = request.getIdempotencyKey();
        }

        PendingRequest pending = exchange.getProperty(AntomConstants.PENDING_REQUEST, PendingRequest.class);
        if (pending != null && pending.isResendOf(apiPath, idempotencyKey)) {
            meters.count(RESENDS, "operation", operation.name());
            if (!Arrays.equals(pending.body(), bytes)) {
                LOG.warn("Antom {} {}: the body changed since the attempt whose outcome is unknown; resending the original bytes"
                         + " (Antom would reject a different body with the same id)", operation, idempotencyKey);
            }
            bytes = pending.body();
        }
        exchange.setProperty(AntomConstants.PENDING_REQUEST, new PendingRequest(apiPath, idempotencyKey, bytes));
        return new Call(operation, apiPath, bytes, idempotencyKey);
    }

    /**
     * One call in {@link #CALLS}: outcome S, F or U as Antom answered, else why it is unknown (the
     * {@link AntomRetryableException.Kind}, or ERROR); the result code only when Antom's answer was verified.
     */
    private void record(Call call, long start, AntomReply reply, Throwable error) {
        if (!meters.isRecording()) {
            return;
        }
        String outcome;
        String code = null;
        if (reply != null) {
            outcome = reply.result() != null && reply.result().getResultStatus() != null
                    ? reply.result().getResultStatus() : "U";
            code = reply.result() != null ? reply.result().getResultCode() : null;
        } else if (error instanceof AntomRetryableException e) {
            outcome = e.getKind() == AntomRetryableException.Kind.RESULT_UNKNOWN ? "U" : e.getKind().name();
            code = e.getReply() != null && e.getReply().verified() ? e.getResultCode() : null;
        } else {
            outcome = "ERROR";
        }
        meters.time(CALLS, System.nanoTime() - start, "operation", call.operation().name(), "outcome", outcome,
                "result.code", AntomResultCodes.bounded(code));
    }

    /** An unknown outcome: the U headers, and the exception on the exchange (the request stays pending). */
    private static void fail(Exchange exchange, Throwable error) {
        Message message = exchange.getMessage();
        if (error instanceof AntomRetryableException e) {
            clearResultHeaders(message);
            message.setHeader(AntomConstants.RESULT_STATUS, "U");
            if (e.getReply() != null) {
                message.setHeader(AntomConstants.HTTP_STATUS, e.getReply().httpStatus());
                if (e.getReply().verified() && e.getReply().result() != null) {
                    message.setHeader(AntomConstants.RESULT_CODE, e.getReply().result().getResultCode());
                    message.setHeader(AntomConstants.RESULT_MESSAGE, e.getReply().result().getResultMessage());
                }
            }
        }
        exchange.setException(error);
    }

    private void complete(Exchange exchange, Call call, AntomReply reply) {
        AntomConfiguration configuration = getEndpoint().getConfiguration();
        Message message = exchange.getMessage();
        // a final answer (or one that waits for the buyer): nothing to resend any more
        exchange.removeProperty(AntomConstants.PENDING_REQUEST);

        AntomResponse response = typedResponse(reply, call.operation());
        clearResultHeaders(message);
        setHeaders(message, response, reply, call.idempotencyKey(), call.operation());
        message.setBody(response);
        if (reply.result().isFailed() && configuration.isThrowExceptionOnFailure()) {
            exchange.setException(new AntomFailureException(call.operation().name(), reply.path(), reply));
        }
    }

    private java.util.concurrent.ExecutorService completionExecutor() {
        java.util.concurrent.ExecutorService executor = completions;
        if (executor == null) {
            synchronized (this) {
                if (completions == null) {
                    completions = getEndpoint().getCamelContext().getExecutorServiceManager()
                            .newDefaultThreadPool(this, "AntomProducerCompletion");
                }
                executor = completions;
            }
        }
        return executor;
    }

    /**
     * The answer as the operation's type. A verified answer whose shape this version cannot map (Antom changed a
     * field's type) must not turn a done payment into an error: the body becomes a {@link GenericResponse} keeping
     * every field, and the headers still carry the result.
     */
    private static AntomResponse typedResponse(AntomReply reply, AntomOperation operation) {
        try {
            return AntomJson.read(reply.body(), operation.getResponseType());
        } catch (IllegalArgumentException e) {
            LOG.warn("Antom {} answered {} but the answer cannot be read as {} ({}); the body is a GenericResponse holding"
                     + " every field, see also header {}", operation, reply.result(), operation.getResponseType().getSimpleName(),
                    e.getMessage(), AntomConstants.RAW_RESPONSE);
            return AntomJson.read(reply.body(), GenericResponse.class);
        }
    }

    private static AntomOperation operation(Message message, AntomConfiguration configuration) {
        Object header = message.getHeader(AntomConstants.OPERATION);
        if (header instanceof AntomOperation op) {
            return op;
        }
        if (header != null) {
            try {
                return AntomOperation.valueOf(header.toString().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Header " + AntomConstants.OPERATION + ": unknown operation '" + header
                                                   + "'; one of " + Arrays.toString(AntomOperation.values()));
            }
        }
        if (configuration.getOperation() == null) {
            throw new IllegalArgumentException("No operation: set it in the URI (antom:pay) or the header "
                                               + AntomConstants.OPERATION);
        }
        return configuration.getOperation();
    }

    private static String v2Path(AntomOperation operation, AntomConfiguration configuration) {
        if (!V2Requests.OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("Operation " + operation + " is not documented for Antom v2 (only pay,"
                                               + " inquiryPayment and refund are): use antom:call with path="
                                               + configuration.getV2PathPrefix() + operation + " if your Antom contract has it");
        }
        String prefix = configuration.getV2PathPrefix();
        return (prefix.endsWith("/") ? prefix : prefix + "/") + operation.name();
    }

    private static String callPath(Message message, AntomConfiguration configuration) {
        String path = message.getHeader(AntomConstants.PATH, configuration.getPath(), String.class);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("The call operation needs the API path: the path option or the header "
                                               + AntomConstants.PATH + " (e.g. /ams/api/v1/payments/consult)");
        }
        return path.strip();
    }

    private static Object readableBody(Message message) {
        Object body = message.getBody();
        if (body instanceof InputStream || body instanceof Reader) {
            return message.getBody(String.class);
        }
        if (body instanceof JsonNode node) {
            return AntomJson.mapper().convertValue(node, Map.class);
        }
        return body;
    }

    private static AntomRequest request(Object body, AntomOperation operation) {
        if (body instanceof AntomRequest request && !operation.getRequestType().isInstance(request)) {
            throw new IllegalArgumentException("The body is a " + request.getClass().getSimpleName() + " but operation "
                                               + operation + " expects a " + operation.getRequestType().getSimpleName());
        }
        if (body == null) {
            throw new IllegalArgumentException("The body is empty: operation " + operation + " expects a "
                                               + operation.getRequestType().getSimpleName() + ", a Map or a JSON String");
        }
        if (!(body instanceof AntomRequest) && !(body instanceof Map) && !(body instanceof String) && !(body instanceof byte[])) {
            throw new IllegalArgumentException("Operation " + operation + " expects a " + operation.getRequestType().getSimpleName()
                                               + ", a Map or a JSON String as body, not a " + body.getClass().getName());
        }
        try {
            return AntomJson.convert(body, operation.getRequestType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Operation " + operation + ": the body cannot be read as "
                                               + operation.getRequestType().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void clearResultHeaders(Message message) {
        for (String header : List.of(AntomConstants.RESULT_STATUS, AntomConstants.RESULT_CODE, AntomConstants.RESULT_MESSAGE,
                AntomConstants.PAYMENT_ID, AntomConstants.PAYMENT_STATUS, AntomConstants.REFUND_ID, AntomConstants.REFUND_STATUS,
                AntomConstants.CAPTURE_ID, AntomConstants.ORDER_CODE, AntomConstants.REDIRECT_URL, AntomConstants.RAW_RESPONSE,
                AntomConstants.HTTP_STATUS)) {
            message.removeHeader(header);
        }
    }

    private static void setHeaders(Message message, AntomResponse response, AntomReply reply, String idempotencyKey,
            AntomOperation operation) {
        message.setHeader(AntomConstants.RESULT_STATUS, reply.result().getResultStatus());
        message.setHeader(AntomConstants.RESULT_CODE, reply.result().getResultCode());
        message.setHeader(AntomConstants.RESULT_MESSAGE, reply.result().getResultMessage());
        message.setHeader(AntomConstants.RAW_RESPONSE, reply.bodyAsString());
        message.setHeader(AntomConstants.HTTP_STATUS, reply.httpStatus());
        // ids may sit in modelled or (for call) unmodelled fields: read them from the answer's own tree
        Map<String, Object> tree = AntomJson.toMap(reply.body());
        setIfPresent(message, AntomConstants.PAYMENT_ID, tree.get("paymentId"));
        Object paymentRequestId = tree.get("paymentRequestId");
        if (paymentRequestId == null && operation == AntomOperation.pay) {
            paymentRequestId = idempotencyKey;
        }
        setIfPresent(message, AntomConstants.PAYMENT_REQUEST_ID, paymentRequestId);
        setIfPresent(message, AntomConstants.REFUND_ID, tree.get("refundId"));
        setIfPresent(message, AntomConstants.CAPTURE_ID, tree.get("captureId"));
        if (response instanceof InquiryPaymentResponse inquiry) {
            setIfPresent(message, AntomConstants.PAYMENT_STATUS, inquiry.getPaymentStatus());
        }
        if (response instanceof InquiryRefundResponse inquiry) {
            setIfPresent(message, AntomConstants.REFUND_STATUS, inquiry.getRefundStatus());
        }
        if (response instanceof PayResponse pay) {
            setIfPresent(message, AntomConstants.ORDER_CODE, orderCode(pay));
            String redirect = pay.getNormalUrl();
            if (redirect == null && pay.getRedirectActionForm() != null) {
                redirect = pay.getRedirectActionForm().getRedirectUrl();
            }
            setIfPresent(message, AntomConstants.REDIRECT_URL, redirect);
        }
    }

    private static String orderCode(PayResponse pay) {
        if (pay.getOrderCodeForm() == null || pay.getOrderCodeForm().getCodeDetails() == null) {
            return null;
        }
        List<CodeDetail> details = pay.getOrderCodeForm().getCodeDetails();
        return details.stream().filter(d -> "TEXT".equalsIgnoreCase(d.getDisplayType()) && d.getCodeValue() != null)
                .map(CodeDetail::getCodeValue).findFirst()
                .orElse(details.stream().map(CodeDetail::getCodeValue).filter(v -> v != null).findFirst().orElse(null));
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value.toString());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        meters = getEndpoint().getComponent().meters();
        // health checks are optional: register only when a repository is present
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            producerHealthCheck = new AntomProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            producerHealthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(producerHealthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        java.util.concurrent.ExecutorService executor = completions;
        completions = null;
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
        }
        if (healthCheckRepository != null && producerHealthCheck != null) {
            healthCheckRepository.removeHealthCheck(producerHealthCheck);
            producerHealthCheck = null;
        }
        super.doStop();
    }
}
