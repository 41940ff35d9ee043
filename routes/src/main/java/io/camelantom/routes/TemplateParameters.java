package io.camelantom.routes;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import io.camelantom.metrics.AntomMeters;
import io.camelantom.metrics.MeterRegistries;
import io.camelantom.routes.ledger.PaymentLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.util.TimeUtils;

/**
 * The parameters of one route-template instance, read the one way every template of this module reads them: property
 * placeholders resolved (a parameter given as {@code {{key}}} in YAML/XML DSL or camel-main properties is used
 * resolved), stripped, blank taken as absent; typed values and bean references parsed with messages that name the
 * template and the parameter, so a wrong setting fails the instantiation with a sentence the operator can act on.
 * <p>
 * Use it in the template's {@code configure(rtc -> ...)} or {@code templateBean(..., rtc -> ...)} callbacks:
 * {@code TemplateParameters p = new TemplateParameters(TEMPLATE_ID, rtc);}. Nothing is cached: each call reads the
 * context's current value.
 */
public final class TemplateParameters {

    private final String templateId;
    private final RouteTemplateContext rtc;

    public TemplateParameters(String templateId, RouteTemplateContext rtc) {
        this.templateId = templateId;
        this.rtc = rtc;
    }

    public CamelContext context() {
        return rtc.getCamelContext();
    }

    /** The parameter's value, placeholders resolved and stripped; null when not set or blank. */
    public String optional(String name) {
        Object value = rtc.getProperty(name);
        if (value == null) {
            return null;
        }
        String text = rtc.getCamelContext().resolvePropertyPlaceholders(value.toString()).strip();
        return text.isEmpty() ? null : text;
    }

    /** The parameter's value as {@link #optional}, which must be set. */
    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new IllegalArgumentException("Template " + templateId + ": parameter " + name + " is required");
        }
        return value;
    }

    public int integer(String name) {
        return parsed(name, Integer::parseInt, "a whole number");
    }

    public long longInteger(String name) {
        return parsed(name, Long::parseLong, "a whole number");
    }

    public double decimal(String name) {
        return parsed(name, Double::parseDouble, "a number");
    }

    /** An ISO-8601 duration ({@code PT30S}, {@code PT2M}). */
    public Duration duration(String name) {
        return parsed(name, Duration::parse, "an ISO-8601 duration such as PT1S");
    }

    /** A duration in Camel's notation ({@code 5m}, {@code 300s}, {@code 300000} milliseconds), as Camel's own options. */
    public Duration camelDuration(String name) {
        return parsed(name, text -> Duration.ofMillis(TimeUtils.toMilliSeconds(text)),
                "a duration such as 5m, 300s or 300000 (milliseconds)");
    }

    private <T> T parsed(String name, Function<String, T> parser, String expected) {
        String text = required(name);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid(name, "must be " + expected + ", was '" + text + "'", e);
        }
    }

    /** A comma-separated list, items stripped, empty items dropped; empty when the parameter is not set. */
    public List<String> list(String name) {
        return split(optional(name));
    }

    /**
     * The bean the parameter names ({@code name}, {@code #name} or {@code #bean:name}), of this type; null when the
     * parameter is not set.
     */
    public <T> T bean(String name, Class<T> type) {
        String beanName = beanName(optional(name));
        if (beanName == null) {
            return null;
        }
        T bean = rtc.getCamelContext().getRegistry().lookupByNameAndType(beanName, type);
        if (bean == null) {
            throw new IllegalArgumentException(templateId + ": no " + type.getName() + " bean named '" + beanName
                    + "' (parameter " + name + ")");
        }
        return bean;
    }

    /** The bean the parameter names, as {@link #bean}, which must be set. */
    public <T> T requiredBean(String name, Class<T> type) {
        required(name);
        return bean(name, type);
    }

    /**
     * The bean the parameter names, of this type; when there is none of that name, the only bean of the type (a
     * single DataSource under another name, as Spring Boot makes it).
     */
    public <T> T beanOrOnlyOfType(String name, Class<T> type) {
        String beanName = beanName(required(name));
        T bean = rtc.getCamelContext().getRegistry().lookupByNameAndType(beanName, type);
        if (bean != null) {
            return bean;
        }
        Set<T> all = rtc.getCamelContext().getRegistry().findByType(type);
        if (all.size() != 1) {
            throw new IllegalArgumentException(templateId + ": no " + type.getName() + " bean named '" + beanName
                    + "' (parameter " + name + "), and " + all.size() + " " + type.getSimpleName()
                    + " beans, so none is picked by type");
        }
        return all.iterator().next();
    }

    /**
     * The payment ledger on the DataSource bean the parameter {@code dataSource} names, with the table prefix the
     * parameter {@code tablePrefix} gives, its schema created when missing: how every template working on the ledger
     * opens it.
     */
    public PaymentLedger ledger(String dataSource, String tablePrefix, Clock clock) {
        return new PaymentLedger(requiredBean(dataSource, DataSource.class), optional(tablePrefix), clock)
                .createSchemaIfMissing();
    }

    /**
     * The Micrometer registry the parameter names, else the only one, else null ({@link MeterRegistries#find}); a
     * plain {@code Object} so that this class never links against Micrometer.
     */
    public Object meterRegistry(String name) {
        return MeterRegistries.find(rtc.getCamelContext().getRegistry(), optional(name), owner(name));
    }

    /** The meters of the registry {@link #meterRegistry} finds, {@link AntomMeters#NONE} when none. */
    public AntomMeters meters(String name, String... commonTags) {
        return AntomMeters.lookup(rtc.getCamelContext().getRegistry(), optional(name), owner(name), commonTags);
    }

    /** A wrong value of the parameter: "{@code <template>: parameter <name> <problem>}". */
    public IllegalArgumentException invalid(String name, String problem) {
        return invalid(name, problem, null);
    }

    private IllegalArgumentException invalid(String name, String problem, Exception cause) {
        return new IllegalArgumentException(owner(name) + " " + problem, cause);
    }

    private String owner(String name) {
        return templateId + ": parameter " + name;
    }

    /** A comma-separated list, items stripped, empty items dropped; empty for null. */
    public static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The bean name of a reference {@code name}, {@code #name} or {@code #bean:name}; null for null. */
    public static String beanName(String reference) {
        if (reference == null) {
            return null;
        }
        if (reference.startsWith("#bean:")) {
            return reference.substring("#bean:".length());
        }
        return reference.startsWith("#") ? reference.substring(1) : reference;
    }
}
