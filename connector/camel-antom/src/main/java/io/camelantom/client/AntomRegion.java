package io.camelantom.client;

/**
 * Antom's regional gateways, the "recommended (accelerated)" hosts of Antom's documentation. Antom warns that gateway
 * addresses may change: set {@code gatewayUrl} to use another host (for example the alternative {@code open-na},
 * {@code open-sea} or {@code open-eu.alipay.com} gateways the in-store guides list).
 */
public enum AntomRegion {

    NORTH_AMERICA("https://open-na-global.alipay.com"),
    ASIA("https://open-sea-global.alipay.com"),
    EUROPE("https://open-de-global.alipay.com");

    private final String gatewayUrl;

    AntomRegion(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public String getGatewayUrl() {
        return gatewayUrl;
    }
}
