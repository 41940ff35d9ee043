package io.camelantom.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU, GC and heap of this JVM (the application side), CPU of the simulator's process and of a ledger database server
 * in its own processes, over one phase.
 */
final class ResourceMeter {

    /**
     * {@code jitSeconds}: the application JVM's JIT compiler threads, part of {@code appCpuSeconds}.
     * {@code ledgerServerCpuSeconds}: NaN when the ledger runs inside the application JVM (H2).
     */
    record Usage(double seconds, double appCpuSeconds, double simulatorCpuSeconds, double ledgerServerCpuSeconds,
            double gcSeconds, double jitSeconds, long peakHeapBytes) {
    }

    private final SimulatorProcess simulator;
    private final LedgerDatabase ledger;
    private Duration ledgerCpuStart;
    private long startNanos;
    private long appCpuStart;
    private Duration simulatorCpuStart;
    private long gcStart;
    private long jitStart;

    ResourceMeter(SimulatorProcess simulator, LedgerDatabase ledger) {
        this.simulator = simulator;
        this.ledger = ledger;
    }

    ResourceMeter start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        gcStart = gcMillis();
        jitStart = jitMillis();
        appCpuStart = appCpuNanos();
        simulatorCpuStart = simulator.cpu();
        ledgerCpuStart = ledger.serverCpu();
        startNanos = System.nanoTime();
        return this;
    }

    Usage stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double app = (appCpuNanos() - appCpuStart) / 1e9;
        double sim = (simulator.cpu().minus(simulatorCpuStart)).toNanos() / 1e9;
        double ledgerServer = ledgerCpuStart == null ? Double.NaN
                : ledger.serverCpu().minus(ledgerCpuStart).toNanos() / 1e9;
        double gc = (gcMillis() - gcStart) / 1e3;
        double jit = (jitMillis() - jitStart) / 1e3;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Usage(seconds, app, sim, ledgerServer, gc, jit, peak);
    }

    private static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of this JVM's JIT compiler threads (Linux: {@code /proc/self/task}; 0 elsewhere). The JVM's own
     * compilation-time counter is elapsed time, which on busy cores is mostly waiting, so it is not used.
     */
    private static long jitMillis() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after the ")" that closes the thread's name: utime and stime are the 12th and 13th
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException notLinux) {
            return 0;
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
