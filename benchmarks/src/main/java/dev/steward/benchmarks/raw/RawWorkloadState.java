package dev.steward.benchmarks.raw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The state of a raw workload server ({@link RawTcpWorkloads}, {@link RawAeronWorkloads}): two
 * queues of longs, a first-come-first-served lock, a count, and the start and end of the locked
 * run. Confined to the server's one thread; the transport only decodes calls and sends answers.
 *
 * @param <C> how the transport names a client
 */
final class RawWorkloadState<C> {
    static final byte ACQUIRE = 1;
    static final byte RELEASE = 2;
    static final byte GET = 3;
    static final byte SET = 4;
    static final byte PUT_A = 5;
    static final byte PUT_B = 6;
    static final byte TAKE_A = 7;
    static final byte TAKE_B = 8;
    /** A lock worker is warm: the argument is how many increments it will make. */
    static final byte READY = 9;
    /** A lock worker has made its increments. */
    static final byte DONE = 10;

    /** Calls a client makes before the timed ones, so that the JIT has compiled its loop. */
    static final int WARM_UP = 2_000;

    /** Sends a client its answer. */
    @FunctionalInterface
    interface Answers<C> {
        /**
         * Sends the answer.
         *
         * @param client the client
         * @param value the answer
         */
        void answer(C client, long value);
    }

    private final int workers;
    private final Answers<C> answers;
    private final ArrayDeque<Long> queueA = new ArrayDeque<>();
    private final ArrayDeque<Long> queueB = new ArrayDeque<>();
    private final ArrayDeque<C> takersA = new ArrayDeque<>();
    private final ArrayDeque<C> takersB = new ArrayDeque<>();
    private final ArrayDeque<C> lockWaiters = new ArrayDeque<>();
    private final List<C> ready = new ArrayList<>();
    private final CompletableFuture<double[]> locked = new CompletableFuture<>();
    private C owner;
    private long count;
    private long expected;
    private long start;
    private int done;

    RawWorkloadState(int workers, Answers<C> answers) {
        this.workers = workers;
        this.answers = answers;
    }

    /**
     * Returns the locked run's result.
     *
     * @return completes with increments per second from the moment every worker was ready to the
     *     last one's {@code DONE}, and 1 if the count equals the increments made, else 0
     */
    CompletableFuture<double[]> locked() {
        return locked;
    }

    /**
     * Handles one call.
     *
     * @param client who called
     * @param op what
     * @param arg its argument
     * @return {@code false} if the call is unknown
     */
    boolean onCall(C client, byte op, long arg) {
        switch (op) {
            case ACQUIRE -> {
                if (owner == null) {
                    owner = client;
                    answers.answer(client, 1);
                } else {
                    lockWaiters.add(client);
                }
            }
            case RELEASE -> {
                owner = lockWaiters.poll(); // first come, first served
                if (owner != null) {
                    answers.answer(owner, 1);
                }
                answers.answer(client, 0);
            }
            case GET -> answers.answer(client, count);
            case SET -> {
                count = arg;
                answers.answer(client, 0);
            }
            case PUT_A -> put(queueA, takersA, arg, client);
            case PUT_B -> put(queueB, takersB, arg, client);
            case TAKE_A -> take(queueA, takersA, client);
            case TAKE_B -> take(queueB, takersB, client);
            case READY -> {
                ready.add(client);
                expected += arg;
                if (ready.size() == workers) {
                    count = 0; // the warm-up counted too
                    start = System.nanoTime();
                    ready.forEach(c -> answers.answer(c, 0));
                }
            }
            case DONE -> {
                answers.answer(client, 0);
                if (++done == workers) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    locked.complete(new double[] {expected / seconds, count == expected ? 1 : 0});
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void put(ArrayDeque<Long> queue, ArrayDeque<C> takers, long value, C client) {
        C taker = takers.poll();
        if (taker != null) {
            answers.answer(taker, value);
        } else {
            queue.add(value);
        }
        answers.answer(client, 0);
    }

    private void take(ArrayDeque<Long> queue, ArrayDeque<C> takers, C client) {
        Long value = queue.poll();
        if (value != null) {
            answers.answer(client, value);
        } else {
            takers.add(client);
        }
    }

    /** What a raw workload client does, whatever carries its calls. */
    interface Client {
        /**
         * Makes one call and waits for its answer.
         *
         * @param op what
         * @param arg its argument
         * @return the answer
         * @throws Exception if the server is gone
         */
        long call(byte op, long arg) throws Exception;

        /**
         * Runs one client's role, in its JVM: {@code echo} takes from A and puts on B; {@code
         * queue} makes a warm-up, then times its round trips through the echo and prints {@code
         * RESULT <round trips per second>}; {@code lock} makes a warm-up, says {@code READY},
         * waits for the others, then makes its increments and says {@code DONE}.
         *
         * @param role the role
         * @param count round trips or increments
         * @throws Exception if the server is gone
         */
        default void run(String role, long count) throws Exception {
            switch (role) {
                case "echo" -> {
                    for (long i = 0; i < WARM_UP + count; i++) {
                        call(PUT_B, call(TAKE_A, 0));
                    }
                }
                case "queue" -> {
                    for (int i = 0; i < WARM_UP; i++) {
                        roundTrip(i);
                    }
                    long t = System.nanoTime();
                    for (long i = 0; i < count; i++) {
                        roundTrip(i);
                    }
                    double seconds = (System.nanoTime() - t) / 1e9;
                    System.out.printf(java.util.Locale.ROOT, "RESULT %.1f%n", count / seconds);
                }
                case "lock" -> {
                    for (int i = 0; i < WARM_UP; i++) {
                        increment();
                    }
                    call(READY, count);
                    for (long i = 0; i < count; i++) {
                        increment();
                    }
                    call(DONE, 0);
                }
                default -> throw new IllegalArgumentException("unknown role " + role);
            }
        }

        private void increment() throws Exception {
            call(ACQUIRE, 0);
            call(SET, call(GET, 0) + 1);
            call(RELEASE, 0);
        }

        private void roundTrip(long i) throws Exception {
            call(PUT_A, i);
            call(TAKE_B, 0);
        }
    }
}
