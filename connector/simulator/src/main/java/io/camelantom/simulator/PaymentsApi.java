package io.camelantom.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelantom.simulator.AmsJson.Amount;

/**
 * The payments API and its state: payments by paymentRequestId and paymentId, refunds by refundRequestId and
 * refundId, captures by captureRequestId, all scoped by client id. One lock guards all state: the simulator favours
 * obviously-correct money handling over throughput.
 */
final class PaymentsApi {

    static final String PAY = "pay";
    static final String INQUIRY_PAYMENT = "inquiryPayment";
    static final String CANCEL = "cancel";
    static final String REFUND = "refund";
    static final String INQUIRY_REFUND = "inquiryRefund";
    static final String CAPTURE = "capture";
    static final Set<String> OPERATIONS = Set.of(PAY, INQUIRY_PAYMENT, CANCEL, REFUND, INQUIRY_REFUND, CAPTURE);

    /** How long an Order Code stays valid when the pay request gives no paymentExpiryTime. */
    static final Duration ORDER_CODE_DEFAULT_EXPIRY = Duration.ofHours(1);

    private enum Flow {
        DIRECT, ORDER_CODE, CASHIER
    }

    private final Settings settings;
    private final Clock clock;
    private final AmsJson json;
    private final ScheduledExecutorService scheduler;
    private final NotificationSender notifications;
    private final Supplier<String> baseUrl;
    private final AtomicLong sequence = new AtomicLong();

    // all guarded by "this"
    private final Map<String, PaymentRecord> paymentsByRequestId = new HashMap<>();
    private final Map<String, PaymentRecord> paymentsById = new HashMap<>();
    private final Map<String, RefundRecord> refundsByRequestId = new HashMap<>();
    private final Map<String, RefundRecord> refundsById = new HashMap<>();
    private final Map<String, CaptureRecord> capturesByRequestId = new HashMap<>();
    /** Ids whose first request already got its "first request fails" trigger. */
    private final Set<String> triggeredOnce = new HashSet<>();
    /** PROCESSING payments with an expiry time: what the periodic expiry check looks at (not every payment ever made). */
    private final Set<PaymentRecord> awaitingExpiry = new java.util.LinkedHashSet<>();
    private long generation;

    /** The timing settings the payments API needs. */
    record Settings(double timeScale, Duration cancelWindow, Duration processingDelay, Duration orderCodeScanDelay,
            Duration cashierCompletionDelay, Duration slowResponseDelay) {

        Duration scaled(Duration d) {
            return Duration.ofNanos((long) (d.toNanos() / timeScale));
        }
    }

    PaymentsApi(Settings settings, Clock clock, AmsJson json, ScheduledExecutorService scheduler,
            NotificationSender notifications, Supplier<String> baseUrl) {
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.scheduler = scheduler;
        this.notifications = notifications;
        this.baseUrl = baseUrl;
    }

