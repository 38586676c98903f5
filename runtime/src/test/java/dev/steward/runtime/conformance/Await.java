package dev.steward.runtime.conformance;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for conditions in tests, polling briefly instead of sleeping for a guessed time. */
public final class Await {
    private Await() {}

    /**
     * Waits until a condition holds.
     *
     * @param timeout how long at most
     * @param condition the condition
     * @param what describes the condition for the failure message
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what.get());
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    /**
     * Waits until a condition holds, collecting garbage while it waits (for proxies to be
     * collected).
     *
     * @param timeout how long at most
     * @param condition the condition
     * @param what describes the condition for the failure message
     */
    public static void untilCollected(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what.get());
            }
            System.gc();
            LockSupport.parkNanos(20_000_000);
        }
    }
}
