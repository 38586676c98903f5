package dev.steward.samples;

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
     * Runs the sample; output goes to standard output.
     *
     * @throws Exception if it fails
     */
    void run() throws Exception;
}
