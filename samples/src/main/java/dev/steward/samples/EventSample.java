package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedEvent;
import java.util.List;

/**
 * The seed's shared Event (seed 000, "Example: Shared Event"): a child prints {@code Waiting for
 * event...}, waits, and prints {@code Event is set!} once the parent sets the event. As in the seed
 * the parent sets it right after starting the child, so the child may find it already set; either
 * way it prints both lines. The waiting happens on the node, not in a node thread.
 */
final class EventSample implements Sample {
    @Override
    public String name() {
        return "event";
    }

    @Override
    public String description() {
        return "a child JVM waits for a shared Event that the parent sets (seed 000, Shared Event)";
    }

    /** {@code def worker(event)}: runs in the child JVM. */
    public static final class Worker {
        private Worker() {}

        /**
         * Waits for the event.
         *
         * @param event a proxy for the parent's event
         * @throws InterruptedException if interrupted while waiting
         */
        public static void main(SharedEvent event) throws InterruptedException {
            System.out.println("Waiting for event...");
            event.await(); // event.wait(): Wait for the event to be set
            System.out.println("Event is set!");
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static boolean run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) {
            SharedEvent event = manager.event(); // manager.Event(): Create a shared Event
            ManagedProcess p = children.spawn(manager, Worker.class, event);
            event.set(); // Set the event
            children.joinAll(p);
            return event.isSet();
        }
    }
}
