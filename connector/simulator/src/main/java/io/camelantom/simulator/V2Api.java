package io.camelantom.simulator;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The v2 in-store (POS) API on top of {@link PaymentsApi}: a v2 body is turned into the v1 request the payments API
 * already handles (same trigger table, same idempotency, same state), and the answer back into v2's shape: Integer
 * amount values, {@code paymentMethod} as a string, {@code PAYMENT_IN_PROGRESS} for a payment in process and
 * {@code PAYMENT_FAIL} for a repeated request of a failed payment (protocol notes §5.7, §7.1).
 * <p>
 * pay, inquiryPayment and refund are Antom's documented v2 operations; cancel and inquiryRefund are served with their
 * v1 bodies (Antom documents no v2 form of them: UNCONFIRMED) so that clients can test {@code call} against them.
 */
final class V2Api {

    static final Set<String> OPERATIONS = Set.of(PaymentsApi.PAY, PaymentsApi.INQUIRY_PAYMENT, PaymentsApi.REFUND,
            PaymentsApi.CANCEL, PaymentsApi.INQUIRY_REFUND);

    private final PaymentsApi payments;
    private final AmsJson json;

    V2Api(PaymentsApi payments, AmsJson json) {
        this.payments = payments;
        this.json = json;
    }

    ApiResult handle(String operation, String clientId, JsonNode request) {
        if (!PaymentsApi.CANCEL.equals(operation) && !PaymentsApi.INQUIRY_REFUND.equals(operation)) {
            // documented v2 operations: extendInfo is required [doc]
            AmsJson.requiredString(request, "extendInfo", "extendInfo", 4096);
        }
        return switch (operation) {
            case PaymentsApi.PAY -> pay(clientId, request);
            case PaymentsApi.INQUIRY_PAYMENT -> inquiryPayment(clientId, request);
            case PaymentsApi.REFUND -> refund(clientId, request);
            default -> toV2(payments.handle(operation, clientId, request), false);
        };
    }

    private ApiResult pay(String clientId, JsonNode request) {
        String paymentRequestId = AmsJson.requiredString(request, "paymentRequestId", "paymentRequestId", 64);
        String paymentMethod = AmsJson.requiredString(request, "paymentMethod", "paymentMethod", 64);
        String orderId = AmsJson.optionalString(request, "originalMerchantOrderId", "originalMerchantOrderId");
        String storeId = AmsJson.optionalString(request, "originalMerchantStoreId", "originalMerchantStoreId");
        if (orderId != null && orderId.length() > 255 || storeId != null && storeId.length() > 255) {
            throw new ParamIllegalException("originalMerchantOrderId and originalMerchantStoreId are at most 255 characters");
        }
        ObjectNode v1 = json.object();
        v1.put("productCode", "IN_STORE_PAYMENT");
        v1.put("paymentRequestId", paymentRequestId);
        ObjectNode order = v1.putObject("order");
        order.put("referenceOrderId", orderId != null ? orderId : paymentRequestId);
        if (storeId != null) {
            order.putObject("merchant").putObject("store").put("referenceStoreId", storeId);
        }
        v1.set("paymentAmount", v1Amount(request, "paymentAmount", true));
        v1.putObject("paymentMethod").put("paymentMethodType", paymentMethod);
        copy(request, v1, "paymentNotifyUrl");
        copy(request, v1, "paymentExpiryTime");
        boolean repeat = payments.hasPayment(clientId, paymentRequestId);
        return toV2(payments.handle(PaymentsApi.PAY, clientId, v1), repeat);
    }

    private ApiResult inquiryPayment(String clientId, JsonNode request) {
        ApiResult answer = toV2(payments.handle(PaymentsApi.INQUIRY_PAYMENT, clientId, request), false);
        ObjectNode body = answer.body();
        if (body.has("paymentMethodType")) {
            body.set("paymentMethod", body.remove("paymentMethodType"));
        }
        body.remove("transactions");
        return answer;
    }

