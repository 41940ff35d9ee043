package io.camelantom.karaf;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A merchant's configuration as ConfigAdmin hands it to the component, for the tests of {@link MerchantConfiguration}:
 * the least a file {@code etc/io.camelantom.merchant-shop1.cfg} holds (its name and the broker), plus the settings a
 * test adds.
 */
final class MerchantSettings {

    /** Karaf's data folder. */
    static final Path DATA = Path.of("/karaf/data");

    private MerchantSettings() {
    }

    /** The minimal settings plus {@code keyValues} (key, value, key, value...); a key given again replaces. */
    static Map<String, Object> settings(String... keyValues) {
        Map<String, Object> p = new HashMap<>();
        p.put("felix.fileinstall.filename", "file:/karaf/etc/io.camelantom.merchant-shop1.cfg");
        p.put("service.factoryPid", MerchantConfiguration.FACTORY_PID);
        p.put(MerchantConfiguration.BROKER_URL, "tcp://localhost:61616");
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** {@link #settings(String...)} read as the component reads them. */
    static MerchantConfiguration read(String... keyValues) {
        return MerchantConfiguration.from(settings(keyValues), DATA);
    }
}
