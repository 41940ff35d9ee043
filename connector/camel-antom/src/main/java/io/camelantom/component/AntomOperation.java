package io.camelantom.component;

import io.camelantom.model.AntomRequest;
import io.camelantom.model.AntomResponse;
import io.camelantom.model.CancelRequest;
import io.camelantom.model.CancelResponse;
import io.camelantom.model.CaptureRequest;
import io.camelantom.model.CaptureResponse;
import io.camelantom.model.GenericResponse;
import io.camelantom.model.InquiryPaymentRequest;
import io.camelantom.model.InquiryPaymentResponse;
import io.camelantom.model.InquiryRefundRequest;
import io.camelantom.model.InquiryRefundResponse;
import io.camelantom.model.PayRequest;
import io.camelantom.model.PayResponse;
import io.camelantom.model.RefundRequest;
import io.camelantom.model.RefundResponse;

/** The operations of the {@code antom:} component and the Antom API (v1, online and in-store) each one calls. */
public enum AntomOperation {

    pay("/ams/api/v1/payments/pay", PayRequest.class, PayResponse.class),
    inquiryPayment("/ams/api/v1/payments/inquiryPayment", InquiryPaymentRequest.class, InquiryPaymentResponse.class),
    cancel("/ams/api/v1/payments/cancel", CancelRequest.class, CancelResponse.class),
    refund("/ams/api/v1/payments/refund", RefundRequest.class, RefundResponse.class),
    inquiryRefund("/ams/api/v1/payments/inquiryRefund", InquiryRefundRequest.class, InquiryRefundResponse.class),
    capture("/ams/api/v1/payments/capture", CaptureRequest.class, CaptureResponse.class),
    /** Any Antom API not modelled yet: the path comes from the {@code path} option or the CamelAntomPath header. */
    call(null, null, GenericResponse.class);

    private final String path;
    private final Class<? extends AntomRequest> requestType;
    private final Class<? extends AntomResponse> responseType;

    AntomOperation(String path, Class<? extends AntomRequest> requestType, Class<? extends AntomResponse> responseType) {
        this.path = path;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    /** The production path (the sandbox rewrite happens in the client), {@code null} for {@link #call}. */
    public String getPath() {
        return path;
    }

    public Class<? extends AntomRequest> getRequestType() {
        return requestType;
    }

    public Class<? extends AntomResponse> getResponseType() {
        return responseType;
    }
}
