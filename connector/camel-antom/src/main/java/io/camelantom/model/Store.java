package io.camelantom.model;

/** The store an in-store payment happens in. Unknown fields are kept. */
public class Store extends AntomObject {

    private String referenceStoreId;
    private String storeName;
    private String storeMCC;
    private String storeTerminalId;
    private Object storeAddress;

    public String getReferenceStoreId() {
        return referenceStoreId;
    }

    public void setReferenceStoreId(String referenceStoreId) {
        this.referenceStoreId = referenceStoreId;
    }

    public String getStoreName() {
        return storeName;
    }

    public void setStoreName(String storeName) {
        this.storeName = storeName;
    }

    public String getStoreMCC() {
        return storeMCC;
    }

    public void setStoreMCC(String storeMCC) {
        this.storeMCC = storeMCC;
    }

    public String getStoreTerminalId() {
        return storeTerminalId;
    }

    public void setStoreTerminalId(String storeTerminalId) {
        this.storeTerminalId = storeTerminalId;
    }

    public Object getStoreAddress() {
        return storeAddress;
    }

    public void setStoreAddress(Object storeAddress) {
        this.storeAddress = storeAddress;
    }

}
