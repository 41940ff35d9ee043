package io.camelantom.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The harness's concurrent callers and senders: one body run on several threads at once. */
final class Workers {

    /** What each thread runs; the threads share their work through the caller's counters. */
    interface Worker {
        void run() throws Exception;
    }

    private Workers() {
    }

    /**
     * Runs {@code worker} on {@code threads} threads at once and returns when every one has returned; the first
     * failure is thrown (wrapped in an ExecutionException) and the other threads are interrupted.
     */
    static void run(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    worker.run();
                    return null;
                }));
            }
            for (Future<?> running : workers) {
                running.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
