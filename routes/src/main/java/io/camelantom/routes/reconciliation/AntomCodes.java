package io.camelantom.routes.reconciliation;

import io.camelantom.routes.result.PaymentResultMessage;

/** Antom result codes the reconciliation rules act on (docs/antom-protocol.md, section 6). */
final class AntomCodes {

    /** inquiryPayment / cancel: Antom does not know the payment (yet). */
    static final String ORDER_NOT_EXIST = "ORDER_NOT_EXIST";
    /** inquiryRefund: Antom does not know the refund. */
    static final String REFUND_NOT_EXIST = "REFUND_NOT_EXIST";
    /** cancel: outside the cancel window, refund instead. */
    static final String CANCEL_WINDOW_EXCEED = PaymentResultMessage.CANCEL_WINDOW_EXCEED;
    /** Ours: FAILED because Antom never received the payment before its closing time (a cancel confirmed it). */
    static final String EXPIRED_NOT_RECEIVED = PaymentResultMessage.EXPIRED_NOT_RECEIVED;

    private AntomCodes() {
    }
}
