package dev.steward.runtime.codec;

/**
 * How one side of a connection turns shared objects into {@link Ref}s and back. The client maps
 * proxies; the node maps the objects it hosts and counts the references it hands out.
 */
public interface References {
    /**
     * Returns the reference to send for a value, or {@code null} if the value is not a shared
     * object. Called while encoding; may count the reference as handed out.
     *
     * @param value a value being encoded
     * @return its reference, or {@code null}
     * @throws dev.steward.NotSendableException if it is a shared object that cannot travel here
     */
    Ref refOf(Object value);

    /**
     * Turns a received reference into a local value (a proxy, or the node's own handle).
     *
     * @param ref the reference
     * @return the value to put in its place
     */
    Object resolve(Ref ref);

    /** A side that sends and receives no shared objects. */
    References NONE = new References() {
        @Override
        public Ref refOf(Object value) {
            return null;
        }

        @Override
        public Object resolve(Ref ref) {
            throw new dev.steward.ProtocolException("a shared-object reference is not allowed here: " + ref);
        }
    };
}
