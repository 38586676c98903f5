package dev.steward;

/**
 * The connection to the manager node is gone: the node was closed or killed, the network failed,
 * or the node closed this client's connection because of a protocol violation. Calls that were
 * waiting fail with this exception at once, and so does every later call through the same
 * connection; nothing hangs.
 */
public class ConnectionLostException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which node was lost and why
     */
    public ConnectionLostException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the transport's own failure as the cause.
     *
     * @param message which node was lost and why
     * @param cause the transport's failure
     */
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
