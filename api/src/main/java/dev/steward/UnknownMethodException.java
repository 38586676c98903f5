package dev.steward;

/**
 * A call named a method that the target object does not expose, or gave it the wrong number of
 * arguments. Usually a sign that the client and the node were built from different versions of a
 * managed class.
 */
public class UnknownMethodException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the object, the method index and what the node expected
     */
    public UnknownMethodException(String message) {
        super(message);
    }
}
