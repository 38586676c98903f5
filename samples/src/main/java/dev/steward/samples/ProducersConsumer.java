package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedQueue;
import java.util.List;

/**
 * The seed's queue (seed 003, "Using Managed Queues"): two producer processes put three messages
 * each on a shared queue, and a consumer process takes six. {@code take()} waits on the node while
 * the queue is empty; each message is taken exactly once.
 *
 * <p>Pacing: the seed's {@code time.sleep(0.2)} (producers) and {@code time.sleep(0.3)} (consumer)
 * are kept ({@link Pace}); the tests drop them.
 */
final class ProducersConsumer implements Sample {
    /** How many messages each producer puts. */
    static final int PER_PRODUCER = 3;

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String description() {
        return "two producer JVMs and one consumer JVM share a Queue (seed 003, Managed Queues)";
    }

    /** {@code def producer(name, queue)}: runs in a child JVM. */
    public static final class Producer {
        private Producer() {}

        /**
         * Puts three messages.
         *
         * @param name the producer's name
         * @param queue a proxy for the shared queue
         * @throws InterruptedException if interrupted while putting or pausing
         */
        public static void main(String name, SharedQueue<String> queue) throws InterruptedException {
            for (int i = 0; i < PER_PRODUCER; i++) {
                String message = name + " says hello " + i;
                queue.put(message);
                System.out.println("Produced: " + message);
                Pace.sleep(0.2);
            }
        }
    }

    /** {@code def consumer(queue)}: runs in a child JVM. */
    public static final class Consumer {
        private Consumer() {}

        /**
         * Takes six messages.
         *
         * @param queue a proxy for the shared queue
         * @throws InterruptedException if interrupted while taking or pausing
         */
        public static void main(SharedQueue<String> queue) throws InterruptedException {
            for (int i = 0; i < 2 * PER_PRODUCER; i++) { // Expecting 6 messages total
                String msg = queue.take(); // queue.get(): waits on the node while the queue is empty
                System.out.println("Consumed: " + msg);
                Pace.sleep(0.3);
            }
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static int run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) {
            SharedQueue<String> sharedQueue = manager.queue(); // manager.Queue()

            ManagedProcess p1 = children.spawn(manager, Producer.class, "Producer1", sharedQueue);
            ManagedProcess p2 = children.spawn(manager, Producer.class, "Producer2", sharedQueue);
            ManagedProcess c = children.spawn(manager, Consumer.class, sharedQueue);
            children.joinAll(p1, p2, c);

            int left = sharedQueue.size();
            System.out.println("\nAll processes joined; messages left in the queue: " + left);
            return left;
        }
    }
}
