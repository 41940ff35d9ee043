package io.camelantom.encryption;

/**
 * How the AES part of RSA_AES encrypts the body. Antom's docs do not say (UNCONFIRMED); every Ant gateway found uses
 * {@link #ECB}.
 */
public enum AesMode {
    /** {@code AES/ECB/PKCS5Padding}, no IV: ZOLOZ's SDK and clients, an Ant-internal Alipay+ client. The default. */
    ECB("AES/ECB/PKCS5Padding"),
    /** {@code AES/CBC/PKCS5Padding} with an all-zero IV, as Alipay's open platform encrypts content. */
    CBC_ZERO_IV("AES/CBC/PKCS5Padding");

    private final String transformation;

    AesMode(String transformation) {
        this.transformation = transformation;
    }

    public String getTransformation() {
        return transformation;
    }
}
