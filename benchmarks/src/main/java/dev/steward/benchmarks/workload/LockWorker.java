package dev.steward.benchmarks.workload;

import dev.steward.Namespace;
import dev.steward.SharedEvent;
import dev.steward.SharedLock;
import dev.steward.SharedQueue;

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
     * @param ready where to say it is ready
     * @param go set when the clock starts
     * @param done where to say it is done
     * @throws InterruptedException if interrupted
     */
    public static void main(
            SharedLock lock,
            Namespace ns,
            int increments,
            SharedQueue<Long> ready,
            SharedEvent go,
            SharedQueue<Long> done)
            throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        // before the clock (the harness resets the count afterwards): the JIT compiles the path
        long warm = System.nanoTime();
        WarmUp.report(WarmUp.run(i -> increment(lock, ns, WarmUp.CHUNK)), warm);
        ready.put(pid);
        go.await();
        increment(lock, ns, increments);
        done.put(pid);
    }

    private static void increment(SharedLock lock, Namespace ns, int increments) {
        for (int i = 0; i < increments; i++) {
            lock.lock();
            try {
                int count = ns.get("count");
                ns.set("count", count + 1);
            } finally {
                lock.unlock();
            }
        }
    }
}
