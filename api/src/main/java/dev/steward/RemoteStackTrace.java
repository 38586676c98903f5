package dev.steward;

/**
 * Carries the stack trace of an exception thrown on the node. It is attached as the cause of the
 * exception a proxy throws, so that {@code printStackTrace()} shows the node's frames after the
 * caller's. Its own stack trace is the node's, and its cause is the remote exception's cause, if
 * any.
 */
public final class RemoteStackTrace extends StewardException {
    private static final long serialVersionUID = 1L;
    private final String remoteType;

    /**
     * Creates the carrier.
     *
     * @param remoteType class name of the exception on the node
     * @param remoteMessage its message, or {@code null}
     * @param frames its stack frames on the node
     * @param cause the node-side cause, also as a {@code RemoteStackTrace}, or {@code null}
     */
    public RemoteStackTrace(
            String remoteType, String remoteMessage, StackTraceElement[] frames, RemoteStackTrace cause) {
        super("on the node: " + (remoteMessage == null ? remoteType : remoteType + ": " + remoteMessage), cause);
        this.remoteType = remoteType;
        setStackTrace(frames);
    }

    /**
     * Returns the class name of the exception thrown on the node.
     *
     * @return a binary class name
     */
    public String remoteType() {
        return remoteType;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the frames are the node's, set in the constructor
    }
}
