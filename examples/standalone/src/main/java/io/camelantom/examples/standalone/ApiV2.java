package io.camelantom.examples.standalone;

/**
 * {@code --api v2}: every {@code antom:} endpoint speaks Antom's v2 in-store API with RSA_AES-encrypted bodies
 * (component options {@code apiVersion=v2}, {@code encryption=true}). Antom documents no v2 cancel, so reconciliation
 * and the ERP's cancel command (order bridge) cancel through {@code antom:call} with the v2 path (the simulator serves it; against Antom, only if the contract
 * has it). The order bridge and reconciliation are unchanged otherwise: the component maps their v1 requests to v2.
 */
final class ApiV2 {

    static final String CANCEL_ENDPOINT = "antom:call?path=/openapi/v2/payments/cancel";

    private ApiV2() {
    }

    /** Sets the v2 options (keys a --config file or the environment already set win); returns what to print. */
    static String configure(DemoConfiguration config, boolean simulator) {
        setIfAbsent(config, "camel.component.antom.api-version", "v2");
        setIfAbsent(config, "camel.component.antom.encryption", "true");
        setIfAbsent(config, "camel.antom.routes.reconciliation.cancel-endpoint", CANCEL_ENDPOINT);
        setIfAbsent(config, "camel.antom.routes.order-bridge.cancel-endpoint", CANCEL_ENDPOINT);
        return "Antom API v2 in-store, bodies RSA_AES-encrypted"
               + (simulator ? " (the simulator refuses unencrypted v2 requests)" : "");
    }

    private static void setIfAbsent(DemoConfiguration config, String key, String value) {
        if (config.get(key, null) == null) {
            config.set(key, value);
        }
    }
}
