package dev.steward.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists and runs the samples: {@code Samples} runs the demo, {@code Samples list} lists every
 * sample, {@code Samples NAME [ARGS...]} runs one and {@code Samples all} runs them all (except the
 * remote server and client, which run until stopped or need arguments).
 *
 * <p>With Maven: {@code mvn -q -pl samples exec:exec -Dsample=NAME}, and {@code -Dsample.args="..."}
 * for a sample's arguments.
 */
public final class Samples {
    static final List<Sample> ALL = List.of(
            new Demo(),
            new BasicSyntax(),
            new SharedDict(),
            new EventSample(),
            new SetUp(),
            new ShoppingList(),
            new Inventory(),
            new PlayerStats(),
            new ProducersConsumer(),
            new CustomCounter(),
            new TerminateManager(),
            new TryWithResources(),
            new ZooSimulator(),
            new GuiceSample(),
            new RemoteSample(),
            new MainSample(
                    "remote-server",
                    "a standalone node that serves until Ctrl-C; args: [ADDRESS], key in STEWARD_AUTHKEY",
                    RemoteNodeServer::main),
            new MainSample(
                    "remote-client",
                    "a client of remote-server; args: ADDRESS [put MESSAGE... | take N], key in STEWARD_AUTHKEY",
                    RemoteClient::main));

    private Samples() {}

    /**
     * Runs samples.
     *
     * @param args nothing (the demo), {@code list}, {@code all}, or a sample's name and its
     *     arguments
     * @throws Exception if a sample fails
     */
    public static void main(String[] args) throws Exception {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs samples, with the standard children (their output goes to this JVM's).
     *
     * @param args as for {@link #main}
     * @return the exit code: 0, or 2 for an unknown sample
     * @throws Exception if a sample fails
     */
    static int run(String[] args) throws Exception {
        try (Children children = new Children()) {
            return run(children, args);
        }
    }

    static int run(Children children, String[] args) throws Exception {
        // Maven passes an empty -Dsample.args as "", and a non-empty one as a single argument
        List<String> words = new ArrayList<>();
        for (String a : args) {
            for (String w : a.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        Map<String, Sample> byName = new LinkedHashMap<>();
        ALL.forEach(s -> byName.put(s.name(), s));
        String which = words.isEmpty() ? "demo" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        if (which.equals("list")) {
            System.out.println("Samples (run one with: mvn -q -pl samples exec:exec -Dsample=NAME):");
            byName.values().forEach(s -> System.out.printf("  %-20s %s%n", s.name(), s.description()));
            System.out.printf("  %-20s %s%n", "all", "every sample above but remote-server and remote-client");
            return 0;
        }
        if (which.equals("all")) {
            for (Sample s : ALL) {
                if (s.partOfAll()) {
                    System.out.println("\n=== " + s.name() + ": " + s.description());
                    s.run(children, List.of());
                }
            }
            return 0;
        }
        Sample sample = byName.get(which);
        if (sample == null) {
            System.err.println("no sample named '" + which + "'; these exist: " + byName.keySet() + " and all");
            return 2;
        }
        sample.run(children, rest);
        return 0;
    }

    /** A sample that is a class's {@code main(String[])}, such as the remote server. */
    private static final class MainSample implements Sample {
        /** A {@code main(String[])} method. */
        interface Main {
            void main(String[] args) throws Exception;
        }

        private final String name;
        private final String description;
        private final Main main;

        MainSample(String name, String description, Main main) {
            this.name = name;
            this.description = description;
            this.main = main;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public void run(Children children, List<String> args) throws Exception {
            main.main(args.toArray(new String[0]));
        }

        @Override
        public boolean partOfAll() {
            return false;
        }
    }
}
