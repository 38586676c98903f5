package dev.steward.benchmarks.workload;

import dev.steward.Namespace;
import dev.steward.SharedEvent;
import dev.steward.SharedLock;
import dev.steward.SharedQueue;
import java.lang.management.ManagementFactory;

/**
 * The {@code locked_increments_s} workload in one worker JVM: lock, read a shared count, write
 * count + 1, unlock (Python's {@code with lock: ns.count += 1}).
 */
public final class LockWorker {
    private LockWorker() {}

    /**
     * Runs in a worker JVM.
     *
     * @param lock the shared lock
     * @param ns the namespace holding {@code count}
     * @param increments how many
     * @param total how many all the workers do together
     * @param ready where to say it has warmed up, alone and then together
     * @param together set when every worker has warmed up as it came
     * @param go set when the clock starts
     * @param done where to say it is done
     * @param end set when every worker is done: a worker that left earlier would end its session
     *     while the others still run, and the node's compiled code would meet that in the timed part
     * @throws InterruptedException if interrupted
     */
    public static void main(
            SharedLock lock,
            Namespace ns,
            int increments,
            int total,
            SharedQueue<Long> ready,
            SharedEvent together,
            SharedEvent go,
            SharedQueue<Long> done,
            SharedEvent end)
            throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        // before the clock (the harness resets the count afterwards): the JIT compiles the path,
        // first from this JVM's start (the workers start one after another, so the first ones run
        // partly alone), then, once every worker has come this far, with all of them contending for
        // the lock, as in the timed part: a lock taken at once and one waited for run different code
        // (the wait), and a warm-up that ended before the last worker came left some of it to be
        // compiled, and some compiled code to be thrown away, in the timed part.
        // The count goes round from 0 to the timed part's total, so that the values read and written
        // have every size that the timed part's will (see WarmUp.first)
        long warm = System.nanoTime();
        WarmUp.report(WarmUp.run(i -> increment(lock, ns, WarmUp.CHUNK, total)), warm);
        ready.put(pid);
        together.await();
        warm = System.nanoTime();
        WarmUp.report(WarmUp.run(i -> increment(lock, ns, WarmUp.CHUNK, total)), warm);
        ready.put(pid);
        go.await();
        long compiled = WarmUp.compileMillis();
        long from = ManagementFactory.getRuntimeMXBean().getUptime();
        increment(lock, ns, increments, Integer.MAX_VALUE);
        done.put(pid);
        long compiledInPart = WarmUp.compileMillis() - compiled;
        long to = ManagementFactory.getRuntimeMXBean().getUptime();
        end.await();
        System.err.printf(
                "worker %d: %d ms of compilation in the timed part (%d-%d ms after the JVM started)%n",
                pid, compiledInPart, from, to);
    }

    /** The timed loop; the count goes back to 0 when it reaches {@code wrapAt} (in the warm-up only). */
    private static void increment(SharedLock lock, Namespace ns, int increments, int wrapAt) {
        for (int i = 0; i < increments; i++) {
            lock.lock();
            try {
                int count = ns.get("count");
                ns.set("count", count + 1 < wrapAt ? count + 1 : 0);
            } finally {
                lock.unlock();
            }
        }
    }
}
