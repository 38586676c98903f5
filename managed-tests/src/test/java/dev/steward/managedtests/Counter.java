package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;

/** The seed's counter: increment, reset, get_value. No locking: calls run one at a time. */
@Managed
public class Counter {
    private int value;

    /** Starts at zero. */
    public Counter() {}

    /**
     * Starts at a value.
     *
     * @param start the first value
     */
    public Counter(int start) {
        this.value = start;
    }

    /** Adds one. */
    @Exposed
    public void increment() {
        int v = value;
        Thread.onSpinWait(); // widen the window a lost update would need
        value = v + 1;
    }

    /** Goes back to zero. */
    @Exposed
    public void reset() {
        value = 0;
    }

    /**
     * Returns the count.
     *
     * @return the value
     */
    @Exposed
    public int getValue() {
        return value;
    }

    /**
     * Adds an amount.
     *
     * @param delta the amount
     * @return the new value
     */
    @Exposed
    public long add(long delta) {
        value += (int) delta;
        return value;
    }

    /**
     * Not exposed: no proxy can call it.
     *
     * @return nothing useful
     */
    public String secret() {
        return "only on the node";
    }
}
