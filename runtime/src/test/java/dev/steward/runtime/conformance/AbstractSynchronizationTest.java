package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.Manager;
import dev.steward.SharedBarrier;
import dev.steward.SharedCondition;
import dev.steward.SharedEvent;
import dev.steward.SharedJoinableQueue;
import dev.steward.SharedList;
import dev.steward.SharedLock;
import dev.steward.SharedQueue;
import dev.steward.SharedSemaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Queues, events, locks, conditions, semaphores and barriers: their contracts, timeouts, interrupts
 * and first-come-first-served order, with waiting on the node. Separate clients stand in for
 * separate processes (each has its own session); the cross-JVM cases are in {@link
 * AbstractSynchronizationProcessTest}.
 */
public abstract class AbstractSynchronizationTest extends ConformanceBase {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private <T> Future<T> inThread(Callable<T> task) {
        return pool.submit(task);
    }

    private static void awaitWaiters(Manager m, int n) {
        Await.until(
                Duration.ofSeconds(20),
                () -> m.nodeStatus().waiters() == n,
                () -> n + " calls wait on the node (now " + m.nodeStatus().waiters() + ")");
    }

    /** Interrupts a thread once it is parked on the node, and expects InterruptedException. */
    private <T> void assertInterruptible(Manager m, Callable<T> blocking) throws Exception {
        assertInterruptible(m, blocking, m.nodeStatus().waiters());
    }

