package io.camelantom.client;

/** Which Antom API family an endpoint speaks. */
public enum AntomApiVersion {
    /** The AMS v1 APIs ({@code /ams/api/v1/...}, {@code request-time} in epoch milliseconds). The default. */
    v1,
    /**
     * The v2 in-store (POS / omnichannel) APIs ({@code /openapi/v2/payments/...} by default, {@code Request-Time} as
     * ISO-8601 with milliseconds, v2 bodies, optional RSA_AES encryption).
     */
    v2
}
