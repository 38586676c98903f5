package test;

import dev.steward.Exposed;
import dev.steward.Managed;

@Managed
public class Counter {
    private int value;

    public Counter() {}

    public Counter(int start) {
        value = start;
    }

    @Exposed
    public void increment() {
        value++;
    }

    @Exposed
    public void reset() {
        value = 0;
    }

    @Exposed
    public int getValue() {
        return value;
    }

    @Exposed
    public long add(long delta) {
        value += (int) delta;
        return value;
    }

    public String notExposed() {
        return "node only";
    }
}
