package io.camelantom.model;

/** One representation of the order code (a code value, an image URL...). Unknown fields are kept. */
public class CodeDetail extends AntomObject {

    private String codeValue;
    private String displayType;
    private String codeValueType;

    public String getCodeValue() {
        return codeValue;
    }

    public void setCodeValue(String codeValue) {
        this.codeValue = codeValue;
    }

    public String getDisplayType() {
        return displayType;
    }

    public void setDisplayType(String displayType) {
        this.displayType = displayType;
    }

    public String getCodeValueType() {
        return codeValueType;
    }

    public void setCodeValueType(String codeValueType) {
        this.codeValueType = codeValueType;
    }

}
