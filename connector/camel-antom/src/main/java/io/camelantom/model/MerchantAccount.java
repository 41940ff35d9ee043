package io.camelantom.model;

/**
 * Field group: the merchant account a request is made for ({@code merchantAccountId}), for merchants with several accounts under one client id.
 * Implemented by the model's messages only (the values live in {@link AntomObject}).
 */
public interface MerchantAccount {

    default String getMerchantAccountId() {
        return AntomObject.groupField(this, "merchantAccountId");
    }

    default void setMerchantAccountId(String merchantAccountId) {
        AntomObject.setGroupField(this, "merchantAccountId", merchantAccountId);
    }
}
