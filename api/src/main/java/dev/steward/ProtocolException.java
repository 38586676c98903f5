package dev.steward;

/**
 * A peer sent something that is not Steward's protocol: a malformed or oversized frame, an unknown
 * message kind, or an unsupported protocol version. The node answers such input with this error
 * and closes only the offending connection; it keeps serving its other clients.
 */
public class ProtocolException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong with the input
     */
    public ProtocolException(String message) {
        super(message);
    }
}
