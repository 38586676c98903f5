package dev.steward.benchmarks.workload;

import dev.steward.Manager;
import dev.steward.SharedMap;

/**
 * The {@code start_to_first_call_ms} workload, in a fresh JVM: from asking for a manager (an
 * embedded node) to the answer of the first call, as Python's {@code Manager()} then {@code
 * d["warm"] = 1}.
 */
public final class StartupProbe {
    private StartupProbe() {}

    /**
     * Runs in a fresh JVM and prints {@code RESULT <milliseconds>}.
     *
     * @param args the address to start the node on ({@code default} for none: {@code
     *     Manager.start()}'s default transport, whose listener comes up in the background), then
     *     option key=value pairs
     */
    public static void main(String[] args) {
        long t = System.nanoTime();
        Manager.Builder b = Manager.builder();
        if (!args[0].equals("default")) {
            b.address(args[0]); // an explicit address: start() returns once the node listens
        }
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            b.option(kv[0], kv[1]);
        }
        try (Manager m = b.start()) {
            SharedMap<String, Integer> d = m.map();
            d.put("warm", 1);
            System.out.println("RESULT " + (System.nanoTime() - t) / 1e6);
        }
    }
}
