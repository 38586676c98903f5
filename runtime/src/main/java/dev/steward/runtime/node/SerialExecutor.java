package dev.steward.runtime.node;

import dev.steward.runtime.TimingProperties;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in the order they were submitted, on threads of a shared pool: at most
 * one pool thread works for it at any moment, and none while it has nothing to do.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor pool;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (scheduled.compareAndSet(false, true)) {
            pool.execute(drain);
        }
    }

    /**
     * How long a worker waits, running, for the next task before it gives its thread back, in
     * nanoseconds. Back-to-back calls from one client arrive a round trip apart; a worker that is
     * still awake takes the next one without the wake-up of a parked pool thread, which costs about
     * as much as the round trip. Set with {@code -Dsteward.node.workerSpinMicros=N}, 0 to 10,000
     * (0: off).
     */
    private static final long SPIN_NANOS = java.util.concurrent.TimeUnit.MICROSECONDS.toNanos(
            TimingProperties.micros("steward.node.workerSpinMicros", 50, 10_000));

    private Runnable awaitNext() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        for (int i = 0; ; i++) {
            Runnable task = tasks.poll();
            if (task != null || SPIN_NANOS <= 0) {
                return task;
            }
            if (i < 64) {
                Thread.onSpinWait();
            } else if (System.nanoTime() - deadline > 0) {
                return null;
            } else {
                Thread.yield();
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable task = tasks.poll();
            if (task == null) {
                task = awaitNext();
            }
            if (task == null) {
                scheduled.set(false);
                // a task added after the poll but before the reset would be stranded: look again
                if (tasks.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "a task of a managed object failed", e);
            }
        }
    }
}
