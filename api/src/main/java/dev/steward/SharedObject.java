package dev.steward;

/**
 * A proxy for an object that lives on a manager node. Every method of a shared type is a call to
 * the node; the proxy holds no state of its own beyond the object's id.
 *
 * <p><b>References.</b> A proxy holds one reference to its object on the node. The node frees an
 * object once no proxy in any process refers to it, no shared container holds it and no name
 * publishes it. A proxy lets go of its reference when it is {@linkplain #close() closed}, when it
 * becomes unreachable and is garbage-collected, or when its process's connection ends (including
 * when the process dies). Within one process, all proxies decoded for the same object are the same
 * instance while it is reachable.
 *
 * <p><b>Sending.</b> A proxy passed as an argument, stored in a {@link SharedList} or {@link
 * SharedMap}, or handed to a {@linkplain Manager#spawn spawned process} travels as a reference: the
 * receiver gets a working proxy for the same object, never a copy.
 *
 * <p><b>Threads.</b> Proxies are thread-safe; all the proxies of one process share one
 * multiplexed connection per node.
 */
public interface SharedObject extends AutoCloseable {
    /**
     * Returns the id of the object on its node. Ids are never reused within a node's lifetime.
     *
     * @return the object id
     */
    long objectId();

    /**
     * Returns the name of the object's type on the node, such as {@code steward.list} or the class
     * name of a {@code @Managed} class.
     *
     * @return the type name
     */
    String typeName();

    /**
     * Releases this process's reference to the object. Later calls through this proxy throw {@link
     * IllegalStateException}. Closing twice does nothing.
     */
    @Override
    void close();

    /**
     * Tells whether this proxy was closed, or its connection to the node is gone.
     *
     * @return {@code true} once calls through this proxy can no longer succeed
     */
    boolean isClosed();
}
