package dev.steward.transport.aeron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.runtime.conformance.Await;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The agent's idle strategy: it yields through its window, parks after it, and wake-ups and calm
 * move it between the two at once. Parks and windows here last minutes, so that only the calls
 * under test can end them.
 */
class AgentIdleStrategyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long LONG = TimeUnit.MINUTES.toNanos(10);

    /** Runs idle() in a loop on a thread of its own, counting the calls that returned. */
    private static final class Idler implements AutoCloseable {
        final AgentIdleStrategy strategy;
        final AtomicInteger returned = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        /** Set to have the loop report one piece of work ({@code idle(1)}); cleared when done. */
        final AtomicBoolean work = new AtomicBoolean();

        final Thread thread;

        Idler(AgentIdleStrategy strategy) {
            this.strategy = strategy;
            this.thread = new Thread(() -> {
                strategy.idle(1); // work: the window starts
                while (running.get()) {
                    strategy.idle(work.compareAndSet(true, false) ? 1 : 0);
                    returned.incrementAndGet();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        boolean parked() {
            return thread.getState() == Thread.State.TIMED_WAITING;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            strategy.wake(thread);
            thread.join(WAIT.toMillis());
        }
    }

    @Test
    void aWakeUpEndsAParkAtOnceAndStartsTheWindowAgain() throws Exception {
        try (Idler idler = new Idler(new AgentIdleStrategy(0, 0, LONG, LONG))) {
            Await.until(WAIT, idler::parked, () -> "the agent parks when it has no window");
            int before = idler.returned.get();
            idler.strategy.wake(idler.thread);
            Await.until(WAIT, () -> idler.returned.get() > before, () -> "the park ended");
            Await.until(WAIT, idler::parked, () -> "the agent parks again");
        }
    }

    @Test
    void theWindowYieldsUntilCalmEndsIt() throws Exception {
        try (Idler idler = new Idler(new AgentIdleStrategy(0, LONG, LONG, LONG))) {
            // yielding: idle() keeps returning, without parking
            int seen = idler.returned.get();
            Await.until(WAIT, () -> idler.returned.get() > seen + 1_000, () -> "idle() returns while it yields");
            assertThat(idler.parked()).isFalse();
            idler.strategy.calm();
            Await.until(WAIT, idler::parked, () -> "calm() ends the window: the agent parks");
            // a wake-up starts a window again
            idler.strategy.wake(idler.thread);
            int woken = idler.returned.get();
            Await.until(WAIT, () -> idler.returned.get() > woken + 1_000, () -> "a wake-up starts the window again");
        }
    }

    @Test
    void aLookAskedForByWakeForOutlastsWorkDoneInItUntilCalmEndsIt() throws Exception {
        // no window of its own: after work the agent parks at once
        try (Idler idler = new Idler(new AgentIdleStrategy(0, 0, LONG, LONG))) {
            Await.until(WAIT, idler::parked, () -> "the agent parks when it has no window");
            idler.strategy.wakeFor(idler.thread, LONG);
            int woken = idler.returned.get();
            Await.until(WAIT, () -> idler.returned.get() > woken + 1_000, () -> "wakeFor() starts a look");
            // work in the look (a driver's own duty, say) must not end it
            idler.work.set(true);
            Await.until(WAIT, () -> !idler.work.get(), () -> "the agent did the work");
            int worked = idler.returned.get();
            Await.until(
                    WAIT,
                    () -> idler.returned.get() > worked + 1_000,
                    () -> "the look goes on after work (parked: " + idler.parked() + ")");
            assertThat(idler.parked()).isFalse();
            idler.strategy.calm();
            Await.until(WAIT, idler::parked, () -> "calm() ends the look: the agent parks");
        }
    }

    @Test
    void aLookForAParkedCallersAnswerLastsUntilTheAnswerWhateverWorkOrCalmComeMeanwhile() throws Exception {
        try (Idler idler = new Idler(new AgentIdleStrategy(0, 0, LONG, LONG))) {
            Await.until(WAIT, idler::parked, () -> "the agent parks when it has no window");
            CompletableFuture<Object> answer = new CompletableFuture<>();
            idler.strategy.lookFor(idler.thread, answer, LONG);
            int woken = idler.returned.get();
            Await.until(WAIT, () -> idler.returned.get() > woken + 1_000, () -> "lookFor() starts a look");
            idler.work.set(true);
            Await.until(WAIT, () -> !idler.work.get(), () -> "the agent did the work");
            // another caller read its own answer: that ends looks asked for by wakeFor, not this one
            idler.strategy.calm();
            int calmed = idler.returned.get();
            Await.until(
                    WAIT,
                    () -> idler.returned.get() > calmed + 1_000,
                    () -> "the look goes on after work and calm (parked: " + idler.parked() + ")");
            answer.complete("in");
            Await.until(WAIT, idler::parked, () -> "the answer ends the look: the agent parks");
            // an answer already in asks for no look
            idler.strategy.lookFor(idler.thread, answer, LONG);
            Await.until(WAIT, idler::parked, () -> "no look for an answer already in");
        }
    }
}
