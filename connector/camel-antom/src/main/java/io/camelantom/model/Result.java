package io.camelantom.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The {@code result} every Antom answer carries: status S (success), F (failed) or U (unknown / processing). */
public class Result extends AntomObject {

    public static final String STATUS_SUCCESS = "S";
    public static final String STATUS_FAILED = "F";
    public static final String STATUS_UNKNOWN = "U";

    private String resultStatus;
    private String resultCode;
    private String resultMessage;

    public Result() {
    }

    public Result(String resultStatus, String resultCode, String resultMessage) {
        this.resultStatus = resultStatus;
        this.resultCode = resultCode;
        this.resultMessage = resultMessage;
    }

    @JsonIgnore
    public boolean isSuccess() {
        return STATUS_SUCCESS.equals(resultStatus);
    }

    @JsonIgnore
    public boolean isFailed() {
        return STATUS_FAILED.equals(resultStatus);
    }

    /** U, or anything that is neither S nor F: never a final answer. */
    @JsonIgnore
    public boolean isUnknown() {
        return !isSuccess() && !isFailed();
    }

    public String getResultStatus() {
        return resultStatus;
    }

    public void setResultStatus(String resultStatus) {
        this.resultStatus = resultStatus;
    }

    public String getResultCode() {
        return resultCode;
    }

    public void setResultCode(String resultCode) {
        this.resultCode = resultCode;
    }

    public String getResultMessage() {
        return resultMessage;
    }

    public void setResultMessage(String resultMessage) {
        this.resultMessage = resultMessage;
    }

    @Override
    public String toString() {
        return resultStatus + " " + resultCode + (resultMessage == null ? "" : " (" + resultMessage + ")");
    }
}
