package dev.steward.benchmarks.workload;

import dev.steward.SharedList;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The single-client workloads, run in a worker JVM: synchronous map and list calls, the latency of
 * one synchronous call, and pipelined asynchronous calls. The map, list and counter loops warm up
 * until the JIT is quiet ({@link WarmUp}), then run {@link #MEASURED} times with the clock on; the
 * latency and async loops run twice and keep the second.
 */
public final class ClientWorker {
    private ClientWorker() {}

    /**
     * Runs the workloads.
     *
     * @param results where to write the figures
     * @param dict the map for {@code dict_put_get_ops_s}
     * @param list the list for {@code list_append_ops_s}
     * @param counter the counter for latency and async throughput
     * @param custom the user-defined counter for {@code custom_counter_increment_ops_s}
     * @param inline the same with {@code @Managed(inline = true)}, for {@code
     *     custom_counter_inline_ops_s}
     * @param n calls per loop
     * @param outstanding async calls in flight at once
     * @throws InterruptedException if interrupted
     */
    public static void main(
            SharedMap<String, Object> results,
            SharedMap<String, Integer> dict,
            SharedList<Integer> list,
            SharedLong counter,
            BenchCounter_Proxy custom,
            InlineBenchCounter_Proxy inline,
            int n,
            int outstanding)
            throws InterruptedException {
        // every loop in rounds of WarmUp.CHUNK calls until this JVM's JIT is quiet, then each loop
        // MEASURED times n calls: one run of n calls on aeron-ipc lasts a tenth of a second, which
        // the JIT still at work, or one pause of the machine, would halve
        Loop dictLoop = (first, count) -> {
            for (int i = first; i < first + count; i++) {
                dict.put("k", i);
                dict.get("k");
            }
        };
        Loop listLoop = (first, count) -> {
            for (int i = first; i < first + count; i++) {
                list.add(i);
            }
        };
        Loop customLoop = (first, count) -> {
            for (int i = 0; i < count; i++) {
                custom.increment();
            }
        };
        Loop inlineLoop = (first, count) -> {
            for (int i = 0; i < count; i++) {
                inline.increment();
            }
        };
        long warm = System.nanoTime();
        WarmUp.report(
                WarmUp.run(i -> {
                    dictLoop.run(WarmUp.first(i, n), WarmUp.CHUNK);
                    listLoop.run(WarmUp.first(i, n), WarmUp.CHUNK);
                    customLoop.run(0, WarmUp.CHUNK);
                    inlineLoop.run(0, WarmUp.CHUNK);
                }),
                warm);
        list.clear();
        results.put("dict_put_get_ops_s", 2.0 * n / seconds(dictLoop, n));
        results.put("list_append_ops_s", n / seconds(listLoop, n));
        counted(results, "custom_counter_increment_ops_s", "custom_counter_correct", customLoop, custom::getValue, n);
        counted(
                results,
                "custom_counter_inline_ops_s",
                "custom_counter_inline_correct",
                inlineLoop,
                inline::getValue,
                n);
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int round = 0; round < 2; round++) {
            h.reset();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                counter.incrementAndGet();
                h.recordValue(System.nanoTime() - t);
            }
        }
        results.put("sync_call_p50_us", h.getValueAtPercentile(50) / 1000.0);
        results.put("sync_call_p99_us", h.getValueAtPercentile(99) / 1000.0);
        results.put("sync_call_p999_us", h.getValueAtPercentile(99.9) / 1000.0);
        results.put("sync_calls_s", n / (h.getMean() * n / 1e9));
        int calls = 10 * n;
        for (int round = 0; round < 2; round++) {
            Semaphore window = new Semaphore(outstanding);
            long before = counter.get();
            long t = System.nanoTime();
            CompletableFuture<Long> last = null;
            for (int i = 0; i < calls; i++) {
                window.acquire();
                last = counter.async().incrementAndGet();
                last.whenComplete((v, e) -> window.release());
            }
            window.acquire(outstanding);
            double s = seconds(t);
            if (counter.get() != before + calls) {
                throw new IllegalStateException("async increments were lost");
            }
            results.put("async_calls_s", calls / s);
        }
        results.put("async_outstanding", outstanding);
    }

    /** How many times each single-client loop runs with the clock on. */
    static final int MEASURED = 2;

    /** A single-client loop of {@code count} calls. */
    @FunctionalInterface
    interface Loop {
        /**
         * Makes the calls.
         *
         * @param first the value the first call sends, where calls send one; the next send the
         *     following values
         * @param count how many
         */
        void run(int first, int count);
    }

    /** Runs a loop {@link #MEASURED} times; returns the mean seconds of one run. */
    private static double seconds(Loop loop, int n) {
        long t = System.nanoTime();
        for (int round = 0; round < MEASURED; round++) {
            loop.run(0, n);
        }
        return seconds(t) / MEASURED;
    }

    /** Times a counter's loop and checks that the count grew by every increment made. */
    private static void counted(
            SharedMap<String, Object> results,
            String rateKey,
            String correctKey,
            Loop loop,
            LongSupplier value,
            int n) {
        long before = value.getAsLong();
        results.put(rateKey, n / seconds(loop, n));
        results.put(correctKey, value.getAsLong() == before + (long) MEASURED * n);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
