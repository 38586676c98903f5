package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;

/**
 * A class whose short, non-blocking methods run on the node's transport thread. Its read-modify-write
 * is deliberately not atomic, so overlapping calls would lose updates.
 */
@Managed(inline = true)
public class Tally {
    private int value;

    /** Creates it at zero. */
    public Tally() {}

    /**
     * Adds to the tally, in two steps with a pause between them.
     *
     * @param delta what to add
     * @return the new value
     */
    @Exposed
    public int add(int delta) {
        int before = value;
        for (int i = 0; i < 50; i++) {
            Thread.onSpinWait();
        }
        value = before + delta;
        return value;
    }

    /**
     * Tells the value.
     *
     * @return the value
     */
    @Exposed
    public int value() {
        return value;
    }

    /**
     * Tells which thread runs the call.
     *
     * @return the thread's name
     */
    @Exposed
    public String thread() {
        return Thread.currentThread().getName();
    }
}
