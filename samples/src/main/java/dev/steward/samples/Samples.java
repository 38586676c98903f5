package dev.steward.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists and runs the samples: {@code Samples} runs the demo, {@code Samples list} lists every
 * sample, {@code Samples NAME} runs one and {@code Samples all} runs them all.
 */
public final class Samples {
    static final List<Sample> ALL = List.of(new Demo());

    private Samples() {}

    /**
     * Runs samples.
     *
     * @param args nothing (the demo), {@code list}, {@code all} or a sample's name
     * @throws Exception if a sample fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, Sample> byName = new LinkedHashMap<>();
        ALL.forEach(s -> byName.put(s.name(), s));
        String which = args.length == 0 ? "demo" : args[0];
        if (which.equals("list")) {
            System.out.println("Samples (run one with: mvn -q -pl samples exec:exec -Dsample=NAME):");
            byName.values().forEach(s -> System.out.printf("  %-22s %s%n", s.name(), s.description()));
            return;
        }
        if (which.equals("all")) {
            for (Sample s : ALL) {
                System.out.println("=== " + s.name() + ": " + s.description());
                s.run();
            }
            return;
        }
        Sample sample = byName.get(which);
        if (sample == null) {
            System.err.println("no sample named '" + which + "'; these exist: " + byName.keySet());
            System.exit(2);
        }
        sample.run();
    }
}
