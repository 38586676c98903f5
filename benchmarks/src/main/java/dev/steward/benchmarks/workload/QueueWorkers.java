package dev.steward.benchmarks.workload;

import dev.steward.SharedEvent;
import dev.steward.SharedMap;
import dev.steward.SharedQueue;

/** The {@code queue_roundtrips_s} workload: an echo JVM and a client JVM. */
public final class QueueWorkers {
    /** What the client puts last: the echo stops when it takes it. */
    static final int STOP = -1;

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
         * @throws InterruptedException if interrupted
         */
        public static void main(SharedQueue<Integer> in, SharedQueue<Integer> out, SharedEvent ready)
                throws InterruptedException {
            ready.set();
            for (int item; (item = in.take()) != STOP; ) {
                out.put(item);
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
            long warm = System.nanoTime();
            WarmUp.report(WarmUp.run(i -> roundTrips(in, out, WarmUp.first(i, rounds), WarmUp.CHUNK)), warm);
            long t = System.nanoTime();
            roundTrips(in, out, 0, rounds);
            results.put("queue_roundtrips_s", rounds / ClientWorker.seconds(t));
            in.put(STOP);
        }

        private static void roundTrips(SharedQueue<Integer> in, SharedQueue<Integer> out, int first, int rounds)
                throws InterruptedException {
            for (int i = first; i < first + rounds; i++) {
                in.put(i);
                out.take();
            }
        }
    }
}
