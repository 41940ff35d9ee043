package io.camelantom.model;

/** The currency the merchant is settled in. Unknown fields are kept. */
public class SettlementStrategy extends AntomObject {

    private String settlementCurrency;

    public String getSettlementCurrency() {
        return settlementCurrency;
    }

    public void setSettlementCurrency(String settlementCurrency) {
        this.settlementCurrency = settlementCurrency;
    }

}
