package dev.steward.managedtests;

/** A checked exception an exposed method declares. */
public class InsufficientFundsException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates it.
     *
     * @param message what was missing
     */
    public InsufficientFundsException(String message) {
        super(message);
    }
}
