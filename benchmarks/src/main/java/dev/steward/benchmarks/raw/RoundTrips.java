package dev.steward.benchmarks.raw;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** What the raw floors share: how a client JVM reports its round trips to the harness. */
final class RoundTrips {
    private RoundTrips() {}

    /**
     * Prints {@code RESULT <p50 us> <p99 us> <p99.9 us>}, the line the harness reads.
     *
     * @param h round-trip times in nanoseconds
     */
    static void printResult(Histogram h) {
        System.out.printf(
                Locale.ROOT,
                "RESULT %.2f %.2f %.2f%n",
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0);
    }
}
