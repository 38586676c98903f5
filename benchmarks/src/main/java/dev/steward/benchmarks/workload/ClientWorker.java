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
 * one synchronous call, and pipelined asynchronous calls. Each loop runs twice and keeps the second
 * figure, so the JIT has compiled the path (as RmiBench does).
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
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                dict.put("k", i);
                dict.get("k");
            }
            results.put("dict_put_get_ops_s", 2.0 * n / seconds(t));
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                list.add(i);
            }
            results.put("list_append_ops_s", n / seconds(t));
            increments(
                    results,
                    "custom_counter_increment_ops_s",
                    "custom_counter_correct",
                    custom::increment,
                    custom::getValue,
                    n);
            increments(
                    results,
                    "custom_counter_inline_ops_s",
                    "custom_counter_inline_correct",
                    inline::increment,
                    inline::getValue,
                    n);
        }
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

    /** Times n increments of a counter and checks that the count grew by n. */
    private static void increments(
            SharedMap<String, Object> results,
            String rateKey,
            String correctKey,
            Runnable increment,
            LongSupplier value,
            int n) {
        long before = value.getAsLong();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            increment.run();
        }
        results.put(rateKey, n / seconds(t));
        results.put(correctKey, value.getAsLong() == before + n);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