    /** Handles one verified API call. */
    ApiResult handle(String operation, String clientId, JsonNode request) {
        return switch (operation) {
            case PAY -> pay(clientId, request);
            case INQUIRY_PAYMENT -> inquiryPayment(clientId, request);
            case CANCEL -> cancel(clientId, request);
            case REFUND -> refund(clientId, request);
            case INQUIRY_REFUND -> inquiryRefund(clientId, request);
            case CAPTURE -> capture(clientId, request);
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    }

    // ================================================================ pay

    private ApiResult pay(String clientId, JsonNode request) {
        String productCode = AmsJson.requiredString(request, "productCode", "productCode", 32);
        if (!Set.of("CASHIER_PAYMENT", "AGREEMENT_PAYMENT", "IN_STORE_PAYMENT").contains(productCode)) {
            throw new ParamIllegalException("the field productCode must be CASHIER_PAYMENT, AGREEMENT_PAYMENT or IN_STORE_PAYMENT");
        }
        String paymentRequestId = AmsJson.requiredString(request, "paymentRequestId", "paymentRequestId", 64);
        JsonNode order = AmsJson.requiredObject(request, "order", "order");
        if (AmsJson.optionalObject(order, "orderAmount", "order.orderAmount") != null) {
            AmsJson.readAmount(order.get("orderAmount"), "order.orderAmount");
        }
        Amount amount = AmsJson.requiredAmount(request, "paymentAmount");
        JsonNode paymentMethod = AmsJson.requiredObject(request, "paymentMethod", "paymentMethod");
        String paymentMethodType = AmsJson.requiredString(paymentMethod, "paymentMethodType", "paymentMethod.paymentMethodType", 64);
        String paymentMethodId = AmsJson.optionalString(paymentMethod, "paymentMethodId", "paymentMethod.paymentMethodId");
        JsonNode factor = AmsJson.optionalObject(request, "paymentFactor", "paymentFactor");
        String scenario = AmsJson.optionalString(factor, "inStorePaymentScenario", "paymentFactor.inStorePaymentScenario");
        Instant expiry = AmsJson.optionalTime(request, "paymentExpiryTime");
        String notifyUrl = AmsJson.optionalUrl(request, "paymentNotifyUrl");
        String redirectUrl = AmsJson.optionalUrl(request, "paymentRedirectUrl");

        Flow flow;
        if ("CASHIER_PAYMENT".equals(productCode)) {
            if (redirectUrl == null) {
                throw new ParamIllegalException("the required field paymentRedirectUrl is missing (CASHIER_PAYMENT)");
            }
            flow = Flow.CASHIER;
        } else if ("OrderCode".equals(scenario)) {
            flow = Flow.ORDER_CODE;
        } else {
            if ("PaymentCode".equals(scenario) && paymentMethodId == null) {
                throw new ParamIllegalException("the required field paymentMethod.paymentMethodId (the buyer's payment code) is missing");
            }
            if (scenario != null && !Set.of("PaymentCode", "OrderCode", "EntryCode").contains(scenario)) {
                throw new ParamIllegalException("the field paymentFactor.inStorePaymentScenario must be PaymentCode, OrderCode or EntryCode");
            }
            flow = Flow.DIRECT;
        }

        synchronized (this) {
            Instant now = clock.instant();
            PaymentRecord existing = paymentsByRequestId.get(key(clientId, paymentRequestId));
            if (existing != null) {
                expireIfDue(existing, now);
                if (!existing.amount.equals(amount) || !Objects.equals(existing.paymentMethodId, paymentMethodId)) {
                    return ApiResult.ok(json.resultBody("F", "REPEAT_REQ_INCONSISTENT",
                            "a payment with this paymentRequestId exists with a different amount, currency or paymentMethodId"));
                }
                return ApiResult.ok(payResponse(existing));
            }
            AmountTrigger trigger = AmountTrigger.of(amount.value());
            if (trigger.rejectsFirstRequest() && triggeredOnce.add(key(PAY, clientId, paymentRequestId))) {
                return firstRequestRejection(trigger);
            }
            PaymentRecord payment = new PaymentRecord(clientId, paymentRequestId, newId("2", now), amount, productCode,
                    paymentMethodType, paymentMethodId, flow, trigger, now, notifyUrl, generation);
            payment.expiryTime = expiry;
            payment.referenceOrderId = AmsJson.optionalString(order, "referenceOrderId", "order.referenceOrderId");
            payment.referenceStoreId = order.path("merchant").path("store").path("referenceStoreId").isTextual()
                    ? order.path("merchant").path("store").path("referenceStoreId").asText() : null;
            paymentsByRequestId.put(key(clientId, paymentRequestId), payment);
            paymentsById.put(key(clientId, payment.paymentId), payment);
            switch (flow) {
                case DIRECT -> applyOutcome(payment);
                case ORDER_CODE -> {
                    payment.orderCode = "28" + zeroPadded(sequence.incrementAndGet() * 7919 % 10_000_000_000_000_000L, 16);
                    if (payment.expiryTime == null) {
                        payment.expiryTime = now.plus(ORDER_CODE_DEFAULT_EXPIRY);
                    }
                    if (settings.orderCodeScanDelay() != null) {
                        later(settings.scaled(settings.orderCodeScanDelay()), payment, () -> scanLocked(payment));
                    }
                }
                case CASHIER -> {
                    payment.redirectUrl = baseUrl.get() + "/cashier/" + payment.paymentId;
                    if (settings.cashierCompletionDelay() != null) {
                        later(settings.scaled(settings.cashierCompletionDelay()), payment,
                                () -> completeLocked(payment, !trigger.failsAtOnce() && trigger != AmountTrigger.PROCESSING_THEN_FAIL));
                    }
                }
            }
            if (payment.status == PaymentStatus.PROCESSING && payment.expiryTime != null) {
                awaitingExpiry.add(payment);
            }
            ObjectNode response = payResponse(payment);
            return switch (trigger) {
                case SLOW_RESPONSE -> ApiResult.ok(response).delayedBy(settings.slowResponseDelay());
                case HTTP_500_AFTER -> ApiResult.unsigned(500, json.resultBody("U", "UNKNOWN_EXCEPTION",
                        "simulated HTTP 500 after the payment was processed"));
                case UNKNOWN_AFTER -> ApiResult.ok(json.resultBody("U", "UNKNOWN_EXCEPTION",
                        "simulated unknown exception after the payment was processed"));
                default -> ApiResult.ok(response);
            };
        }
    }

    private ApiResult firstRequestRejection(AmountTrigger trigger) {
        if (trigger == AmountTrigger.HTTP_500_BEFORE) {
            return ApiResult.unsigned(500, json.resultBody("U", "UNKNOWN_EXCEPTION", "simulated HTTP 500, nothing was processed"));
        }
        return ApiResult.ok(json.resultBody("U", "REQUEST_TRAFFIC_EXCEED_LIMIT", "simulated rate limit, nothing was processed"));
    }

    /** A direct (synchronous) payment, or an Order Code just scanned: the amount trigger decides. */
    private void applyOutcome(PaymentRecord payment) {
        AmountTrigger trigger = payment.trigger;
        if (trigger.failsAtOnce()) {
            finish(payment, false, trigger.failureCode());
        } else if (trigger == AmountTrigger.PROCESSING_THEN_SUCCESS || trigger == AmountTrigger.PROCESSING_THEN_FAIL) {
            later(settings.scaled(settings.processingDelay()), payment,
                    () -> finish(payment, trigger == AmountTrigger.PROCESSING_THEN_SUCCESS, trigger.failureCode()));
        } else if (trigger != AmountTrigger.PROCESSING_FOREVER) {
            finish(payment, true, null);
        }
    }

    /** Moves a PROCESSING payment to SUCCESS (taking the money, once) or FAIL, and sends the notification. */
    private void finish(PaymentRecord payment, boolean success, String failureCode) {
        if (payment.status != PaymentStatus.PROCESSING || payment.generation != generation) {
            return;
        }
        Instant now = clock.instant();
        if (expireIfDue(payment, now)) {
            return;
        }
        if (success) {
            payment.status = PaymentStatus.SUCCESS;
            payment.resultCode = "SUCCESS";
            payment.resultMessage = "success.";
            payment.chargeCount++;
            payment.paymentTime = now;
        } else {
            payment.status = PaymentStatus.FAIL;
            payment.resultCode = failureCode == null ? "USER_BALANCE_NOT_ENOUGH" : failureCode;
            payment.resultMessage = failureMessage(payment.resultCode);
        }
        notifyPaymentResult(payment);
    }

    /** A PROCESSING payment past its expiry time fails with ORDER_IS_CLOSED. */
    private boolean expireIfDue(PaymentRecord payment, Instant now) {
        if (payment.status == PaymentStatus.PROCESSING && payment.expiryTime != null && now.isAfter(payment.expiryTime)) {
            payment.status = PaymentStatus.FAIL;
            payment.resultCode = "ORDER_IS_CLOSED";
            payment.resultMessage = "the payment expired (paymentExpiryTime passed) before it was completed";
            notifyPaymentResult(payment);
            return true;
        }
        return false;
    }

    /** Runs periodically: closes expired payments even when nobody asks about them. */
    synchronized void expireDuePayments() {
        Instant now = clock.instant();
        for (java.util.Iterator<PaymentRecord> due = awaitingExpiry.iterator(); due.hasNext();) {
            PaymentRecord payment = due.next();
            // a payment leaves PROCESSING once and never comes back to it
            if (payment.status != PaymentStatus.PROCESSING || expireIfDue(payment, now)) {
                due.remove();
            }
        }
    }

    private ObjectNode payResponse(PaymentRecord payment) {
        ObjectNode body = json.object();
        switch (payment.status) {
            case SUCCESS -> body.set("result", json.success());
            case FAIL -> body.set("result", json.result("F", payment.resultCode, payment.resultMessage));
            case CANCELLED -> body.set("result", json.result("F", "ORDER_IS_CLOSED", "the payment was cancelled"));
            case PROCESSING -> body.set("result", json.result("U", "PAYMENT_IN_PROCESS", "payment in process"));
        }
        putPaymentDetails(body, payment);
        if (payment.status == PaymentStatus.PROCESSING && payment.orderCode != null && !payment.scanned) {
            ObjectNode form = json.object();
            ArrayNode details = form.putArray("codeDetails");
            ObjectNode text = details.addObject();
            text.put("codeValue", payment.orderCode);
            text.put("displayType", "TEXT");
            ObjectNode qr = details.addObject();
            qr.put("codeValue", baseUrl.get() + "/orderCode/" + payment.orderCode);
            qr.put("displayType", "QRCODE");
            form.put("expireTime", json.time(payment.expiryTime));
            body.set("orderCodeForm", form);
        }
        if (payment.status == PaymentStatus.PROCESSING && payment.redirectUrl != null) {
            body.put("normalUrl", payment.redirectUrl);
            ObjectNode form = json.object();
            form.put("method", "GET");
            form.put("redirectUrl", payment.redirectUrl);
            body.set("redirectActionForm", form);
        }
        return body;
    }

    // ================================================================ inquiryPayment and cancel

    private PaymentRecord findPayment(String clientId, JsonNode request) {
        String paymentId = AmsJson.optionalString(request, "paymentId", "paymentId");
        String paymentRequestId = AmsJson.optionalString(request, "paymentRequestId", "paymentRequestId");
        if (paymentId == null && paymentRequestId == null) {
            throw new ParamIllegalException("the field paymentId or paymentRequestId is required");
        }
        // paymentId wins when both are given
        return paymentId != null ? paymentsById.get(key(clientId, paymentId))
                : paymentsByRequestId.get(key(clientId, paymentRequestId));
    }

    private synchronized ApiResult inquiryPayment(String clientId, JsonNode request) {
        PaymentRecord payment = findPayment(clientId, request);
        if (payment == null) {
            return ApiResult.ok(json.resultBody("F", "ORDER_NOT_EXIST", "the payment does not exist"));
        }
        expireIfDue(payment, clock.instant());
        ObjectNode body = json.object();
        body.set("result", json.success());
        body.put("paymentStatus", payment.status.name());
        body.put("paymentResultCode", paymentResultCode(payment));
        body.put("paymentResultMessage", paymentResultMessage(payment));
        putPaymentDetails(body, payment);
        body.put("paymentMethodType", payment.paymentMethodType);
        ArrayNode transactions = json.mapper().createArrayNode();
        for (RefundRecord refund : payment.refunds) {
            addTransaction(transactions, "REFUND", refund.status, refund.refundRequestId, refund.refundId, refund.amount,
                    refund.refundTime != null ? refund.refundTime : refund.createdAt);
        }
        for (CaptureRecord capture : payment.captures) {
            addTransaction(transactions, "CAPTURE", "SUCCESS", capture.captureRequestId, capture.captureId, capture.amount,
                    capture.captureTime);
        }
        if (payment.cancelTime != null) {
            ObjectNode t = transactions.addObject();
            t.put("transactionType", "CANCEL");
            t.put("transactionStatus", "SUCCESS");
            t.put("transactionTime", json.time(payment.cancelTime));
        }
        if (!transactions.isEmpty()) {
            body.set("transactions", transactions);
        }
        return ApiResult.ok(body);
    }

    /** One refund or capture in inquiryPayment's {@code transactions}. */
    private void addTransaction(ArrayNode transactions, String type, String status, String requestId, String id, Amount amount,
            Instant time) {
        ObjectNode transaction = transactions.addObject();
        transaction.put("transactionType", type);
        transaction.put("transactionStatus", status);
        transaction.put("transactionRequestId", requestId);
        transaction.put("transactionId", id);
        transaction.set("transactionAmount", json.amount(amount));
        transaction.put("transactionTime", json.time(time));
    }

    private static String paymentResultCode(PaymentRecord payment) {
        return switch (payment.status) {
            case PROCESSING -> "PAYMENT_IN_PROCESS";
            case CANCELLED -> "ORDER_IS_CLOSED";
            default -> payment.resultCode;
        };
    }

    private static String paymentResultMessage(PaymentRecord payment) {
        return switch (payment.status) {
            case PROCESSING -> "payment in process";
            case CANCELLED -> payment.reversed ? "the payment was cancelled and the money returned" : "the payment was cancelled";
            default -> payment.resultMessage;
        };
    }

    private synchronized ApiResult cancel(String clientId, JsonNode request) {
        PaymentRecord payment = findPayment(clientId, request);
        if (payment == null) {
            return ApiResult.ok(json.resultBody("F", "ORDER_NOT_EXIST", "the payment does not exist"));
        }
        Instant now = clock.instant();
        if (payment.status != PaymentStatus.CANCELLED) {
            if (now.isAfter(payment.createdAt.plus(settings.cancelWindow()))) {
                return ApiResult.ok(json.resultBody("F", "CANCEL_WINDOW_EXCEED",
                        "the cancel window has passed; refund the payment instead"));
            }
            if (payment.refunds.stream().anyMatch(r -> !"FAIL".equals(r.status))) {
                return ApiResult.ok(json.resultBody("F", "ORDER_STATUS_INVALID", "a refunded payment cannot be cancelled"));
            }
            // a PROCESSING payment is closed (nothing was taken); a paid one is reversed (the money goes back)
            payment.reversed = payment.status == PaymentStatus.SUCCESS;
            payment.status = PaymentStatus.CANCELLED;
            payment.cancelTime = now;
        }
        ObjectNode body = json.object();
        body.set("result", json.success());
        body.put("paymentId", payment.paymentId);
        body.put("paymentRequestId", payment.paymentRequestId);
        body.put("cancelTime", json.time(payment.cancelTime));
        return ApiResult.ok(body);
    }

    // ================================================================ refund

    private ApiResult refund(String clientId, JsonNode request) {
        MoneyRequest refundRequest = MoneyRequest.read(REFUND, request);
        String notifyUrl = AmsJson.optionalUrl(request, "refundNotifyUrl");
        return moveMoney(clientId, refundRequest, refundsByRequestId, this::refundResponse, "refunded", payment -> {
            Amount amount = refundRequest.amount();
            AmountTrigger trigger = AmountTrigger.of(amount.value());
            Instant now = clock.instant();
            RefundRecord refund = new RefundRecord(refundRequest.requestId(), newId("3", now), payment, amount, now, notifyUrl,
                    generation);
            long alreadyRefunded = payment.refunds.stream().filter(r -> !"FAIL".equals(r.status)).mapToLong(r -> r.amount.minor()).sum();
            if (alreadyRefunded + amount.minor() > payment.amount.minor()) {
                refund.status = "FAIL";
                refund.resultCode = "REFUND_AMOUNT_EXCEED";
            } else if (trigger == AmountTrigger.BALANCE_NOT_ENOUGH) {
                refund.status = "FAIL";
                refund.resultCode = "MERCHANT_BALANCE_NOT_ENOUGH";
            } else if (trigger == AmountTrigger.PROCESSING_THEN_SUCCESS) {
                refund.status = "PROCESSING";
                refund.resultCode = "REFUND_IN_PROCESS";
                later(settings.scaled(settings.processingDelay()), payment, () -> finishRefund(refund));
            } else {
                refund.status = "SUCCESS";
                refund.resultCode = "SUCCESS";
                refund.refundTime = now;
            }
            refundsByRequestId.put(key(clientId, refund.refundRequestId), refund);
            refundsById.put(key(clientId, refund.refundId), refund);
            payment.refunds.add(refund);
            if (!"PROCESSING".equals(refund.status)) {
                notifyRefundResult(refund);
            }
            return ApiResult.ok(refundResponse(refund));
        });
    }

    private void finishRefund(RefundRecord refund) {
        if (!"PROCESSING".equals(refund.status) || refund.generation != generation) {
            return;
        }
        refund.status = "SUCCESS";
        refund.resultCode = "SUCCESS";
        refund.refundTime = clock.instant();
        notifyRefundResult(refund);
    }

    private ObjectNode refundResponse(RefundRecord refund) {
        ObjectNode body = json.object();
        switch (refund.status) {
            case "SUCCESS" -> body.set("result", json.success());
            case "PROCESSING" -> body.set("result", json.result("U", "REFUND_IN_PROCESS", "refund in process"));
            default -> body.set("result", json.result("F", refund.resultCode, failureMessage(refund.resultCode)));
        }
        putRefundDetails(body, refund);
        return body;
    }

    private synchronized ApiResult inquiryRefund(String clientId, JsonNode request) {
        String refundId = AmsJson.optionalString(request, "refundId", "refundId");
        String refundRequestId = AmsJson.optionalString(request, "refundRequestId", "refundRequestId");
        if (refundId == null && refundRequestId == null) {
            throw new ParamIllegalException("the field refundId or refundRequestId is required");
        }
        RefundRecord refund = refundId != null ? refundsById.get(key(clientId, refundId))
                : refundsByRequestId.get(key(clientId, refundRequestId));
        if (refund == null) {
            return ApiResult.ok(json.resultBody("F", "REFUND_NOT_EXIST", "the refund does not exist"));
        }
        ObjectNode body = json.object();
        body.set("result", json.success());
        body.put("refundId", refund.refundId);
        body.put("refundRequestId", refund.refundRequestId);
        body.set("refundAmount", json.amount(refund.amount));
        body.put("refundStatus", refund.status);
        if (refund.refundTime != null) {
            body.put("refundTime", json.time(refund.refundTime));
        }
        return ApiResult.ok(body);
    }

    // ================================================================ capture

    private ApiResult capture(String clientId, JsonNode request) {
        MoneyRequest captureRequest = MoneyRequest.read(CAPTURE, request);
        return moveMoney(clientId, captureRequest, capturesByRequestId, this::captureResponse, "captured", payment -> {
            Amount amount = captureRequest.amount();
            Instant now = clock.instant();
            long captured = payment.captures.stream().mapToLong(c -> c.amount.minor()).sum();
            String resultCode = captured + amount.minor() > payment.amount.minor() ? "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT" : "SUCCESS";
            CaptureRecord capture = new CaptureRecord(captureRequest.requestId(), newId("4", now), payment, amount, now, resultCode);
            if ("SUCCESS".equals(resultCode)) {
                payment.captures.add(capture);
            }
            capturesByRequestId.put(key(clientId, capture.captureRequestId), capture);
            return ApiResult.ok(captureResponse(capture));
        });
    }

    private ObjectNode captureResponse(CaptureRecord capture) {
        ObjectNode body = json.object();
        if ("SUCCESS".equals(capture.resultCode)) {
            body.set("result", json.success());
        } else {
            body.set("result", json.result("F", capture.resultCode, failureMessage(capture.resultCode)));
        }
        body.put("captureRequestId", capture.captureRequestId);
        body.put("captureId", capture.captureId);
        body.put("paymentId", capture.payment.paymentId);
        body.set("captureAmount", json.amount(capture.amount));
        if ("SUCCESS".equals(capture.resultCode)) {
            body.put("captureTime", json.time(capture.captureTime));
        }
        return body;
    }

    // ================================================================ what refund and capture share

    /** The fields a refund and a capture both carry: their own request id, the payment, and the amount they move. */
    private record MoneyRequest(String operation, String requestId, String paymentId, Amount amount) {

        /** Reads {@code <operation>RequestId}, {@code paymentId} and {@code <operation>Amount} (above zero). */
        static MoneyRequest read(String operation, JsonNode request) {
            String requestId = AmsJson.requiredString(request, operation + "RequestId", operation + "RequestId", 64);
            String paymentId = AmsJson.requiredString(request, "paymentId", "paymentId", 64);
            Amount amount = AmsJson.requiredAmount(request, operation + "Amount");
            if (amount.minor() <= 0) {
                throw new ParamIllegalException("the field " + operation + "Amount.value must be greater than zero");
            }
            return new MoneyRequest(operation, requestId, paymentId, amount);
        }
    }

    /** What a refund or capture record tells about the request that made it. */
    private interface MoneyRecord {
        Amount amount();

        PaymentRecord payment();
    }

    /**
     * A refund or capture, under the lock: {@code move} runs only when the request gets no answer before money moves. In
     * Antom's order: a repeated request id gets the first answer again (REPEAT_REQ_INCONSISTENT when it asks for another
     * amount or payment); a new one is refused when the payment does not exist, by a first-request trigger, when the
     * payment did not succeed, or for another currency (a parameter error).
     */
    private synchronized <R extends MoneyRecord> ApiResult moveMoney(String clientId, MoneyRequest request,
            Map<String, R> byRequestId, Function<R, ObjectNode> response, String done, Function<PaymentRecord, ApiResult> move) {
        R earlier = byRequestId.get(key(clientId, request.requestId()));
        if (earlier != null) {
            if (!earlier.amount().equals(request.amount()) || !earlier.payment().paymentId.equals(request.paymentId())) {
                return ApiResult.ok(json.resultBody("F", "REPEAT_REQ_INCONSISTENT", "a " + request.operation() + " with this "
                        + request.operation() + "RequestId exists with a different amount or paymentId"));
            }
            return ApiResult.ok(response.apply(earlier));
        }
        PaymentRecord payment = paymentsById.get(key(clientId, request.paymentId()));
        if (payment == null) {
            return ApiResult.ok(json.resultBody("F", "ORDER_NOT_EXIST", "the payment does not exist"));
        }
        AmountTrigger trigger = AmountTrigger.of(request.amount().value());
        if (trigger.rejectsFirstRequest() && triggeredOnce.add(key(request.operation(), clientId, request.requestId()))) {
            return firstRequestRejection(trigger);
        }
        if (payment.status != PaymentStatus.SUCCESS) {
            return ApiResult.ok(json.resultBody("F", "ORDER_STATUS_INVALID",
                    "only a successful payment can be " + done + " (this one is " + payment.status + ")"));
        }
        if (!payment.amount.currency().equals(request.amount().currency())) {
            throw new ParamIllegalException("the field " + request.operation() + "Amount.currency must be the payment's currency "
                                            + payment.amount.currency());
        }
        return move.apply(payment);
    }

    // ================================================================ admin operations

    /** The customer scans the Order Code. */
    synchronized void scanOrderCode(String paymentRequestId) {
        PaymentRecord payment = requirePayment(paymentRequestId);
        expireIfDue(payment, clock.instant());
        if (payment.orderCode == null) {
            throw new IllegalStateException("payment " + paymentRequestId + " has no Order Code");
        }
        if (payment.status != PaymentStatus.PROCESSING || payment.scanned) {
            throw new IllegalStateException("payment " + paymentRequestId + " cannot be scanned: it is " + payment.status
                                            + (payment.scanned ? " and already scanned" : ""));
        }
        scanLocked(payment);
    }

    private void scanLocked(PaymentRecord payment) {
        if (payment.status != PaymentStatus.PROCESSING || payment.scanned || payment.generation != generation) {
            return;
        }
        if (expireIfDue(payment, clock.instant())) {
            return;
        }
        payment.scanned = true;
        applyOutcome(payment);
    }

    /** Finishes a PROCESSING payment (cashier, Order Code, U triggers) with success or failure. */
    synchronized void completePayment(String paymentRequestId, boolean success) {
        PaymentRecord payment = requirePayment(paymentRequestId);
        expireIfDue(payment, clock.instant());
        if (payment.status != PaymentStatus.PROCESSING) {
            throw new IllegalStateException("payment " + paymentRequestId + " cannot be completed: it is " + payment.status);
        }
        completeLocked(payment, success);
    }

    private void completeLocked(PaymentRecord payment, boolean success) {
        payment.scanned = true;
        String failure = payment.trigger.failureCode() != null ? payment.trigger.failureCode() : "USER_BALANCE_NOT_ENOUGH";
        finish(payment, success, failure);
    }

    synchronized Optional<SimulatedPayment> payment(String paymentRequestId) {
        return findByRequestId(paymentRequestId).map(this::snapshot);
    }

    synchronized List<SimulatedPayment> payments() {
        List<PaymentRecord> all = new ArrayList<>(paymentsByRequestId.values());
        all.sort(Comparator.comparing((PaymentRecord p) -> p.createdAt).thenComparing(p -> p.paymentId));
        return all.stream().map(this::snapshot).toList();
    }

    /** Whether this merchant has a payment with this paymentRequestId (a repeated pay). */
    synchronized boolean hasPayment(String clientId, String paymentRequestId) {
        return paymentsByRequestId.containsKey(key(clientId, paymentRequestId));
    }

    /** The amount of this merchant's payment {@code paymentId}, or {@code null} when there is none. */
    synchronized Amount paymentAmount(String clientId, String paymentId) {
        PaymentRecord payment = paymentsById.get(key(clientId, paymentId));
        return payment == null ? null : payment.amount;
    }

    synchronized int chargeCount(String paymentRequestId) {
        return paymentsByRequestId.values().stream().filter(p -> p.paymentRequestId.equals(paymentRequestId))
                .mapToInt(p -> p.chargeCount).sum();
    }

    synchronized void reset() {
        generation++;
        paymentsByRequestId.clear();
        paymentsById.clear();
        refundsByRequestId.clear();
        refundsById.clear();
        capturesByRequestId.clear();
        triggeredOnce.clear();
        awaitingExpiry.clear();
    }

    private PaymentRecord requirePayment(String paymentRequestId) {
        return findByRequestId(paymentRequestId)
                .orElseThrow(() -> new NoSuchElementException("no payment with paymentRequestId " + paymentRequestId));
    }

    /** Admin lookups by paymentRequestId search every merchant (ids are normally unique across a test). */
    private Optional<PaymentRecord> findByRequestId(String paymentRequestId) {
        return paymentsByRequestId.values().stream().filter(p -> p.paymentRequestId.equals(paymentRequestId))
                .min(Comparator.comparing(p -> p.createdAt));
    }

    private SimulatedPayment snapshot(PaymentRecord p) {
        expireIfDue(p, clock.instant());
        List<SimulatedRefund> refunds = p.refunds.stream()
                .map(r -> new SimulatedRefund(r.refundRequestId, r.refundId, p.paymentId, r.amount.value(),
                        r.amount.currency(), r.status, r.resultCode, r.createdAt, r.refundTime, r.notifyUrl))
                .toList();
        List<SimulatedCapture> captures = p.captures.stream()
                .map(c -> new SimulatedCapture(c.captureRequestId, c.captureId, p.paymentId, c.amount.value(),
                        c.amount.currency(), c.captureTime))
                .toList();
        long captured = p.captures.stream().mapToLong(c -> c.amount.minor()).sum();
        return new SimulatedPayment(p.clientId, p.paymentRequestId, p.paymentId, p.amount.value(), p.amount.currency(),
                p.status, paymentResultCode(p), p.chargeCount, p.createdAt, p.paymentTime, p.expiryTime, p.notifyUrl,
                p.orderCode, p.redirectUrl, refunds, Long.toString(captured), captures, p.cancelTime, p.reversed,
                p.productCode, p.paymentMethodType, p.referenceOrderId, p.referenceStoreId);
    }

    /** The payment a cashier page or Order Code page refers to, by paymentId or order code. */
    synchronized Optional<SimulatedPayment> paymentByIdOrCode(String idOrCode) {
        return paymentsByRequestId.values().stream()
                .filter(p -> p.paymentId.equals(idOrCode) || idOrCode.equals(p.orderCode))
                .findFirst().map(this::snapshot);
    }

    // ================================================================ notifications

    private void notifyPaymentResult(PaymentRecord payment) {
        if (payment.notifyUrl == null) {
            return;
        }
        ObjectNode body = json.object();
        body.put("notifyType", "PAYMENT_RESULT");
        if (payment.status == PaymentStatus.SUCCESS) {
            body.set("result", json.success());
        } else {
            body.set("result", json.result("F", payment.resultCode, payment.resultMessage));
        }
        putPaymentDetails(body, payment);
        body.put("paymentMethodType", payment.paymentMethodType);
        notifications.send(new NotificationSender.Notification(payment.clientId, payment.paymentRequestId, null,
                "PAYMENT_RESULT", payment.notifyUrl, json.bytes(body)));
    }

    private void notifyRefundResult(RefundRecord refund) {
        if (refund.notifyUrl == null) {
            return;
        }
        ObjectNode body = json.object();
        body.put("notifyType", "REFUND_RESULT");
        boolean success = "SUCCESS".equals(refund.status);
        body.set("result", success ? json.success()
                : json.result("F", refund.resultCode, failureMessage(refund.resultCode)));
        body.put("refundStatus", success ? "SUCCESS" : "FAIL");
        putRefundDetails(body, refund);
        notifications.send(new NotificationSender.Notification(refund.payment.clientId, refund.payment.paymentRequestId,
                refund.refundRequestId, "REFUND_RESULT", refund.notifyUrl, json.bytes(body)));
    }

    // ================================================================ helpers

    /** A payment's ids, amount and times, as pay, inquiryPayment and the payment notification carry them. */
    private void putPaymentDetails(ObjectNode body, PaymentRecord payment) {
        body.put("paymentRequestId", payment.paymentRequestId);
        body.put("paymentId", payment.paymentId);
        body.set("paymentAmount", json.amount(payment.amount));
        body.put("paymentCreateTime", json.time(payment.createdAt));
        if (payment.paymentTime != null) {
            body.put("paymentTime", json.time(payment.paymentTime));
        }
    }

    /** A refund's ids, payment, amount and time, as refund and the refund notification carry them. */
    private void putRefundDetails(ObjectNode body, RefundRecord refund) {
        body.put("refundRequestId", refund.refundRequestId);
        body.put("refundId", refund.refundId);
        body.put("paymentId", refund.payment.paymentId);
        body.set("refundAmount", json.amount(refund.amount));
        if (refund.refundTime != null) {
            body.put("refundTime", json.time(refund.refundTime));
        }
    }

    /** Runs {@code task} under the lock after {@code delay}, unless the simulator was reset meanwhile. */
    private void later(Duration delay, PaymentRecord payment, Runnable task) {
        long gen = payment.generation;
        try {
            scheduler.schedule(() -> {
                synchronized (this) {
                    if (gen == generation) {
                        task.run();
                    }
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the simulator is closing: nothing will complete any more
        }
    }

    private String newId(String kind, Instant now) {
        // shaped like Antom's ids: a date, a kind digit and a sequence; unique per simulator instance
        return AmsJson.TIME.format(now.atZone(java.time.ZoneOffset.UTC)).substring(0, 10).replace("-", "")
               + "1940108001001888" + kind + zeroPadded(sequence.incrementAndGet(), 12);
    }

    /** {@code String.format("%0<width>d", n)} for n &gt;= 0, without a Formatter per payment. */
    static String zeroPadded(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }

    static String failureMessage(String code) {
        return switch (code) {
            case "USER_BALANCE_NOT_ENOUGH" -> "the user's balance is not enough for this payment";
            case "RISK_REJECT" -> "the payment was rejected for risk control reasons";
            case "PAYMENT_AMOUNT_EXCEED_LIMIT" -> "the payment amount exceeds the limit";
            case "USER_STATUS_ABNORMAL" -> "the user's account status is abnormal";
            case "ORDER_IS_CLOSED" -> "the payment is closed";
            case "REFUND_AMOUNT_EXCEED" -> "the total refund amount exceeds the payment amount";
            case "MERCHANT_BALANCE_NOT_ENOUGH" -> "the merchant's balance is not enough for this refund";
            case "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT" -> "the total capture amount exceeds the authorised amount";
            default -> code;
        };
    }

    // ================================================================ records (mutable, guarded by the lock)

    private static final class PaymentRecord {
        final String clientId;
        final String paymentRequestId;
        final String paymentId;
        final Amount amount;
        final String productCode;
        final String paymentMethodType;
        final String paymentMethodId;
        final Flow flow;
        final AmountTrigger trigger;
        final Instant createdAt;
        final String notifyUrl;
        final long generation;
        final List<RefundRecord> refunds = new ArrayList<>();
        final List<CaptureRecord> captures = new ArrayList<>();
        PaymentStatus status = PaymentStatus.PROCESSING;
        String resultCode = "PAYMENT_IN_PROCESS";
        String resultMessage = "payment in process";
        int chargeCount;
        Instant paymentTime;
        Instant expiryTime;
        Instant cancelTime;
        boolean reversed;
        boolean scanned;
        String orderCode;
        String redirectUrl;
        String referenceOrderId;
        String referenceStoreId;

        PaymentRecord(String clientId, String paymentRequestId, String paymentId, Amount amount, String productCode,
                String paymentMethodType, String paymentMethodId, Flow flow, AmountTrigger trigger, Instant createdAt,
                String notifyUrl, long generation) {
            this.clientId = clientId;
            this.paymentRequestId = paymentRequestId;
            this.paymentId = paymentId;
            this.amount = amount;
            this.productCode = productCode;
            this.paymentMethodType = paymentMethodType;
            this.paymentMethodId = paymentMethodId;
            this.flow = flow;
            this.trigger = trigger;
            this.createdAt = createdAt;
            this.notifyUrl = notifyUrl;
            this.generation = generation;
        }
    }

    private static final class RefundRecord implements MoneyRecord {
        final String refundRequestId;
        final String refundId;
        final PaymentRecord payment;
        final Amount amount;
        final Instant createdAt;
        final String notifyUrl;
        final long generation;
        String status;
        String resultCode;
        Instant refundTime;

        @Override
        public Amount amount() {
            return amount;
        }

        @Override
        public PaymentRecord payment() {
            return payment;
        }

        RefundRecord(String refundRequestId, String refundId, PaymentRecord payment, Amount amount, Instant createdAt,
                String notifyUrl, long generation) {
            this.refundRequestId = refundRequestId;
            this.refundId = refundId;
            this.payment = payment;
            this.amount = amount;
            this.createdAt = createdAt;
            this.notifyUrl = notifyUrl;
            this.generation = generation;
        }
    }

    /** A capture is final when made: accepted ({@code SUCCESS}) or refused with its result code. */
    private record CaptureRecord(String captureRequestId, String captureId, PaymentRecord payment, Amount amount,
            Instant captureTime, String resultCode) implements MoneyRecord {
    }
}
