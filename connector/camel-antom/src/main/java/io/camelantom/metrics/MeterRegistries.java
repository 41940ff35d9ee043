package io.camelantom.metrics;

import java.util.Set;

import org.apache.camel.spi.Registry;

/**
 * Finds the Micrometer {@code MeterRegistry} that the connector's and the route templates' meters go to, the one way
 * for all of them: the one named (a bean name, or the object given), else the only {@code MeterRegistry} bean of the
 * Camel registry, else none. Micrometer is optional: this class never links against it, so it is safe to call
 * without Micrometer on the class path (the registry comes back as a plain {@code Object}; hand it to a class that
 * uses Micrometer only when it is not null).
 */
public final class MeterRegistries {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private MeterRegistries() {
    }

    /** Whether Micrometer is on the class path of this bundle / application. */
    public static boolean micrometerPresent() {
        return meterRegistryClass() != null;
    }

    /**
     * The registry to record into, or null for none.
     *
     * @param beans    the Camel registry
     * @param named    null, a bean name ({@code name}, {@code #name}, {@code #bean:name}) or a MeterRegistry itself
     * @param owner    who asks, for error messages (e.g. {@code antom-order-bridge parameter meterRegistry})
     * @throws IllegalArgumentException when a registry is named but Micrometer is absent or the bean is not a
     *                                  MeterRegistry
     */
    public static Object find(Registry beans, Object named, String owner) {
        Class<?> type = meterRegistryClass();
        if (named == null || named instanceof String s && s.isBlank()) {
            if (type == null) {
                return null;
            }
            Set<?> all = beans.findByType(type);
            // several registries (e.g. one per backend without a composite): the user names one
            return all.size() == 1 ? all.iterator().next() : null;
        }
        if (type == null) {
            throw new IllegalArgumentException(owner + " is set but Micrometer is not on the class path (add "
                    + "camel-micrometer or micrometer-core)");
        }
        Object registry = named instanceof String name ? beans.lookupByName(beanName(name)) : named;
        if (!type.isInstance(registry)) {
            throw new IllegalArgumentException(owner + ": no MeterRegistry bean named '" + named + "'"
                    + (registry == null ? "" : " (found a " + registry.getClass().getName() + ")"));
        }
        return registry;
    }

    private static String beanName(String reference) {
        String name = reference.strip();
        if (name.startsWith("#bean:")) {
            return name.substring("#bean:".length());
        }
        return name.startsWith("#") ? name.substring(1) : name;
    }

    private static Class<?> meterRegistryClass() {
        try {
            return Class.forName(METER_REGISTRY, false, MeterRegistries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
