package dev.steward.samples;

import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's basic syntax:
 *
 * <pre>
 * with Manager() as manager:
 *     shared_list = manager.list()  # Create a shared list
 *     shared_dict = manager.dict()  # Create a shared dictionary
 * </pre>
 *
 * <p>Python's {@code with} is Java's try-with-resources: leaving the block closes the manager and
 * stops its node. The seed stops there; this sample also puts one entry in each, to show that they
 * work like a {@code List} and a {@code Map}.
 */
final class BasicSyntax implements Sample {
    @Override
    public String name() {
        return "basic-syntax";
    }

    @Override
    public String description() {
        return "with Manager() as manager: a shared list and a shared dict (seed 000, Basic Syntax)";
    }

    /**
     * What the sample made.
     *
     * @param list the shared list's contents
     * @param dict the shared dict's contents
     */
    record Result(List<String> list, Map<String, String> dict) {}

    @Override
    public void run(Children children, List<String> args) {
        run();
    }

    static Result run() {
        try (Manager manager = Manager.start()) { // with Manager() as manager:
            SharedList<String> sharedList = manager.list(); // shared_list = manager.list()
            SharedMap<String, String> sharedDict = manager.map(); // shared_dict = manager.dict()
            System.out.println("shared_list = " + sharedList + ", shared_dict = " + sharedDict);

            sharedList.add("apples"); // shared_list.append("apples")
            sharedDict.put("greeting", "hello"); // shared_dict["greeting"] = "hello"
            System.out.println("shared_list = " + sharedList + ", shared_dict = " + sharedDict);
            return new Result(sharedList.snapshot(), sharedDict.snapshot());
        } // the manager shuts down here, as at the end of Python's with block
    }
}
