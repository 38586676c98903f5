package dev.steward.samples;

import dev.steward.Manager;
import dev.steward.SharedList;
import java.util.List;

/**
 * The seed's set-up (seed 003, "Setting Up"):
 *
 * <pre>
 * manager = Manager()
 * shared_list = manager.list()
 * print("Manager and shared list are ready to use!")
 * </pre>
 *
 * <p>Without {@code with}, Python shuts the manager down when the program ends. A Java program
 * closes it itself ({@code manager.close()}, here in {@code finally}); until then the node runs in
 * this JVM and other processes can use its objects.
 */
final class SetUp implements Sample {
    @Override
    public String name() {
        return "setup";
    }

    @Override
    public String description() {
        return "manager = Manager(); shared_list = manager.list() without a with block (seed 003, Setting Up)";
    }

    @Override
    public void run(Children children, List<String> args) {
        run();
    }

    static List<String> run() {
        Manager manager = Manager.start(); // manager = Manager()
        try {
            // Example: Create a shared list using the manager
            SharedList<String> sharedList = manager.list(); // shared_list = manager.list()
            System.out.println("Manager and shared list are ready to use!");
            return sharedList.snapshot();
        } finally {
            manager.close(); // Python does this at exit; Java says so
        }
    }
}
