package io.camelantom.model;

/** The environment the buyer pays in (terminal, OS, client IP...). Unknown fields are kept. */
public class Env extends AntomObject {

    private String terminalType;
    private String osType;
    private String clientIp;
    private String userAgent;
    private String deviceTokenId;
    private String cookieId;
    private String storeTerminalId;
    private String storeTerminalRequestTime;

    public String getTerminalType() {
        return terminalType;
    }

    public void setTerminalType(String terminalType) {
        this.terminalType = terminalType;
    }

    public String getOsType() {
        return osType;
    }

    public void setOsType(String osType) {
        this.osType = osType;
    }

    public String getClientIp() {
        return clientIp;
    }

    public void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    public String getDeviceTokenId() {
        return deviceTokenId;
    }

    public void setDeviceTokenId(String deviceTokenId) {
        this.deviceTokenId = deviceTokenId;
    }

    public String getCookieId() {
        return cookieId;
    }

    public void setCookieId(String cookieId) {
        this.cookieId = cookieId;
    }

    public String getStoreTerminalId() {
        return storeTerminalId;
    }

    public void setStoreTerminalId(String storeTerminalId) {
        this.storeTerminalId = storeTerminalId;
    }

    public String getStoreTerminalRequestTime() {
        return storeTerminalRequestTime;
    }

    public void setStoreTerminalRequestTime(String storeTerminalRequestTime) {
        this.storeTerminalRequestTime = storeTerminalRequestTime;
    }

}