    private <T> void assertInterruptible(Manager m, Callable<T> blocking, int waitersAfter) throws Exception {
        int before = m.nodeStatus().waiters();
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<Throwable> f = inThread(() -> {
            runner.set(Thread.currentThread());
            try {
                blocking.call();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        awaitWaiters(m, before + 1);
        runner.get().interrupt();
        assertThat(f.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        awaitWaiters(m, waitersAfter);
    }

    @Test
    void aWaitingCallInsideACallbackFailsInsteadOfDeadlocking() throws Exception {
        Manager m = startNode();
        SharedQueue<Integer> q = m.queue();
        SharedList<Integer> list = m.list();
        int rounds = 100;
        for (int i = 0; i < rounds; i++) {
            q.put(i);
        }
        // take() may wait on the node: inside a callback on the thread that delivers answers it
        // could never be answered, so it is refused there; elsewhere it takes an item
        int taken = 0;
        for (int i = 0; i < rounds; i++) {
            CompletableFuture<Integer> nested = list.async().add(i).thenApply(ok -> {
                try {
                    return q.take();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                assertThat(nested.get(10, TimeUnit.SECONDS)).isBetween(0, rounds - 1);
                taken++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("deadlock");
            }
        }
        assertThat(q.size()).isEqualTo(rounds - taken);
    }

    @Test
    void queueFollowsTheBlockingQueueContract() throws Exception {
        Manager m = startNode();
        SharedQueue<String> q = m.queue(2);
        assertThat(q.offer("a")).isTrue();
        q.put("b");
        assertThat(q.offer("c")).isFalse();
        assertThatThrownBy(() -> q.add("c")).isInstanceOf(IllegalStateException.class);
        assertThat(q.offer("c", 50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(q.remainingCapacity()).isZero();
        assertThat(q.peek()).isEqualTo("a");
        assertThat(q).containsExactly("a", "b");
        assertThat(q.take()).isEqualTo("a");
        assertThat(q.poll()).isEqualTo("b");
        assertThat(q.poll()).isNull();
        assertThat(q.poll(50, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(q::remove).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(q::element).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> q.put(null)).isInstanceOf(NullPointerException.class);
        q.addAll(List.of("x", "y"));
        List<String> drained = new ArrayList<>();
        assertThat(q.drainTo(drained, 1)).isEqualTo(1);
        assertThat(q.drainTo(drained)).isEqualTo(1);
        assertThat(drained).containsExactly("x", "y");
        q.put("z");
        assertThat(q.contains("z")).isTrue();
        assertThat(q.remove("z")).isTrue();
        assertThat(q.isEmpty()).isTrue();
        SharedQueue<Integer> unbounded = m.queue();
        assertThat(unbounded.remainingCapacity()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void takersAndPuttersWaitOnTheNodeInOrder() throws Exception {
        Manager m = startNode();
        Manager other = connect(m);
        SharedQueue<Integer> q = m.queue(1);
        SharedQueue<Integer> viaOther = reach(other, m, q);
        List<Future<Integer>> takers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            takers.add(inThread(viaOther::take));
            awaitWaiters(m, i + 1);
        }
        for (int i = 0; i < 3; i++) {
            q.put(i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(takers.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(i);
        }
        q.put(100);
        List<Future<Object>> putters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int item = 101 + i;
            putters.add(inThread(() -> {
                viaOther.put(item);
                return null;
            }));
            awaitWaiters(m, i + 1);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(q.take()).isEqualTo(100 + i);
        }
        for (Future<Object> p : putters) {
            p.get(20, TimeUnit.SECONDS);
        }
        assertThat(m.nodeStatus().waiters()).isZero();
    }

    @Test
    void joinWaitsForEveryTaskDone() throws Exception {
        Manager m = startNode();
        SharedJoinableQueue<String> q = m.joinableQueue();
        assertThat(q.join(Duration.ZERO)).isTrue();
        q.put("a");
        q.put("b");
        assertThat(q.unfinishedTasks()).isEqualTo(2);
        Future<Object> joiner = inThread(() -> {
            q.join();
            return "joined";
        });
        awaitWaiters(m, 1);
        assertThat(q.join(Duration.ofMillis(50))).isFalse();
        q.take();
        q.taskDone();
        assertThat(joiner.isDone()).isFalse();
        q.take();
        q.taskDone();
        assertThat(joiner.get(20, TimeUnit.SECONDS)).isEqualTo("joined");
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class);
        assertInterruptible(m, () -> {
            q.put("c");
            q.join();
            return null;
        });
    }

    @Test
    void anInterruptedTakeLosesNoItem() throws Exception {
        Manager m = startNode();
        SharedQueue<Integer> q = m.queue();
        assertInterruptible(m, q::take);
        assertInterruptible(m, () -> q.poll(1, TimeUnit.HOURS));
        q.put(1);
        assertThat(q.take()).isEqualTo(1);
        // race interrupts against puts: every item ends up either taken or still queued, once
        Set<Integer> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int rounds = 100;
        for (int i = 0; i < rounds; i++) {
            AtomicReference<Thread> runner = new AtomicReference<>();
            Future<?> consumer = inThread(() -> {
                runner.set(Thread.currentThread());
                try {
                    taken.add(q.take());
                } catch (InterruptedException e) {
                    // expected in some rounds
                }
                return null;
            });
            // an item put back in the last round is taken at once; otherwise the take waits
            Await.until(
                    Duration.ofSeconds(20),
                    () -> consumer.isDone() || m.nodeStatus().waiters() == 1,
                    () -> "the consumer waits or is done");
            q.put(1000 + i);
            runner.get().interrupt();
            consumer.get(20, TimeUnit.SECONDS);
            awaitWaiters(m, 0);
        }
        Set<Integer> all = new HashSet<>(taken);
        for (Integer left; (left = q.poll()) != null; ) {
            assertThat(all.add(left)).as("item %s seen twice", left).isTrue();
        }
        assertThat(all).hasSize(rounds);
    }

    @Test
    void eventsWakeWaiters() throws Exception {
        Manager m = startNode();
        Manager other = connect(m);
        SharedEvent event = m.event();
        SharedEvent viaOther = reach(other, m, event);
        assertThat(event.isSet()).isFalse();
        assertThat(event.await(Duration.ofMillis(50))).isFalse();
        Future<Boolean> waiter = inThread(() -> viaOther.await(Duration.ofMinutes(1)));
        Future<Object> untimed = inThread(() -> {
            viaOther.await();
            return "woke";
        });
        awaitWaiters(m, 2);
        event.set();
        assertThat(waiter.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(untimed.get(20, TimeUnit.SECONDS)).isEqualTo("woke");
        assertThat(event.await(Duration.ZERO)).isTrue();
        event.clear();
        assertThat(viaOther.isSet()).isFalse();
        assertInterruptible(m, () -> {
            event.await();
            return null;
        });
        CompletableFuture<Void> async = event.async().await();
        awaitWaiters(m, 1);
        event.async().set().get(10, TimeUnit.SECONDS);
        async.get(10, TimeUnit.SECONDS);
    }

    @Test
    void locksBelongToOneThreadOfOneProcess() throws Exception {
        Manager m = startNode();
        Manager other = connect(m);
        SharedLock lock = m.lock();
        SharedLock viaOther = reach(other, m, lock);
        assertThat(lock.isReentrant()).isFalse();
        lock.lock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(lock.tryLock()).as("a plain lock is not reentrant").isFalse();
        assertThat(viaOther.tryLock()).isFalse();
        assertThat(viaOther.tryLock(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThatThrownBy(viaOther::unlock).isInstanceOf(IllegalMonitorStateException.class);
        assertThat(inThread(() -> {
                            try {
                                lock.unlock();
                                return null;
                            } catch (IllegalMonitorStateException e) {
                                return e;
                            }
                        })
                        .get(20, TimeUnit.SECONDS))
                .as("another thread of the same process is not the owner")
                .isInstanceOf(IllegalMonitorStateException.class);
        assertThat(lock.isLocked()).isTrue();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);

        SharedLock reentrant = m.reentrantLock();
        reentrant.lock();
        reentrant.lock();
        assertThat(reentrant.tryLock()).isTrue();
        assertThat(reentrant.getHoldCount()).isEqualTo(3);
        reentrant.unlock();
        reentrant.unlock();
        assertThat(reentrant.isLocked()).isTrue();
        reentrant.unlock();
        assertThat(reentrant.isLocked()).isFalse();
    }

    @Test
    void lockWaitersAreServedInOrderAndInterruptsLetGo() throws Exception {
        Manager m = startNode();
        SharedLock lock = m.reentrantLock();
        assertThat(lock.isFair()).as("fair by default").isTrue();
        SharedList<Integer> order = m.list();
        lock.lock();
        List<Future<Object>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int me = i;
            waiters.add(inThread(() -> {
                lock.lock();
                try {
                    order.add(me);
                } finally {
                    lock.unlock();
                }
                return null;
            }));
            awaitWaiters(m, i + 1);
        }
        lock.unlock();
        for (Future<Object> w : waiters) {
            w.get(20, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactly(0, 1, 2);
        lock.lock();
        assertInterruptible(m, () -> {
            lock.lockInterruptibly();
            return null;
        });
        assertInterruptible(m, () -> lock.tryLock(1, TimeUnit.HOURS));
        assertThat(lock.getHoldCount()).isEqualTo(1);
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    /**
     * The owner releases and takes the lock again in a loop while a thread of another client waits,
     * until that thread has had the lock; returns how many times the owner took it back first.
     */
    private int takenBackBeforeTheWaiter(Manager m, SharedLock lock) throws Exception {
        Manager other = connect(m);
        SharedLock viaOther = reach(other, m, lock);
        AtomicInteger rounds = new AtomicInteger();
        for (int i = 0; i < 100; i++) { // a releaser that comes back at once, before anybody waits
            lock.lock();
            lock.unlock();
        }
        lock.lock();
        Future<Integer> waiter = inThread(() -> {
            viaOther.lock();
            try {
                return rounds.get();
            } finally {
                viaOther.unlock();
            }
        });
        awaitWaiters(m, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int r = 1; !waiter.isDone(); r++) {
            assertThat(System.nanoTime() - deadline)
                    .as("the waiter got the lock in time")
                    .isNegative();
            lock.unlock();
            lock.lock();
            rounds.set(r);
        }
        lock.unlock();
        other.close();
        return waiter.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aFairLockGoesToTheWaiterEvenWhenTheReleaserComesBackAtOnce() throws Exception {
        Manager m = startNode();
        SharedLock lock = m.lock();
        assertThat(lock.isFair()).isTrue();
        assertThat(m.lock(true).isFair()).isTrue();
        assertThat(takenBackBeforeTheWaiter(m, lock)).isZero();
    }

    @Test
    void anUnfairLockGoesBackToAReturningReleaserButPassesAWaiterOverForAWhileOnly() throws Exception {
        Manager m = startNode();
        SharedLock lock = m.lock(false);
        assertThat(lock.isFair()).isFalse();
        assertThat(m.reentrantLock(false).isFair()).isFalse();
        // each try ends (the waiter gets the lock) within the pass-over limit; a releaser that comes
        // back within the grace takes the lock back ahead of the waiter at least once in a try. A try
        // whose first return took longer than the grace (a round trip over UDP on a loaded machine
        // can) hands the lock to the waiter at once: try again, for up to half a minute
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int takenBack = takenBackBeforeTheWaiter(m, lock);
        while (takenBack == 0 && System.nanoTime() - deadline < 0) {
            takenBack = takenBackBeforeTheWaiter(m, lock);
        }
        assertThat(takenBack)
                .as("times the releaser took the lock back in the last try")
                .isPositive();
    }

    @Test
    void anUnfairLockThatNobodyTakesBackGoesToTheWaiter() throws Exception {
        Manager m = startNode();
        Manager other = connect(m);
        SharedLock lock = m.lock(false);
        SharedLock viaOther = reach(other, m, lock);
        for (int i = 0; i < 100; i++) { // the releaser comes back at once: releases leave a grace
            lock.lock();
            lock.unlock();
        }
        lock.lock();
        Future<Boolean> waiter = inThread(() -> viaOther.tryLock(1, TimeUnit.MINUTES));
        awaitWaiters(m, 1);
        lock.unlock(); // and does not come back: when the grace ends, the waiter has it
        assertThat(waiter.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(lock.tryLock()).isFalse();
        assertThat(lock.isLocked()).isTrue();
    }

    @Test
    void aClosedClientsLockGoesToTheNextWaiter() throws Exception {
        Manager m = startNode();
        Manager holder = connect(m);
        SharedLock lock = m.lock();
        SharedLock held = reach(holder, m, lock);
        held.lock();
        Future<Boolean> waiter = inThread(() -> lock.tryLock(1, TimeUnit.MINUTES));
        awaitWaiters(m, 1);
        holder.close();
        assertThat(waiter.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(inThread(lock::isLocked).get(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void conditionsSignalOneOrAll() throws Exception {
        Manager m = startNode();
        SharedLock lock = m.reentrantLock();
        SharedCondition ready = lock.newCondition();
        assertThat(ready.lock().objectId()).isEqualTo(lock.objectId());
        assertThatThrownBy(ready::await).isInstanceOf(IllegalMonitorStateException.class);
        lock.lock();
        lock.lock();
        assertThat(ready.await(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(lock.getHoldCount()).as("await restores every hold").isEqualTo(2);
        assertThat(ready.awaitNanos(1_000_000)).isLessThanOrEqualTo(0);
        lock.unlock();
        lock.unlock();
        List<Future<Object>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(inThread(() -> {
                lock.lock();
                try {
                    ready.await();
                    return lock.getHoldCount();
                } finally {
                    lock.unlock();
                }
            }));
            awaitWaiters(m, i + 1);
        }
        lock.lock();
        ready.signal();
        lock.unlock();
        assertThat(waiters.get(0).get(20, TimeUnit.SECONDS)).isEqualTo(1);
        awaitWaiters(m, 2);
        assertThat(waiters.get(1).isDone()).isFalse();
        lock.lock();
        ready.signalAll();
        lock.unlock();
        assertThat(waiters.get(1).get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(waiters.get(2).get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertInterruptible(m, () -> {
            lock.lock();
            try {
                ready.await();
            } finally {
                assertThat(lock.isHeldByCurrentThread())
                        .as("await holds the lock when it throws")
                        .isTrue();
                lock.unlock();
            }
            return null;
        });
        SharedCondition another = m.condition(lock);
        lock.lock();
        another.signalAll();
        lock.unlock();
    }

    @Test
    void semaphoresCountPermitsAndBoundedOnesRefuseExtraReleases() throws Exception {
        Manager m = startNode();
        Manager other = connect(m);
        SharedSemaphore sem = m.semaphore(2);
        SharedSemaphore viaOther = reach(other, m, sem);
        sem.acquire();
        assertThat(sem.tryAcquire()).isTrue();
        assertThat(sem.tryAcquire()).isFalse();
        assertThat(sem.tryAcquire(Duration.ofMillis(50))).isFalse();
        Future<Boolean> big = inThread(() -> viaOther.tryAcquire(2, Duration.ofMinutes(1)));
        awaitWaiters(m, 1);
        Future<Boolean> small = inThread(() -> viaOther.tryAcquire(1, Duration.ofMinutes(1)));
        awaitWaiters(m, 2);
        sem.release();
        assertThat(small.isDone())
                .as("a small request does not overtake the large one at the head")
                .isFalse();
        sem.release();
        assertThat(big.get(20, TimeUnit.SECONDS)).isTrue();
        viaOther.release(2);
        assertThat(small.get(20, TimeUnit.SECONDS)).isTrue();
        viaOther.release();
        assertThat(sem.availablePermits()).isEqualTo(2);
        assertThat(sem.drainPermits()).isEqualTo(2);
        sem.release(2);
        assertInterruptible(m, () -> {
            sem.acquire(3);
            return null;
        });
        assertThat(sem.availablePermits()).isEqualTo(2);

        SharedSemaphore bounded = m.boundedSemaphore(1);
        assertThat(bounded.isBounded()).isTrue();
        assertThatThrownBy(bounded::release).isInstanceOf(IllegalStateException.class);
        bounded.acquireUninterruptibly();
        bounded.release();
        assertThat(bounded.availablePermits()).isEqualTo(1);
        CompletableFuture<Void> viaAsync = bounded.async().acquire();
        viaAsync.get(10, TimeUnit.SECONDS);
        assertThat(bounded.async().tryAcquire(Duration.ofMillis(20)).get(10, TimeUnit.SECONDS))
                .isFalse();
        bounded.async().release().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClosedClientsPermitsComeBack() throws Exception {
        Manager m = startNode();
        Manager holder = connect(m);
        SharedSemaphore sem = m.semaphore(3);
        SharedSemaphore held = reach(holder, m, sem);
        held.acquire(3);
        Future<Boolean> waiter = inThread(() -> sem.tryAcquire(2, Duration.ofMinutes(1)));
        awaitWaiters(m, 1);
        holder.close();
        assertThat(waiter.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(sem.availablePermits()).isEqualTo(1);
    }

    @Test
    void barriersReleaseTogetherAndBreakOnTimeoutResetOrInterrupt() throws Exception {
        Manager m = startNode();
        SharedBarrier barrier = m.barrier(3);
        assertThat(barrier.getParties()).isEqualTo(3);
        List<Future<Integer>> parties = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Manager client = connect(m);
            SharedBarrier mine = reach(client, m, barrier);
            parties.add(inThread(mine::await));
        }
        awaitWaiters(m, 2);
        assertThat(barrier.getNumberWaiting()).isEqualTo(2);
        assertThat(barrier.await()).isZero();
        Set<Integer> indexes = new HashSet<>(List.of(0));
        for (Future<Integer> p : parties) {
            indexes.add(p.get(20, TimeUnit.SECONDS));
        }
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2);

        Future<Integer> early = inThread(barrier::await);
        awaitWaiters(m, 1);
        assertThatThrownBy(() -> barrier.await(Duration.ofMillis(50))).isInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> early.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierException.class);
        barrier.reset();
        assertThat(barrier.isBroken()).isFalse();

        Future<Integer> beforeReset = inThread(barrier::await);
        awaitWaiters(m, 1);
        barrier.reset();
        assertThatThrownBy(() -> beforeReset.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isFalse();

        Future<Integer> bystander = inThread(barrier::await);
        awaitWaiters(m, 1);
        assertInterruptible(m, barrier::await, 0); // the interrupt breaks the barrier for the bystander too
        assertThatThrownBy(() -> bystander.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(BrokenBarrierException.class);
        assertThat(barrier.isBroken()).isTrue();
    }

    @Test
    void tenThousandWaitersCostTheNodeNoThreads() throws Exception {
        Manager m = startNode();
        SharedQueue<Integer> q = m.queue();
        int threadsBefore = m.nodeStatus().threads();
        int n = 10_000;
        List<CompletableFuture<Integer>> takes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            takes.add(q.async().take());
        }
        awaitWaiters(m, n);
        int threadsWaiting = m.nodeStatus().threads();
        assertThat(threadsWaiting).as("threads with %d waiters vs before", n).isLessThanOrEqualTo(threadsBefore + 2);
        for (int i = 0; i < n; i++) {
            q.async().put(i);
        }
        Set<Integer> got = new HashSet<>();
        for (CompletableFuture<Integer> t : takes) {
            got.add(t.get(60, TimeUnit.SECONDS));
        }
        assertThat(got).hasSize(n);
        assertThat(m.nodeStatus().waiters()).isZero();
    }

    @Test
    void timeoutsAnswerInsteadOfHanging() throws Exception {
        Manager m = startNode();
        SharedQueue<String> q = m.queue(1);
        q.put("full");
        long start = System.nanoTime();
        assertThat(q.offer("x", 100, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(m.<String>queue().poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(m.event().await(Duration.ofMillis(100))).isFalse();
        SharedLock lock = m.lock();
        Manager other = connect(m);
        reach(other, m, lock).lock();
        assertThat(lock.tryLock(100, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(m.semaphore(0).tryAcquire(Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(m.nodeStatus().waiters()).isZero();
    }

    @Test
    void everyBlockingMethodIsInterruptibleAndTimesOut() throws Exception {
        Manager m = startNode();
        Manager other = connect(m);
        SharedQueue<String> full = m.queue(1);
        full.put("x");
        assertInterruptible(m, () -> {
            full.put("y");
            return null;
        });
        assertInterruptible(m, () -> full.offer("y", 1, TimeUnit.HOURS));
        SharedEvent event = m.event();
        assertInterruptible(m, () -> event.await(Duration.ofHours(1)));
        SharedLock lock = m.reentrantLock();
        SharedCondition condition = lock.newCondition();
        for (Callable<Object> wait : List.<Callable<Object>>of(
                () -> condition.awaitNanos(TimeUnit.HOURS.toNanos(1)),
                () -> condition.await(1, TimeUnit.HOURS),
                () -> condition.awaitUntil(new java.util.Date(System.currentTimeMillis() + 3_600_000)))) {
            assertInterruptible(m, () -> {
                lock.lock();
                try {
                    return wait.call();
                } finally {
                    lock.unlock();
                }
            });
        }
        lock.lock();
        assertThat(condition.awaitUntil(new java.util.Date(System.currentTimeMillis() + 50)))
                .isFalse();
        lock.unlock();
        SharedSemaphore none = m.semaphore(0);
        assertInterruptible(m, () -> {
            none.acquire();
            return null;
        });
        assertInterruptible(m, () -> none.tryAcquire(Duration.ofHours(1)));
        assertThat(none.availablePermits()).isZero();
        SharedBarrier barrier = m.barrier(2);
        assertInterruptible(m, () -> barrier.await(Duration.ofHours(1)));
        assertThat(barrier.isBroken()).isTrue();
        // a wait cut short by the interrupt leaves nothing behind on the node
        assertThat(m.nodeStatus().waiters()).isZero();
        assertThat(reach(other, m, lock).isLocked()).isFalse();
    }
}
