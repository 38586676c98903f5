package dev.steward.samples;

import dev.steward.ConnectionLostException;
import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedList;
import java.util.List;

/**
 * The seed's context-manager form (seed 003, "Terminating the Manager", from Python 3.8 on):
 *
 * <pre>
 * with Manager() as manager:
 *     shared_list = manager.list()
 *     p = Process(target=worker, args=(shared_list,))
 *     p.start(); p.join()
 *     print(shared_list)
 * </pre>
 *
 * <p>In Java, {@code Manager} is {@code AutoCloseable}: try-with-resources starts the node and stops
 * it when the block ends, even on an exception. After the block, every proxy of the node fails
 * with {@link ConnectionLostException}; the sample shows that too.
 */
final class TryWithResources implements Sample {
    @Override
    public String name() {
        return "try-with-resources";
    }

    @Override
    public String description() {
        return "with Manager() as manager as try-with-resources; a child JVM appends 'task done' (seed 003)";
    }

    /**
     * What the sample saw.
     *
     * @param list the list's contents inside the block
     * @param afterClose what using the list after the block threw
     */
    record Result(List<String> list, RuntimeException afterClose) {}

    /** {@code def worker(shared_list)}: runs in the child JVM. */
    public static final class Worker {
        private Worker() {}

        /**
         * Appends to the list.
         *
         * @param sharedList a proxy for the parent's list
         */
        public static void main(SharedList<String> sharedList) {
            sharedList.add("task done"); // shared_list.append('task done')
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static Result run(Children children) throws InterruptedException {
        SharedList<String> sharedList;
        List<String> contents;
        try (Manager manager = Manager.start()) { // with Manager() as manager:
            sharedList = manager.list();
            ManagedProcess p = children.spawn(manager, Worker.class, sharedList);
            children.joinAll(p);
            System.out.println(sharedList); // [task done]
            contents = sharedList.snapshot();
        } // the node stops here

        RuntimeException afterClose = null;
        try {
            sharedList.size();
            System.out.println("The list still answers after the block?!");
        } catch (ConnectionLostException | IllegalStateException e) {
            afterClose = e;
            System.out.println(
                    "After the block the node is gone: " + e.getClass().getSimpleName());
        }
        return new Result(contents, afterClose);
    }
}
