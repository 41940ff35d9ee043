package io.camelantom.model;

/** Response of {@code refund}. Unknown fields are kept. */
public class RefundResponse extends AntomResponse implements RefundDetails, SettlementDetails, AcquirerReference {
}
