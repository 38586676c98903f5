package dev.steward.benchmarks.workload;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * The warm-up of a worker before the clock starts: the loop it is about to time runs until the
 * JIT has compiled it, that is until this JVM's compilers have been quiet for {@link #QUIET_NANOS}
 * (at least {@link #MIN_ROUNDS} rounds and {@link #MIN_NANOS}, at most {@link #MAX_NANOS}). A
 * fixed count was not enough: with several worker JVMs and the node sharing two cores, the
 * compiler threads were still busy (70-80% of a core) in the timed part. JVM start-up and
 * compilation are what {@code start_to_first_call_ms} measures.
 */
final class WarmUp {
    /**
     * Iterations of the timed loop in one round: the round calls the very method that the timed part
     * calls, so that the JIT has compiled that method and its loop (an on-stack replacement of a loop
     * first run long in the timed part would be compiled there).
     */
    static final int CHUNK = 100;
    /** The fewest rounds of a warm-up ({@code 10 * CHUNK} iterations), unless it reaches its longest. */
    static final int MIN_ROUNDS = 10;
    /** The shortest warm-up. */
    static final long MIN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How long the compilers must have been idle. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** The longest warm-up, whatever the compilers do. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(4);

    private WarmUp() {}

    /** One round of the loop. */
    @FunctionalInterface
    interface Round {
        /**
         * Runs one round: {@link #CHUNK} iterations of the timed loop.
         *
         * @param i the round's number
         * @throws InterruptedException if interrupted
         */
        void run(int i) throws InterruptedException;
    }

    /**
     * Says in the worker's log how long its warm-up took.
     *
     * @param rounds the rounds it ran, of {@link #CHUNK} iterations
     * @param sinceNanos when it started ({@link System#nanoTime})
     */
    static void report(int rounds, long sinceNanos) {
        System.err.printf(
                "worker %d: warm-up of %d iterations in %d ms%n",
                ProcessHandle.current().pid(),
                (long) rounds * CHUNK,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos));
    }

    /**
     * How long this JVM's compilers have worked so far, for a worker to say in its log how much of
     * that fell in its timed part.
     *
     * @return milliseconds, or -1 where the JVM does not say
     */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /**
     * Runs rounds until the loop is compiled (see the class comment).
     *
     * @param round the round
     * @return how many rounds ran
     * @throws InterruptedException if interrupted
     */
    static int run(Round round) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long compiled = timed ? jit.getTotalCompilationTime() : 0;
        long changed = start;
        int i = 0;
        while (true) {
            round.run(i++);
            long now = System.nanoTime();
            long total = timed ? jit.getTotalCompilationTime() : 0;
            if (total != compiled) {
                compiled = total;
                changed = now;
            }
            if (now - start >= MAX_NANOS
                    || (i >= MIN_ROUNDS && now - start >= MIN_NANOS && now - changed >= QUIET_NANOS)) {
                return i;
            }
        }
    }

    /**
     * The first value that warm-up round {@code round} sends, of a timed loop that sends the values 0
     * to {@code n - 1}: the rounds take turns at the low and the high end of that range, so that the
     * warm-up sends values of every size the timed part will. MessagePack writes an int below 128,
     * below 256, below 65,536 and above in different ways; compiled code that meets a size it has
     * not seen is thrown away and compiled again, in every JVM the value passes through (client,
     * node and echo), and that happened in the timed part when every round sent 0 to 99: round
     * trips of one to fifteen milliseconds from the 128th on.
     *
     * @param round the round's number, from 0
     * @param n how many values the timed loop sends
     * @return the first value of the round, which sends {@link #CHUNK} values from it
     */
    static int first(int round, int n) {
        int span = Math.max(1, n - CHUNK);
        int offset = (round / 2 * CHUNK) % span;
        return round % 2 == 0 ? offset : Math.max(0, n - CHUNK - offset);
    }
}
