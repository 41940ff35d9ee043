package io.camelantom.model;

/**
 * Field group: what the merchant is settled for a payment or refund: {@code grossSettlementAmount} and the {@code settlementQuote} (exchange rate) used.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface SettlementDetails {

    default Amount getGrossSettlementAmount() {
        return AntomObject.groupField(this, "grossSettlementAmount");
    }

    default void setGrossSettlementAmount(Amount grossSettlementAmount) {
        AntomObject.setGroupField(this, "grossSettlementAmount", grossSettlementAmount);
    }

    default Object getSettlementQuote() {
        return AntomObject.groupField(this, "settlementQuote");
    }

    default void setSettlementQuote(Object settlementQuote) {
        AntomObject.setGroupField(this, "settlementQuote", settlementQuote);
    }
}
