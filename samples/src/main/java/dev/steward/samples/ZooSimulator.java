package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.SharedList;
import dev.steward.SharedMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's Zoo simulator (seed 003, "Full Example"): two processes add animals to a shared list,
 * count them by kind in a shared dictionary and count them all in a shared namespace. Both groups
 * bring a lion, so the end is lion=2, tiger=1, elephant=1, giraffe=1, zebra=1, and 6 in all.
 *
 * <p><b>The races.</b> The seed counts with
 *
 * <pre>
 * if animal in zoo_counts:
 *     zoo_counts[animal] += 1      # a read, then a write
 * else:
 *     zoo_counts[animal] = 1       # overwrites a count the other process just created
 * zoo_stats.total_animals += 1     # a read, then a write
 * </pre>
 *
 * <p>Each line is several calls on the node, and both processes add a lion: if both test {@code
 * "lion" in zoo_counts} before either writes, one lion is lost, and a {@code +=} on the total can
 * lose an animal the same way. The Java forms are single atomic operations: {@code
 * zooCounts.merge(animal, 1, Integer::sum)} and {@code zooStats.addAndGet("total_animals", 1)}.
 *
 * <p>Pacing: the seed's {@code time.sleep(0.3)} is kept ({@link Pace}); the tests drop it.
 */
final class ZooSimulator implements Sample {
    @Override
    public String name() {
        return "zoo";
    }

    @Override
    public String description() {
        return "two child JVMs fill a shared list, dict and Namespace with animals (seed 003, Full Example)";
    }

    /**
     * The zoo at the end.
     *
     * @param animals the list of animals, in arrival order
     * @param counts the count per kind
     * @param total the namespace's total
     */
    record Result(List<String> animals, Map<String, Integer> counts, int total) {}

    /** {@code def add_animals(zoo_list, zoo_counts, zoo_stats, animals)}: runs in a child JVM. */
    public static final class AddAnimals {
        private AddAnimals() {}

        /**
         * Brings animals to the zoo.
         *
         * @param zooList a proxy for the list of animals
         * @param zooCounts a proxy for the counts per kind
         * @param zooStats a proxy for the zoo's stats
         * @param animals the animals this process brings
         * @throws InterruptedException if interrupted while pausing
         */
        public static void main(
                SharedList<String> zooList,
                SharedMap<String, Integer> zooCounts,
                Namespace zooStats,
                List<String> animals)
                throws InterruptedException {
            for (String animal : animals) {
                // Add animal to the shared list
                zooList.add(animal);

                // Update count for the animal in the shared dictionary: atomically, where the
                // seed's `if animal in zoo_counts: ... += 1 else: ... = 1` can lose a lion
                zooCounts.merge(animal, 1, Integer::sum);

                // Update total animals count in namespace: atomically, where `+= 1` can lose one
                long total = zooStats.addAndGet("total_animals", 1);

                System.out.println("Added " + animal + ". Total animals now: " + total);
                Pace.sleep(0.3);
            }
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static Result run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) { // with Manager() as manager:
            SharedList<String> zooList = manager.list(); // Managed list to hold animal names
            SharedMap<String, Integer> zooCounts = manager.map(); // Managed dictionary to count each type
            Namespace zooStats = manager.namespace(); // Managed namespace for zoo stats
            zooStats.set("total_animals", 0);

            // Two groups of animals arriving at the zoo
            List<String> animalsGroup1 = List.of("lion", "tiger", "elephant");
            List<String> animalsGroup2 = List.of("giraffe", "lion", "zebra");

            ManagedProcess p1 = children.spawn(manager, AddAnimals.class, zooList, zooCounts, zooStats, animalsGroup1);
            ManagedProcess p2 = children.spawn(manager, AddAnimals.class, zooList, zooCounts, zooStats, animalsGroup2);
            children.joinAll(p1, p2);

            List<String> animals = zooList.snapshot();
            Map<String, Integer> counts = zooCounts.snapshot();
            int total = zooStats.get("total_animals");
            System.out.println("\nFinal Zoo List: " + animals);
            System.out.println("Final Zoo Counts: " + counts);
            System.out.println("Total Animals in Zoo: " + total);
            return new Result(animals, counts, total);
        }
    }
}
