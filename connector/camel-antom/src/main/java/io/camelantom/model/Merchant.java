package io.camelantom.model;

/** The selling merchant (in-store payments name the store too). Unknown fields are kept. */
public class Merchant extends AntomObject {

    private String referenceMerchantId;
    private String merchantName;
    private String merchantMCC;
    private Object merchantAddress;
    private Store store;

    public String getReferenceMerchantId() {
        return referenceMerchantId;
    }

    public void setReferenceMerchantId(String referenceMerchantId) {
        this.referenceMerchantId = referenceMerchantId;
    }

    public String getMerchantName() {
        return merchantName;
    }

    public void setMerchantName(String merchantName) {
        this.merchantName = merchantName;
    }

    public String getMerchantMCC() {
        return merchantMCC;
    }

    public void setMerchantMCC(String merchantMCC) {
        this.merchantMCC = merchantMCC;
    }

    public Object getMerchantAddress() {
        return merchantAddress;
    }

    public void setMerchantAddress(Object merchantAddress) {
        this.merchantAddress = merchantAddress;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

}
