package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.SharedMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's shared dictionary (seed 000, "Example: Shared Dictionary"): a child process writes
 * {@code shared_dict["key"] = "value"}, and the parent prints the dictionary after {@code join()}.
 * Python prints {@code {'key': 'value'}}, Java {@code {key=value}}.
 */
final class SharedDict implements Sample {
    @Override
    public String name() {
        return "shared-dict";
    }

    @Override
    public String description() {
        return "a child JVM writes shared_dict[\"key\"] = \"value\" (seed 000, Shared Dictionary)";
    }

    /** {@code def worker(shared_dict)}: runs in the child JVM. */
    public static final class Worker {
        private Worker() {}

        /**
         * Updates the shared dictionary.
         *
         * @param sharedDict a proxy for the parent's map
         */
        public static void main(SharedMap<String, String> sharedDict) {
            sharedDict.put("key", "value"); // shared_dict["key"] = "value"
        }
    }

    @Override
    public void run(Children children, List<String> args) throws InterruptedException {
        run(children);
    }

    static Map<String, String> run(Children children) throws InterruptedException {
        try (Manager manager = Manager.start()) {
            SharedMap<String, String> sharedDict = manager.map(); // Create a shared dictionary
            ManagedProcess p = children.spawn(manager, Worker.class, sharedDict); // Process(...).start()
            children.joinAll(p); // p.join()
            System.out.println(sharedDict); // Output: {key=value}
            return sharedDict.snapshot();
        }
    }
}
