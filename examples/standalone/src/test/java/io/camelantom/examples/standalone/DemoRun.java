package io.camelantom.examples.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the demo in the test's JVM with its own folder and ports, capturing what it prints. */
final class DemoRun {

    final StandaloneDemo.Report report;
    final String output;

    private DemoRun(StandaloneDemo.Report report, String output) {
        this.report = report;
        this.output = output;
    }

    /** A free TCP port (Vert.x platform-http must be configured with the port it binds, so not 0). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A --config file: the test's folder and ports, then the given properties. */
    static Path config(Path dir, Properties extra) throws IOException {
        Properties p = new Properties();
        p.setProperty("camel.server.port", Integer.toString(freePort()));
        p.setProperty("demo.broker.port", "0");
        p.setProperty("demo.data-dir", dir.resolve("data").toString());
        p.setProperty("demo.timeout", "PT90S");
        p.putAll(extra);
        Path file = dir.resolve("demo-test.properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(writer, "written by the test");
        }
        return file;
    }

    static DemoRun run(Path config, int orders, Map<String, String> environment) throws Exception {
        return run(config, orders, environment, context -> {
        });
    }

    /** As {@link #run(Path, int, Map)}, calling {@code afterSummary} while Camel still runs. */
    static DemoRun run(Path config, int orders, Map<String, String> environment,
            java.util.function.Consumer<org.apache.camel.CamelContext> afterSummary) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new Tee(captured, System.out), true, StandardCharsets.UTF_8);
        StandaloneDemo.Report report = new StandaloneDemo(
                DemoOptions.parse("--orders", Integer.toString(orders), "--config", config.toString()), environment, out)
                .afterSummary(afterSummary).run();
        return new DemoRun(report, captured.toString(StandardCharsets.UTF_8));
    }

    /**
     * The fenced code block that follows {@code <!-- snippet: name -->} in the module's README: the snippets users copy
     * are the ones the tests run.
     */
    static String readmeSnippet(String name) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- snippet: " + Pattern.quote(name) + " -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        if (!m.find()) {
            throw new AssertionError("README.md has no snippet '" + name + "'");
        }
        return m.group(1);
    }

    static Properties readmeProperties(String name) throws IOException {
        Properties p = new Properties();
        p.load(new java.io.StringReader(readmeSnippet(name)));
        return p;
    }

    /** The variable names of {@code export NAME=value} lines. */
    static List<String> readmeVariables(String name) throws IOException {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^export ([A-Z_]+)=").matcher(readmeSnippet(name));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
