package dev.steward.benchmarks.workload;

import dev.steward.SharedEvent;
import dev.steward.SharedMap;
import dev.steward.SharedQueue;

/** The {@code queue_roundtrips_s} workload: an echo JVM and a client JVM. */
public final class QueueWorkers {
    /** Round trips both sides make before the clock starts, so the JIT has compiled the path. */
    static final int WARM_UP = 4_000;

    private QueueWorkers() {}

    /** Takes from one queue and puts on the other. */
    public static final class Echo {
        private Echo() {}

        /**
         * Runs in the echo JVM.
         *
         * @param in the queue it takes from
         * @param out the queue it puts on
         * @param ready set once it is running
         * @param rounds how many items to echo
         * @throws InterruptedException if interrupted
         */
        public static void main(SharedQueue<Integer> in, SharedQueue<Integer> out, SharedEvent ready, int rounds)
                throws InterruptedException {
            ready.set();
            for (int i = 0; i < WARM_UP + rounds; i++) {
                out.put(in.take());
            }
        }
    }

    /** Puts on one queue and takes the echo from the other. */
    public static final class Client {
        private Client() {}

        /**
         * Runs in the client JVM.
         *
         * @param results where to write the figure
         * @param in the queue the echo takes from
         * @param out the queue the echo puts on
         * @param ready set by the echo once it runs
         * @param rounds how many round trips
         * @throws InterruptedException if interrupted
         */
        public static void main(
                SharedMap<String, Object> results,
                SharedQueue<Integer> in,
                SharedQueue<Integer> out,
                SharedEvent ready,
                int rounds)
                throws InterruptedException {
            ready.await();
            for (int i = 0; i < WARM_UP; i++) { // before the clock: the JIT compiles the path
                in.put(i);
                out.take();
            }
            long t = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                in.put(i);
                out.take();
            }
            results.put("queue_roundtrips_s", rounds / ClientWorker.seconds(t));
        }
    }
}
