package dev.steward;

/** Base class of every exception Steward throws for a failure of its own (not of user code). */
public class StewardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened and, where possible, what to do about it
     */
    public StewardException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened and, where possible, what to do about it
     * @param cause the underlying failure
     */
    public StewardException(String message, Throwable cause) {
        super(message, cause);
    }
}
