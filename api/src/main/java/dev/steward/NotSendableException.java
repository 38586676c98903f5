package dev.steward;

/**
 * A value cannot be sent to or from the node: its type is not one Steward can encode (see the
 * list in {@link Manager.Builder#register(Class...)}), or the encoded message exceeds the frame
 * limit. Thrown on the sender before anything is sent, so nothing on the node changes; the message
 * names the offending type and where it sits in the value (for example {@code argument 0 -> list
 * element 3 -> component 'owner' of record com.example.Pet}).
 */
public class NotSendableException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the offending type, its place in the value, and what to do
     */
    public NotSendableException(String message) {
        super(message);
    }
}
