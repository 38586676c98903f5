package dev.steward.managedtests;

/** A checked exception of the third-party class. */
public class ScaleException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates it.
     *
     * @param message the message
     */
    public ScaleException(String message) {
        super(message);
    }
}
