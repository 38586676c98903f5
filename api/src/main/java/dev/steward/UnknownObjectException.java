package dev.steward;

/**
 * The node has no object with the id a call named: it was freed (every reference to it was
 * released) or never existed. Ids are never reused, so a stale proxy can not reach another object.
 */
public class UnknownObjectException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the object id and what happened to it
     */
    public UnknownObjectException(String message) {
        super(message);
    }
}
