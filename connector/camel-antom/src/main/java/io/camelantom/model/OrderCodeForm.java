package io.camelantom.model;

/** The code an Order Code payment returns for the buyer to scan. Unknown fields are kept. */
public class OrderCodeForm extends AntomObject implements ExtendInfo {

    private String expireTime;
    private java.util.List<CodeDetail> codeDetails;

    public String getExpireTime() {
        return expireTime;
    }

    public void setExpireTime(String expireTime) {
        this.expireTime = expireTime;
    }

    public java.util.List<CodeDetail> getCodeDetails() {
        return codeDetails;
    }

    public void setCodeDetails(java.util.List<CodeDetail> codeDetails) {
        this.codeDetails = codeDetails;
    }
}
