package dev.steward.samples;

import dev.steward.ConnectionLostException;
import dev.steward.ManagedProcess;
import dev.steward.Manager;
import java.util.List;

/**
 * The seed's "Terminating the Manager" (seed 003): a child process calls {@code
 * shared_obj.say_hello()} on a managed {@link Dummy}; the method runs on the node, so the greeting
 * is printed by the node's process (here, this one), not by the child. Then the manager is shut
 * down: Python's {@code manager.shutdown()} is Java's {@link Manager#close()}, after which every
 * call fails with {@link ConnectionLostException}.
 */
final class TerminateManager implements Sample {
    @Override
    public String name() {
        return "terminate";
    }

    @Override
    public String description() {
        return "a child calls sayHello() on a managed Dummy, which prints on the node; then shutdown (seed 003)";
    }

    /** {@code Process(target=shared_obj.say_hello)}: runs in a child JVM. */
    public static final class Caller {
        private Caller() {}

        /**
         * Calls the method, which runs on the node.
         *
         * @param sharedObj a proxy for the node's Dummy
         */
        public static void main(Dummy_Proxy sharedObj) {
            sharedObj.sayHello();
        }
    }

    /**
     * What happened.
     *
     * @param afterShutdown what a call after the shutdown threw
     */
    record Result(RuntimeException afterShutdown) {}

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static Result run(Children children) throws InterruptedException {
        Manager manager = Manager.start(); // manager = BaseManager(); manager.start()
        Dummy_Proxy sharedObj = Dummy_Proxy.create(manager); // shared_obj = manager.Dummy()
        ManagedProcess p = children.spawn(manager, Caller.class, sharedObj);
        children.joinAll(p); // p.start(); p.join()
        manager.close(); // manager.shutdown()
        System.out.println("The manager is shut down.");
        try {
            sharedObj.sayHello();
            return new Result(null);
        } catch (ConnectionLostException | IllegalStateException e) {
            System.out.println("Calls after the shutdown fail: " + e.getClass().getSimpleName());
            return new Result(e);
        }
    }
}
