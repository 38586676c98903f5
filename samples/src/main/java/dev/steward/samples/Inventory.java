package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedBarrier;
import dev.steward.SharedMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * The seed's inventory (seed 003, "Using Managed Dictionaries"): one process adds 3 apples, another
 * 5 bananas, to a shared dictionary of counts.
 *
 * <p><b>The race.</b> The seed counts with {@code inventory["apples"] = inventory.get("apples", 0) +
 * 1}: a read and a write, two calls on the node. If another process writes the same key between
 * them, its update is overwritten and lost. (In the seed each key has one writer, so it happens to
 * come out right; the pattern is still wrong.) The Java form is {@code inventory.merge("apples", 1,
 * Integer::sum)}: it retries an atomic {@code replace(key, old, new)} on the node until its update
 * applies to the value it read, so no increment is lost, whoever else counts the same key.
 *
 * <p>After the seed's work, both children race on one key of a separate map, both ways, so the
 * difference shows without touching the inventory: {@link #RACE_ROUNDS} increments each with the
 * seed's read-then-write form (some are usually lost) and with {@code merge} (none is).
 *
 * <p>Pacing: the seed's {@code time.sleep(0.2)} / {@code time.sleep(0.1)} are kept ({@link Pace});
 * the tests drop them.
 */
final class Inventory implements Sample {
    /** How many times each child increments each racing key. */
    static final int RACE_ROUNDS = 300;

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public String description() {
        return "two child JVMs count fruit in a shared dict; merge() vs the racy get-then-put (seed 003)";
    }

    /**
     * What the sample counted.
     *
     * @param inventory the final inventory
     * @param racy the racing key's count with the seed's read-then-write form
     * @param merged the racing key's count with {@code merge}
     */
    record Result(Map<String, Integer> inventory, int racy, int merged) {}

    /** {@code def add_apples(inventory)}: runs in a child JVM. */
    public static final class AddApples {
        private AddApples() {}

        /**
         * Adds three apples, then races.
         *
         * @param inventory a proxy for the inventory
         * @param race a proxy for the map the children race on
         * @param start a barrier that starts the race in both children at once
         * @throws Exception if interrupted, or the race's barrier breaks
         */
        public static void main(
                SharedMap<String, Integer> inventory, SharedMap<String, Integer> race, SharedBarrier start)
                throws Exception {
            for (int i = 0; i < 3; i++) {
                // Python: inventory["apples"] = inventory.get("apples", 0) + 1  (racy: read, then write)
                int apples = inventory.merge("apples", 1, Integer::sum); // race-free
                System.out.println("Added an apple. Total apples: " + apples);
                Pace.sleep(0.2);
            }
            race(race, start);
        }
    }

    /** {@code def add_bananas(inventory)}: runs in a child JVM. */
    public static final class AddBananas {
        private AddBananas() {}

        /**
         * Adds five bananas, then races.
         *
         * @param inventory a proxy for the inventory
         * @param race a proxy for the map the children race on
         * @param start a barrier that starts the race in both children at once
         * @throws Exception if interrupted, or the race's barrier breaks
         */
        public static void main(
                SharedMap<String, Integer> inventory, SharedMap<String, Integer> race, SharedBarrier start)
                throws Exception {
            for (int i = 0; i < 5; i++) {
                int bananas = inventory.merge("bananas", 1, Integer::sum);
                System.out.println("Added a banana. Total bananas: " + bananas);
                Pace.sleep(0.1);
            }
            race(race, start);
        }
    }

    /** Both children increment the same keys at the same time: the seed's way, and merge. */
    static void race(SharedMap<String, Integer> race, SharedBarrier start)
            throws InterruptedException, BrokenBarrierException {
        try {
            start.await(Duration.ofSeconds(30)); // so that the two children really overlap
        } catch (TimeoutException e) {
            System.out.println("(the other child never came; racing alone)");
        }
        for (int i = 0; i < RACE_ROUNDS; i++) {
            race.put("racy", race.getOrDefault("racy", 0) + 1); // the seed's form: may lose updates
            race.merge("merged", 1, Integer::sum); // never loses one
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static Result run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) {
            SharedMap<String, Integer> inventory = manager.map(); // manager.dict()
            SharedMap<String, Integer> race = manager.map(); // beside the seed: where the children race
            SharedBarrier start = manager.barrier(2);

            ManagedProcess p1 = children.spawn(manager, AddApples.class, inventory, race, start);
            ManagedProcess p2 = children.spawn(manager, AddBananas.class, inventory, race, start);
            children.joinAll(p1, p2);

            System.out.println("\nFinal inventory counts:");
            Map<String, Integer> counts = inventory.snapshot(); // one call: a consistent copy
            counts.forEach((fruit, count) -> System.out.println("- " + fruit + ": " + count));

            int racy = race.getOrDefault("racy", 0);
            int merged = race.getOrDefault("merged", 0);
            System.out.printf(
                    "%nBeside the seed: both children added 1 to one key %d times each, at the same time:%n",
                    RACE_ROUNDS);
            System.out.printf(
                    "- read, then write (inventory[k] = inventory.get(k, 0) + 1): %d of %d%s%n",
                    racy, 2 * RACE_ROUNDS, racy < 2 * RACE_ROUNDS ? "  <- lost updates" : "");
            System.out.printf(
                    "- inventory.merge(k, 1, Integer::sum):                      %d of %d%n", merged, 2 * RACE_ROUNDS);
            return new Result(counts, racy, merged);
        }
    }
}
