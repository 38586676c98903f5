package dev.steward;

/**
 * No transport on the class path can serve or reach the requested address. Transports are chosen
 * by module inclusion: add {@code dev.steward:steward-transport-netty} (TCP) or {@code
 * dev.steward:steward-transport-aeron} (shared-memory IPC and UDP) to the application's
 * dependencies.
 */
public class NoTransportException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the address or scheme that had no transport, and the modules to add
     */
    public NoTransportException(String message) {
        super(message);
    }
}
