package io.camelantom.karaf.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A real Apache Karaf, copied from the unpacked distribution into a test-owned folder, configured with free ports,
 * started as its own process ({@code bin/karaf server}) and driven over JMX like an operator would use the shell
 * ({@code feature:repo-add}, {@code feature:install}, {@code bundle:list}).
 */
final class KarafInstance implements AutoCloseable {

    private static final String USER = "karaf";
    private static final String PASSWORD = "karaf";

    private final Path home;
    private final int httpPort = freePort();
    private final int rmiRegistryPort = freePort();
    private final int rmiServerPort = freePort();
    private final int sshPort = freePort();
    private Process process;
    private JMXConnector jmx;

    KarafInstance(Path distribution, Path folder) throws IOException {
        this.home = folder.resolve("karaf");
        copyTree(distribution, home);
    }

    Path home() {
        return home;
    }

    Path etc() {
        return home.resolve("etc");
    }

    int httpPort() {
        return httpPort;
    }

    /** The Karaf JVM's process id (the launcher script's child when the script does not exec). */
    long pid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /**
     * Ports, the JMX user, and Maven resolution: first the given folders (this build's bundles), then the local
     * Maven repository; the remote repository only for what neither holds.
     */
    KarafInstance configure(Path localRepository, Path... defaultRepositories) throws IOException {
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + httpPort);
        replaceKey("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(rmiRegistryPort));
        replaceKey("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(rmiServerPort));
        replaceKey("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        append("etc/users.properties", USER + " = " + PASSWORD + ",_g_:admingroup\n"
                                       + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        StringBuilder defaults = new StringBuilder();
        for (Path repository : defaultRepositories) {
            defaults.append(repository.toUri()).append("@id=build").append(defaults.length()).append("@snapshots, \\\n    ");
        }
        replaceKey("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                defaults + "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots");
        append("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository = " + localRepository);
        return this;
    }

    KarafInstance start(Path consoleLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KARAF_HOME", home.toString());
        process = builder.start();
        return this;
    }

    /** Waits for Karaf's JMX connector (the management feature is in Karaf's boot features). */
    MBeanServerConnection awaitJmx(Duration timeout) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + rmiServerPort
                                              + "/jndi/rmi://127.0.0.1:" + rmiRegistryPort + "/karaf-root");
        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] { USER, PASSWORD });
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue());
            }
            try {
                jmx = JMXConnectorFactory.connect(url, env);
                MBeanServerConnection connection = jmx.getMBeanServerConnection();
                connection.getAttribute(features(), "Repositories");
                return connection;
            } catch (Exception e) {
                last = e;
                if (jmx != null) {
                    try {
                        jmx.close();
                    } catch (IOException ignored) {
                        // retrying
                    }
                    jmx = null;
                }
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("Karaf's JMX did not come up in " + timeout, last);
    }

    static ObjectName features() throws Exception {
        return new ObjectName("org.apache.karaf:type=feature,name=root");
    }

    static ObjectName bundles() throws Exception {
        return new ObjectName("org.apache.karaf:type=bundle,name=root");
    }

    /** Why a bundle is not active (unresolved requirements, failures), as Karaf's {@code bundle:diag} says. */
    static String diag(MBeanServerConnection connection, String id) throws Exception {
        return String.valueOf(connection.invoke(bundles(), "getDiag", new Object[] { Long.parseLong(id) },
                new String[] { long.class.getName() }));
    }

    /** Every bundle: id, symbolic name (Active, Resolved, Installed, ...). */
    static List<String[]> bundleStates(MBeanServerConnection connection) throws Exception {
        TabularData table = (TabularData) connection.getAttribute(bundles(), "Bundles");
        List<String[]> rows = new ArrayList<>();
        for (Object row : table.values()) {
            CompositeData data = (CompositeData) row;
            rows.add(new String[] { String.valueOf(data.get("ID")), String.valueOf(data.get("Symbolic Name")),
                    String.valueOf(data.get("State")) });
        }
        return rows;
    }

    @Override
    public void close() throws Exception {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // Karaf goes away anyway
            }
        }
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private void append(String file, String lines) throws IOException {
        Files.writeString(home.resolve(file), "\n" + lines + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Replaces a (possibly multi-line, possibly commented-out) key's value, or appends it. */
    private void replaceKey(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (skipping) {
                skipping = trimmed.endsWith("\\");
                continue;
            }
            if (trimmed.matches(java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                skipping = trimmed.endsWith("\\");
                continue;
            }
            out.add(line);
        }
        out.add(key + " = " + value);
        Files.write(path, out, StandardCharsets.UTF_8);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
