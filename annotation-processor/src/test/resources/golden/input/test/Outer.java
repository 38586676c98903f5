package test;

import dev.steward.Exposed;
import dev.steward.Managed;
import java.util.concurrent.atomic.AtomicLong;

public class Outer {
    @Managed(concurrent = true)
    public static class Inner {
        private final AtomicLong hits = new AtomicLong();

        public Inner() {}

        @Exposed
        public long hit() {
            return hits.incrementAndGet();
        }
    }
}
