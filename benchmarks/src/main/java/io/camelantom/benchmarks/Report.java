package io.camelantom.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's figures as Markdown ({@code report.md}) and as a bar chart ({@code report.html}, inline SVG). */
final class Report {

    private final Path dir;
    private final String settings;
    private final Instant startedAt = Instant.now();
    private final List<String[]> loads = new ArrayList<>();
    Instant finishedAt;
    String signatureProvider;
    OpensslSpeed.Result openssl;
    List<JmhRun.Score> jmh = List.of();
    List<PayComparison.Level> pay = List.of();
    OrderLoad.Outcome orders;
    NotificationLoad.Outcome notifications;

    Report(Path dir, String settings) {
        this.dir = dir;
        this.settings = settings;
    }

    void load(String when, String load) {
        loads.add(new String[] { when, load });
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    Path markdownFile() {
        return dir.resolve("report.md");
    }

    double jmhScore(String benchmark, String params) {
        return jmh.stream().filter(s -> s.benchmark().equals(benchmark) && s.params().equals(params))
                .mapToDouble(JmhRun.Score::score).findFirst().orElse(Double.NaN);
    }

    void write() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# camel-antom benchmark report\n\n");
        md.append("- Started ").append(startedAt).append(", finished ").append(finishedAt).append('\n');
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
                .append(System.getProperty("java.version")).append('\n');
        md.append("- Settings: ").append(settings).append('\n');
        md.append("- Signature provider of antom:pay: ").append(signatureProvider).append('\n');
        md.append("- Load average (1, 5, 15 min, runnable/total, last pid) during the run:\n");
        for (String[] load : loads) {
            md.append("  - ").append(load[0]).append(": `").append(load[1]).append("`\n");
        }
        md.append('\n');

        md.append("## Signing (one core)\n\n");
        if (openssl != null) {
            md.append("`openssl speed rsa2048` (").append(openssl.version()).append("): ")
                    .append(f0(openssl.signsPerSecond())).append(" signs/s, ").append(f0(openssl.verifiesPerSecond()))
                    .append(" verifies/s\n\n");
        }
        if (!jmh.isEmpty()) {
            md.append("| JMH benchmark | params | ops/s | ± | vs openssl sign |\n|---|---|---:|---:|---:|\n");
            for (JmhRun.Score s : jmh) {
                String vs = openssl != null && s.benchmark().endsWith(".sign")
                        ? f0(100 * s.score() / openssl.signsPerSecond()) + " %" : "";
                md.append(row(s.benchmark(), s.params(), f0(s.score()), f0(s.error()), vs));
            }
            md.append('\n');
        }

        if (!pay.isEmpty()) {
            md.append("## antom:pay next to Antom's Java SDK 2.0.45 (HTTPS, simulator without added latency)\n\n");
            md.append("| callers | calls | antom:pay calls/s | SDK calls/s | ratio | antom:pay CPU ms/call | SDK CPU ms/call | simulator CPU ms/call (ours/SDK) | JIT s (ours/SDK) | errors (ours/SDK) |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n");
            for (PayComparison.Level l : pay) {
                md.append(row(l.callers(), l.calls(), f0(l.oursPerSecond()), f0(l.sdkPerSecond()), f2(l.ratio()) + "x",
                        f2(l.oursCpuPerCall() * 1000), f2(l.sdkCpuPerCall() * 1000),
                        f2(l.simulatorCpuPerOursCall() * 1000) + "/" + f2(l.simulatorCpuPerSdkCall() * 1000),
                        f2(l.oursJitSeconds()) + "/" + f2(l.sdkJitSeconds()), l.oursErrors() + "/" + l.sdkErrors()));
            }
            md.append("\nCPU per call: the harness JVM's (client side), and the simulator process's while each client ran"
                      + " (both share the same cores). JIT s: CPU of the harness JVM's JIT compiler threads during"
                      + " the level, part of its CPU.\n\n");
        }

        if (orders != null) {
            ResourceMeter.Usage u = orders.usage();
            md.append("## Order bridge\n\n");
            md.append("| orders | results | PAID | FAILED | other | orders/s | p50 ms | p99 ms | p99.9 ms | app CPU ms/order | simulator CPU ms/order | ledger server CPU ms/order | GC s | JIT s | peak heap MiB |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(row(orders.orders(), orders.results(), orders.paid(), orders.failed(), orders.other(),
                    f0(orders.ordersPerSecond()), latencies(orders.latenciesMillis()),
                    f2(1000 * u.appCpuSeconds() / Math.max(1, orders.results())),
                    f2(1000 * u.simulatorCpuSeconds() / Math.max(1, orders.results())),
                    ledgerServerCpu(u, orders.results()), f2(u.gcSeconds()),
                    f2(u.jitSeconds()), u.peakHeapBytes() / (1024 * 1024))).append('\n');
            md.append("The application JVM also runs the ERP client of this harness and the embedded broker (not a broker"
                      + " given by `--broker-url`). JIT s: CPU of its JIT compiler threads in the phase, included in its CPU"
                      + " (a phase right after start compiles much of the path; `--warmup-orders` runs orders first,"
                      + " unmeasured). Ledger server CPU: a PostgreSQL ledger's own processes, not in the application's"
                      + " CPU (\"in app\" for H2, which runs inside the application JVM).\n\n");
        }
        if (notifications != null) {
            ResourceMeter.Usage u = notifications.usage();
            md.append("## Notification bridge\n\n");
            md.append("| notifications | senders | acknowledged | refused | notifications/s | p50 ms | p99 ms | p99.9 ms | app CPU ms/notification | ledger server CPU ms/notification | GC s | peak heap MiB |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(row(notifications.notifications(), notifications.senders(), notifications.acknowledged(),
                    notifications.refused(), f0(notifications.perSecond()), latencies(notifications.latenciesMillis()),
                    f2(1000 * u.appCpuSeconds() / Math.max(1, notifications.acknowledged())),
                    ledgerServerCpu(u, notifications.acknowledged()), f2(u.gcSeconds()),
                    u.peakHeapBytes() / (1024 * 1024))).append('\n');
        }
        Files.writeString(markdownFile(), md);
        Files.writeString(dir.resolve("report.html"), html(md.toString()));
    }

    /** CPU ms per item of a ledger database server in its own processes; "in app" when it runs in the application JVM. */
    private static String ledgerServerCpu(ResourceMeter.Usage usage, long items) {
        return Double.isNaN(usage.ledgerServerCpuSeconds()) ? "in app"
                : f2(1000 * usage.ledgerServerCpuSeconds() / Math.max(1, items));
    }

    private String html(String markdown) {
        List<String[]> bars = new ArrayList<>();
        if (openssl != null) {
            bars.add(new String[] { "openssl sign/s (1 core)", f0(openssl.signsPerSecond()), "#888" });
        }
        for (JmhRun.Score s : jmh) {
            if (s.benchmark().endsWith(".sign")) {
                bars.add(new String[] { "sign/s " + s.params(), f0(s.score()), "#2a7" });
            }
        }
        for (PayComparison.Level l : pay) {
            bars.add(new String[] { "antom:pay calls/s, " + l.callers() + " callers", f0(l.oursPerSecond()), "#27a" });
            bars.add(new String[] { "SDK calls/s, " + l.callers() + " callers", f0(l.sdkPerSecond()), "#a72" });
        }
        if (orders != null) {
            bars.add(new String[] { "orders/s (target 500)", f0(orders.ordersPerSecond()), "#72a" });
        }
        if (notifications != null) {
            bars.add(new String[] { "notifications/s (target 1000)", f0(notifications.perSecond()), "#a27" });
        }
        double max = bars.stream().mapToDouble(b -> Double.parseDouble(b[1])).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        int height = 28 * bars.size() + 10;
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='900' height='").append(height).append("'>");
        for (int i = 0; i < bars.size(); i++) {
            String[] b = bars.get(i);
            double width = 520 * Double.parseDouble(b[1]) / max;
            int y = 5 + 28 * i;
            svg.append("<text x='0' y='").append(y + 17).append("' font-size='13' font-family='sans-serif'>")
                    .append(escape(b[0])).append("</text>");
            svg.append("<rect x='290' y='").append(y).append("' width='").append(f0(Math.max(1, width)))
                    .append("' height='22' fill='").append(b[2]).append("'/>");
            svg.append("<text x='").append(f0(295 + width)).append("' y='").append(y + 17)
                    .append("' font-size='13' font-family='sans-serif'>").append(b[1]).append("</text>");
        }
        svg.append("</svg>");
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>camel-antom benchmark</title></head><body>"
               + "<h1>camel-antom benchmark</h1>" + svg + "<p>Linear scale, each bar in its own unit (per second).</p><pre>"
               + escape(markdown) + "</pre></body></html>";
    }

    /** A Markdown table row of {@code cells}. */
    private static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        return row.append('\n').toString();
    }

    /** The p50, p99 and p99.9 cells of a phase's latencies (milliseconds). */
    private static String latencies(long[] millis) {
        return OrderLoad.percentile(millis, 50) + " | " + OrderLoad.percentile(millis, 99) + " | "
               + OrderLoad.percentile(millis, 99.9);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
