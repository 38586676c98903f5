package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.SharedBarrier;
import dev.steward.SharedEvent;
import dev.steward.SharedList;
import dev.steward.SharedLock;
import dev.steward.SharedMap;
import dev.steward.SharedQueue;
import dev.steward.SharedSemaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Synchronization between separate JVMs: the seeds' queue and event, locks, barriers, and dead holders. */
public abstract class AbstractSynchronizationProcessTest extends ConformanceBase {

    @BeforeEach
    void onlyAcrossProcesses() {
        requireProcesses();
    }

    /** The seed's producer. */
    public static final class Producer {
        private Producer() {}

        /**
         * Runs in a child.
         *
         * @param name the producer's name
         * @param queue the shared queue
         * @param n how many messages
         * @throws InterruptedException if interrupted
         */
        public static void main(String name, SharedQueue<String> queue, int n) throws InterruptedException {
            for (int i = 0; i < n; i++) {
                queue.put(name + " says hello " + i);
            }
        }
    }

    /** The seed's consumer: records what it receives. */
    public static final class Consumer {
        private Consumer() {}

        /**
         * Runs in a child.
         *
         * @param queue the shared queue
         * @param received where to record messages
         * @param n how many to take
         * @throws InterruptedException if interrupted
         */
        public static void main(SharedQueue<String> queue, SharedList<String> received, int n)
                throws InterruptedException {
            for (int i = 0; i < n; i++) {
                received.add(queue.take());
            }
        }
    }

