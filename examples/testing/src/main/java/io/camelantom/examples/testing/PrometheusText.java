package io.camelantom.examples.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text scrape, read as series: {@code name{label="value",...} number}. The examples' tests read the
 * application's metrics page with it (camel-main's /observe/metrics, Spring Boot's /actuator/prometheus).
 */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    public PrometheusText(String text) {
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                samples.add(new Sample(m.group(1), m.group(3) == null ? "" : m.group(3), Double.parseDouble(m.group(4))));
            }
        }
    }

    /** The sum of the series named {@code name} that have these labels (name, value, ...); fails when there is none. */
    public double value(String name, String... labels) {
        List<Sample> matching = matching(name, labels);
        if (matching.isEmpty()) {
            throw new AssertionError("no series " + name + " with " + String.join(",", labels) + " in the scrape");
        }
        return matching.stream().mapToDouble(Sample::value).sum();
    }

    /** As {@link #value} but 0 when no series matches (a counter that has not counted yet). */
    public double valueOrZero(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private List<Sample> matching(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!("," + s.labels() + ",").contains("," + labels[i] + "=\"" + labels[i + 1] + "\",")) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
