package dev.steward.managedtests;

/** An unchecked exception no client knows how to rebuild. */
public class VaultJammedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates it.
     *
     * @param message what jammed
     */
    public VaultJammedException(String message) {
        super(message);
    }
}
