package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedList;
import java.util.List;

/**
 * The seed's shopping list (seed 003, "Using Managed Lists"): two processes append to one shared
 * list, one fruits, the other vegetables, and the parent prints the result. Each {@code add} is one
 * atomic call on the node, so nothing is lost; the order in which the two processes' items
 * interleave varies from run to run.
 *
 * <p>Pacing: the seed's {@code time.sleep(0.2)} and {@code time.sleep(0.3)} are kept ({@link
 * Pace}), so the two children's lines interleave; the tests drop them.
 */
final class ShoppingList implements Sample {
    @Override
    public String name() {
        return "shopping-list";
    }

    @Override
    public String description() {
        return "two child JVMs add fruits and veggies to one shared list (seed 003, Managed Lists)";
    }

    /** {@code def add_fruits(shopping_list)}: runs in a child JVM. */
    public static final class AddFruits {
        private AddFruits() {}

        /**
         * Adds fruits.
         *
         * @param shoppingList a proxy for the shared list
         * @throws InterruptedException if interrupted while pausing
         */
        public static void main(SharedList<String> shoppingList) throws InterruptedException {
            for (String fruit : List.of("apples", "bananas", "oranges")) {
                shoppingList.add(fruit); // shopping_list.append(fruit)
                System.out.println("Added " + fruit + " to the shopping list.");
                Pace.sleep(0.2);
            }
        }
    }

    /** {@code def add_veggies(shopping_list)}: runs in a child JVM. */
    public static final class AddVeggies {
        private AddVeggies() {}

        /**
         * Adds vegetables.
         *
         * @param shoppingList a proxy for the shared list
         * @throws InterruptedException if interrupted while pausing
         */
        public static void main(SharedList<String> shoppingList) throws InterruptedException {
            for (String veg : List.of("carrots", "lettuce", "tomatoes")) {
                shoppingList.add(veg);
                System.out.println("Added " + veg + " to the shopping list.");
                Pace.sleep(0.3);
            }
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static List<String> run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) { // manager = Manager()
            SharedList<String> shoppingList = manager.list();

            ManagedProcess p1 = children.spawn(manager, AddFruits.class, shoppingList); // p1.start()
            ManagedProcess p2 = children.spawn(manager, AddVeggies.class, shoppingList); // p2.start()
            children.joinAll(p1, p2); // p1.join(); p2.join()

            System.out.println("\nFinal shopping list:");
            for (String item : shoppingList) { // iterates over a snapshot, taken in one call
                System.out.println("- " + item);
            }
            return shoppingList.snapshot();
        }
    }
}
