package io.camelantom.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;

/** CPU, GC and heap of this JVM (the application side) and CPU of the simulator's process, over one phase. */
final class ResourceMeter {

    record Usage(double seconds, double appCpuSeconds, double simulatorCpuSeconds, double gcSeconds, long peakHeapBytes) {
    }

    private final SimulatorProcess simulator;
    private long startNanos;
    private long appCpuStart;
    private Duration simulatorCpuStart;
    private long gcStart;

    ResourceMeter(SimulatorProcess simulator) {
        this.simulator = simulator;
    }

    ResourceMeter start() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        gcStart = gcMillis();
        appCpuStart = appCpuNanos();
        simulatorCpuStart = simulator.cpu();
        startNanos = System.nanoTime();
        return this;
    }

    Usage stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double app = (appCpuNanos() - appCpuStart) / 1e9;
        double sim = (simulator.cpu().minus(simulatorCpuStart)).toNanos() / 1e9;
        double gc = (gcMillis() - gcStart) / 1e3;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Usage(seconds, app, sim, gc, peak);
    }

    private static long appCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
