package io.camelantom.routes.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Java main run as a separate OS process from this test's own class path, its output copied line by line to a log
 * file under {@code target/crash-logs} (so a failure can be read) and watched for readiness lines. {@link #kill()} is a
 * crash ({@code SIGKILL}, {@link Process#destroyForcibly()}); {@link #stop()} a shutdown ({@code SIGTERM}). Every
 * process still alive when the test JVM exits is killed by a shutdown hook, as a last resort.
 */
final class ChildProcess implements AutoCloseable {

    private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(Process::destroyForcibly),
                "crash-test-children"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Object lineAdded = new Object();

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} with {@code args} in a new JVM; output goes to {@code <logDir>/<name>.log}. */
    static ChildProcess start(String name, Class<?> mainClass, List<String> args, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        // failsafe gives the test class path here (java.class.path may be its manifest-only booter jar)
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ALIVE.add(process);
        ChildProcess child = new ChildProcess(name, process, log);
        Thread copier = new Thread(child::copyOutput, "output-" + name);
        copier.setDaemon(true);
        copier.start();
        return child;
    }

    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                out.flush();
                lines.add(line);
                synchronized (lineAdded) {
                    lineAdded.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        synchronized (lineAdded) {
            lineAdded.notifyAll();
        }
    }

    /** Waits for an output line containing {@code text}; fails when the process exits or the time is up. */
    void awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lineAdded) {
            while (true) {
                if (lines.stream().anyMatch(l -> l.contains(text))) {
                    return;
                }
                if (!process.isAlive() && lines.stream().noneMatch(l -> l.contains(text))) {
                    // give the copier a moment to drain the last lines
                    lineAdded.wait(200);
                    if (lines.stream().anyMatch(l -> l.contains(text))) {
                        return;
                    }
                    throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before printing '"
                            + text + "'; see " + log);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(name + " did not print '" + text + "' within " + timeout
                            + "; see " + log);
                }
                lineAdded.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 500));
            }
        }
    }

    /** The output lines so far that contain {@code text}. */
    List<String> linesWith(String text) {
        return lines.stream().filter(l -> l.contains(text)).toList();
    }

    /** Whether some output line contains {@code text}. */
    boolean printed(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** A crash: SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        ALIVE.remove(process);
    }

    /** A shutdown: SIGTERM, up to 60 s for the process to stop, then SIGKILL. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        ALIVE.remove(process);
    }

    /**
     * CPU seconds (user + system) the process has used so far, from {@code /proc/<pid>/stat} (Linux; clock ticks of
     * 1/100 s); -1 when it cannot be read (the process is gone).
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 0, utime field 11, stime field 12
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", log " + log + "]";
    }

    /** How long to wait for a child JVM to be ready on a busy 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
}
