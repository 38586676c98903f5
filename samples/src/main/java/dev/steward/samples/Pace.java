package dev.steward.samples;

/**
 * The seeds' {@code time.sleep(...)}: pauses that let the processes' output interleave visibly.
 * The system property {@value #PROPERTY} scales them (default 1; the tests use 0, so that nothing
 * they check depends on timing). {@link Children} hands the property on to child JVMs.
 */
public final class Pace {
    /** The system property that scales every pause: {@code -Dsteward.samples.pace=0} drops them. */
    public static final String PROPERTY = "steward.samples.pace";

    private Pace() {}

    /**
     * Sleeps like Python's {@code time.sleep(seconds)}, scaled by {@value #PROPERTY}.
     *
     * @param seconds the seed's pause, in seconds
     * @throws InterruptedException if interrupted while sleeping
     */
    public static void sleep(double seconds) throws InterruptedException {
        long millis = Math.round(seconds * factor() * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static double factor() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Math.max(0, Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