    @Test
    void twoProducersAndOneConsumerDeliverEveryMessageExactlyOnce() throws Exception {
        Manager m = startNode();
        SharedQueue<String> queue = m.queue(5);
        SharedList<String> received = m.list();
        int n = 100;
        ManagedProcess consumer = spawn(m, Consumer.class, queue, received, 2 * n);
        ManagedProcess p1 = spawn(m, Producer.class, "Producer1", queue, n);
        ManagedProcess p2 = spawn(m, Producer.class, "Producer2", queue, n);
        assertExitsCleanly(p1);
        assertExitsCleanly(p2);
        assertExitsCleanly(consumer);
        List<String> got = received.snapshot();
        assertThat(got).hasSize(2 * n).doesNotHaveDuplicates();
        for (int i = 0; i < n; i++) {
            assertThat(got).contains("Producer1 says hello " + i, "Producer2 says hello " + i);
        }
        // each producer's messages arrive in the order it sent them
        List<String> fromOne =
                got.stream().filter(s -> s.startsWith("Producer1")).toList();
        for (int i = 0; i < n; i++) {
            assertThat(fromOne.get(i)).isEqualTo("Producer1 says hello " + i);
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    /** The seed's event waiter. */
    public static final class EventWaiter {
        private EventWaiter() {}

        /**
         * Runs in a child.
         *
         * @param event the shared event
         * @param log where to say what happened
         * @throws InterruptedException if interrupted
         */
        public static void main(SharedEvent event, SharedList<String> log) throws InterruptedException {
            log.add("Waiting for event...");
            event.await();
            log.add("Event is set!");
        }
    }

    @Test
    void theSeedsEventAcrossJvms() throws Exception {
        Manager m = startNode();
        SharedEvent event = m.event();
        SharedList<String> log = m.list();
        ManagedProcess child = spawn(m, EventWaiter.class, event, log);
        Await.until(
                Duration.ofSeconds(60),
                () -> m.nodeStatus().waiters() == 1 || !child.isAlive(),
                () -> "the child waits");
        assertThat(log).containsExactly("Waiting for event...");
        event.set();
        assertExitsCleanly(child);
        assertThat(log).containsExactly("Waiting for event...", "Event is set!");
    }

    /** Locked read-modify-write increments of one map entry. */
    public static final class LockedIncrementer {
        private LockedIncrementer() {}

        /**
         * Runs in a child.
         *
         * @param lock the shared lock
         * @param map the shared map
         * @param n how many increments
         */
        public static void main(SharedLock lock, SharedMap<String, Integer> map, int n) {
            for (int i = 0; i < n; i++) {
                lock.lock();
                try {
                    map.put("count", map.get("count") + 1);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @Test
    void fourJvmsDoLockedIncrementsWithoutLosingOne() throws Exception {
        Manager m = startNode();
        SharedLock lock = m.lock();
        SharedMap<String, Integer> map = m.map();
        map.put("count", 0);
        int n = 2000;
        List<ManagedProcess> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(spawn(m, LockedIncrementer.class, lock, map, n));
        }
        for (ManagedProcess c : children) {
            assertExitsCleanly(c);
        }
        assertThat(map.get("count")).isEqualTo(4 * n);
    }

    /** Takes a lock and a permit, says so, and waits to be killed. */
    public static final class Holder {
        private Holder() {}

        /**
         * Runs in a child.
         *
         * @param lock the shared lock
         * @param semaphore the shared semaphore
         * @param ready where to say it holds them
         * @throws InterruptedException never, in practice
         */
        public static void main(SharedLock lock, SharedSemaphore semaphore, SharedList<String> ready)
                throws InterruptedException {
            lock.lock();
            semaphore.acquire();
            ready.add("holding");
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aKilledHoldersLockAndPermitGoToWaitersWithinASecond() throws Exception {
        Manager m = startNode();
        SharedLock lock = m.lock();
        SharedSemaphore semaphore = m.semaphore(1);
        SharedList<String> ready = m.list();
        ManagedProcess holder = spawn(m, Holder.class, lock, semaphore, ready);
        Await.until(Duration.ofSeconds(60), () -> !ready.isEmpty() || !holder.isAlive(), () -> "the holder holds");
        assertThat(holder.isAlive()).as("holder output: %s", logOf(holder)).isTrue();
        Manager waiterClient = connect(m);
        SharedLock lockWaiter = reach(waiterClient, m, lock);
        SharedSemaphore permitWaiter = reach(waiterClient, m, semaphore);
        var lockTaken = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            lockWaiter.lock();
            return System.nanoTime();
        });
        var permitTaken = permitWaiter.async().acquire().thenApply(x -> System.nanoTime());
        Await.until(Duration.ofSeconds(20), () -> m.nodeStatus().waiters() == 2, () -> "both wait on the node");
        long killed = System.nanoTime();
        holder.kill();
        long lockAt = lockTaken.get(20, TimeUnit.SECONDS);
        long permitAt = permitTaken.get(20, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(lockAt - killed)).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(permitAt - killed)).isLessThan(Duration.ofSeconds(1));
        assertThat(semaphore.availablePermits()).isZero();
    }

    /** Steps through a barrier in lockstep with the other parties. */
    public static final class Stepper {
        private Stepper() {}

        /**
         * Runs in a child.
         *
         * @param barrier the shared barrier
         * @param stats where arrivals are counted
         * @param rounds how many rounds
         * @throws Exception if a round is out of step
         */
        public static void main(SharedBarrier barrier, Namespace stats, int rounds) throws Exception {
            int parties = barrier.getParties();
            for (int r = 0; r < rounds; r++) {
                stats.addAndGet("arrived", 1);
                barrier.await(Duration.ofSeconds(60));
                long arrived = stats.<Integer>get("arrived");
                // everyone arrived for this round; the fastest may already have arrived for the next
                if (arrived < (long) parties * (r + 1) || arrived >= (long) parties * (r + 2)) {
                    throw new IllegalStateException("round " + r + " out of step: " + arrived + " arrivals");
                }
            }
        }
    }

    @Test
    void aBarrierOfFourJvmsStepsInLockstepForAHundredRounds() throws Exception {
        Manager m = startNode();
        SharedBarrier barrier = m.barrier(4);
        Namespace stats = m.namespace();
        stats.set("arrived", 0);
        List<ManagedProcess> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(spawn(m, Stepper.class, barrier, stats, 100));
        }
        for (ManagedProcess c : children) {
            assertExitsCleanly(c);
        }
        assertThat((int) stats.get("arrived")).isEqualTo(400);
        assertThat(barrier.isBroken()).isFalse();
        assertThat(barrier.getNumberWaiting()).isZero();
    }
}