    private ApiResult refund(String clientId, JsonNode request) {
        String paymentId = AmsJson.requiredString(request, "paymentId", "paymentId", 64);
        ObjectNode v1 = json.object();
        v1.put("refundRequestId", AmsJson.requiredString(request, "refundRequestId", "refundRequestId", 64));
        v1.put("paymentId", paymentId);
        if (request.hasNonNull("refundAmount")) {
            v1.set("refundAmount", v1Amount(request, "refundAmount", true));
        } else {
            // omitted: a full refund of the payment
            AmsJson.Amount full = payments.paymentAmount(clientId, paymentId);
            if (full == null) {
                return ApiResult.ok(json.resultBody("F", "ORDER_NOT_EXIST", "the payment does not exist"));
            }
            v1.set("refundAmount", json.amount(full));
        }
        String memo = AmsJson.optionalString(request, "memo", "memo");
        if (memo != null && memo.length() > 256) {
            throw new ParamIllegalException("the field memo is longer than 256 characters");
        }
        copy(request, v1, "refundNotifyUrl");
        return toV2(payments.handle(PaymentsApi.REFUND, clientId, v1), false);
    }

    /** A v2 amount (value an Integer; a numeric string is accepted too, UNCONFIRMED) as the v1 form. */
    private ObjectNode v1Amount(JsonNode request, String name, boolean required) {
        JsonNode node = AmsJson.requiredObject(request, name, name);
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            throw new ParamIllegalException("the required field " + name + ".value is missing");
        }
        String minor;
        if (value.isIntegralNumber()) {
            if (!value.canConvertToInt() || value.asInt() < 0) {
                throw new ParamIllegalException("the field " + name + ".value must be an Integer from 0 to 2147483647");
            }
            minor = Integer.toString(value.asInt());
        } else if (value.isTextual()) {
            minor = value.asText();
        } else {
            throw new ParamIllegalException("the field " + name + ".value must be an Integer (minor units)");
        }
        ObjectNode v1 = json.object();
        v1.set("currency", node.get("currency"));
        v1.put("value", minor);
        AmsJson.readAmount(v1, name);
        return v1;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    /** The v1 answer in v2's shape. */
    private ApiResult toV2(ApiResult v1, boolean repeatedPay) {
        ObjectNode body = v1.body();
        renameCodes(body.path("result"), repeatedPay);
        if (body.has("paymentResultCode") && "PAYMENT_IN_PROCESS".equals(body.path("paymentResultCode").asText())) {
            body.put("paymentResultCode", "PAYMENT_IN_PROGRESS");
            body.put("paymentResultMessage", "payment in progress");
        }
        body.remove("orderCodeForm");
        body.remove("normalUrl");
        body.remove("redirectActionForm");
        integerAmounts(body);
        return v1;
    }

    private static void renameCodes(JsonNode result, boolean repeatedPay) {
        if (!(result instanceof ObjectNode r)) {
            return;
        }
        String code = r.path("resultCode").asText();
        if ("PAYMENT_IN_PROCESS".equals(code)) {
            r.put("resultCode", "PAYMENT_IN_PROGRESS");
            r.put("resultMessage", "payment in progress");
        } else if (repeatedPay && "F".equals(r.path("resultStatus").asText()) && !"REPEAT_REQ_INCONSISTENT".equals(code)) {
            r.put("resultCode", "PAYMENT_FAIL");
            r.put("resultMessage", "the payment failed (" + code + ")");
        }
    }

    /** Every {@code {currency, value}} object gets an Integer value, as v2 types it. */
    private static void integerAmounts(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 2 && object.has("currency") && object.path("value").isTextual()) {
                try {
                    object.put("value", Integer.parseInt(object.get("value").asText()));
                } catch (NumberFormatException e) {
                    // beyond v2's Integer: left as the string it was
                }
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                integerAmounts(it.next().getValue());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(V2Api::integerAmounts);
        }
    }
}
