package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A method that blocks until the test opens the gate (the node runs in the test's JVM, so the test
 * holds the latch), and one that does not.
 */
@Managed
public class Gate {
    /** Latches by name, opened by tests in the node's JVM. */
    public static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();

    private int passed;

    /** Creates a gate. */
    public Gate() {}

    /**
     * Blocks until the named latch opens (at most a minute).
     *
     * @param name the latch
     * @return whether it opened
     * @throws InterruptedException if interrupted
     */
    @Exposed
    public boolean pass(String name) throws InterruptedException {
        boolean opened =
                LATCHES.computeIfAbsent(name, k -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS);
        passed++;
        return opened;
    }

    /**
     * Returns at once.
     *
     * @return how many passed
     */
    @Exposed
    public int passed() {
        return passed;
    }
}
