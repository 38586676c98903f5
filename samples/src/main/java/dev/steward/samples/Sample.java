package dev.steward.samples;

import java.util.List;

/** One runnable sample. */
interface Sample {
    /**
     * Names the sample on the command line.
     *
     * @return a short name such as {@code shopping-list}
     */
    String name();

    /**
     * Says what the sample shows.
     *
     * @return one line
     */
    String description();

    /**
     * Runs the sample; output goes to standard output, and child JVMs are started through {@code
     * children}.
     *
     * @param children starts and joins the sample's child JVMs
     * @param args the sample's arguments, if it takes any
     * @throws Exception if it fails
     */
    void run(Children children, List<String> args) throws Exception;

    /**
     * Tells whether {@code Samples all} runs this sample: not those that serve until stopped or that
     * need arguments.
     *
     * @return {@code true} by default
     */
    default boolean partOfAll() {
        return true;
    }
}
