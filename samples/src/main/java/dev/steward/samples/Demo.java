package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import java.util.List;

/**
 * The demo: an embedded node on the default transport, and two child JVMs that fill a shared
 * shopping list and count into a shared map and counter, without losing an update.
 */
final class Demo implements Sample {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "an embedded node and two child JVMs sharing a list, a map and a counter";
    }

    /** What each child JVM runs. */
    public static final class Shopper {
        private Shopper() {}

        /**
         * Adds items and counts them.
         *
         * @param list the shared shopping list
         * @param counts the shared counts per shopper
         * @param total the shared total
         * @param who this shopper's name
         * @param items what to add
         */
        public static void main(
                SharedList<String> list,
                SharedMap<String, Integer> counts,
                SharedLong total,
                String who,
                String items) {
            for (String item : items.split(",")) {
                list.add(item);
                counts.merge(who, 1, Integer::sum); // atomic on the node: no update is lost
                total.incrementAndGet();
                System.out.println(
                        "  [" + who + ", pid " + ProcessHandle.current().pid() + "] added " + item);
            }
        }
    }

    @Override
    public void run(Children children, List<String> args) throws Exception {
        long start = System.nanoTime();
        try (Manager manager = Manager.start()) {
            System.out.printf(
                    "Node started at %s in %.0f ms (pid %d)%n",
                    manager.address(),
                    (System.nanoTime() - start) / 1e6,
                    ProcessHandle.current().pid());
            SharedList<String> list = manager.list();
            SharedMap<String, Integer> counts = manager.map();
            SharedLong total = manager.longValue(0);
            ManagedProcess fruit =
                    children.spawn(manager, Shopper.class, list, counts, total, "fruit", "apples,bananas,oranges");
            ManagedProcess veg =
                    children.spawn(manager, Shopper.class, list, counts, total, "veg", "carrots,lettuce,tomatoes");
            if (fruit.join() != 0 || veg.join() != 0) {
                throw new IllegalStateException("a child JVM failed");
            }
            System.out.println("Shopping list: " + list);
            System.out.println("Counts:        " + counts);
            System.out.println("Total:         " + total.get());
            System.out.println("Node status:   " + manager.nodeStatus());
        }
    }
}
