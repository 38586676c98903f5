package dev.steward.runtime;

/**
 * Reads the timing system properties of Steward's runtime and transports ({@code
 * -Dsteward.client.spinMicros=N} and the like): a whole number of microseconds in a range, and a
 * malformed or out-of-range value is refused by name rather than ignored or clamped, so that a
 * mistyped tuning flag does not silently leave the default in place.
 */
public final class TimingProperties {
    private TimingProperties() {}

    /**
     * Reads a system property in microseconds.
     *
     * @param property the property's name
     * @param defaultValue the value when it is unset
     * @param max the largest value allowed
     * @return the value, from 0 to {@code max}
     * @throws IllegalArgumentException if it is set to anything else
     */
    public static long micros(String property, long defaultValue, long max) {
        return micros(property, System.getProperty(property), defaultValue, max);
    }

    /**
     * {@link #micros(String, long, long)} on a given text.
     *
     * @param property the property's name, for the message
     * @param text the property's text, {@code null} when unset
     * @param defaultValue the value when it is unset
     * @param max the largest value allowed
     * @return the value, from 0 to {@code max}
     * @throws IllegalArgumentException if the text is anything else
     */
    public static long micros(String property, String text, long defaultValue, long max) {
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "-D" + property + " must be a whole number of microseconds from 0 to " + max + ", not '" + text + "'");
    }
}
