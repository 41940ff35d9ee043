package io.camelantom.routes.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with short sleeps and a deadline (awaitility is not in our registry). */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
