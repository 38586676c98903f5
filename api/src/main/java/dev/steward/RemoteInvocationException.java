package dev.steward;

/**
 * A method failed on the node with an exception that has no local equivalent. The remote
 * exception's type name and message are kept, and its stack trace on the node is attached as the
 * {@linkplain #getCause() cause} (a {@link RemoteStackTrace}), so a printed stack trace shows both
 * where the call was made and where it failed.
 *
 * <p>Well-known JDK exceptions (such as {@link IndexOutOfBoundsException}, {@link
 * IllegalArgumentException}, {@link IllegalStateException}, {@link
 * java.util.NoSuchElementException}) are rethrown as themselves instead, so the shared collections
 * keep their {@code java.util} contracts; their cause is the node's {@link RemoteStackTrace} too.
 */
public class RemoteInvocationException extends StewardException {
    private static final long serialVersionUID = 1L;
    private final String remoteType;
    private final String remoteMessage;

    /**
     * Creates the exception.
     *
     * @param remoteType the binary class name of the exception thrown on the node
     * @param remoteMessage its message, or {@code null}
     * @param nodeTrace its stack trace on the node
     */
    public RemoteInvocationException(String remoteType, String remoteMessage, RemoteStackTrace nodeTrace) {
        super(remoteMessage == null ? remoteType : remoteType + ": " + remoteMessage, nodeTrace);
        this.remoteType = remoteType;
        this.remoteMessage = remoteMessage;
    }

    /**
     * Returns the class name of the exception thrown on the node.
     *
     * @return a binary class name such as {@code com.example.OutOfStockException}
     */
    public String remoteType() {
        return remoteType;
    }

    /**
     * Returns the message of the exception thrown on the node.
     *
     * @return the message, or {@code null} if it had none
     */
    public String remoteMessage() {
        return remoteMessage;
    }
}
