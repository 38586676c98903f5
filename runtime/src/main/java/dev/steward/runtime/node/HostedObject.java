package dev.steward.runtime.node;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An object that lives on the node. It counts references: one per hold of a client session (each
 * reference sent to that client), one per place in a shared container that stores it, one per
 * published name, and a temporary one while a call that mentions it is running. At zero the node
 * frees it; ids are never reused.
 */
public abstract class HostedObject {
    private final AtomicInteger refs = new AtomicInteger(1);
    private Node node;
    private long id;

    /**
     * Returns the node's name for this object's type.
     *
     * @return the type name
     */
    public abstract String typeName();

    /**
     * Runs a call on this object and answers it (now, or later for a call that waits).
     *
     * @param call the call; its arguments are decoded already
     */
    public abstract void invoke(Call call);

    /**
     * Tells how arguments for this object are decoded: built-in containers keep unknown records
     * and enums opaque; user classes need real values.
     *
     * @return {@code true} to keep unknown types opaque
     */
    public boolean opaqueValues() {
        return true;
    }

    /** Called once when the node frees this object: let go of everything it holds. */
    protected void onFree() {}

    /**
     * Returns this object's id on its node.
     *
     * @return the id, or 0 before it is hosted
     */
    public final long id() {
        return id;
    }

    /**
     * Returns the node that hosts this object.
     *
     * @return the node
     */
    protected final Node node() {
        return node;
    }

    final void host(Node owner, long objectId) {
        this.node = owner;
        this.id = objectId;
    }

    /**
     * Adds a reference unless the object is already freed.
     *
     * @return {@code false} if it was freed
     */
    final boolean retain() {
        for (; ; ) {
            int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * Drops references; at zero, the node frees the object.
     *
     * @param count how many
     */
    final void release(int count) {
        int left = refs.addAndGet(-count);
        if (left == 0) {
            node.free(this);
        } else if (left < 0) {
            throw new IllegalStateException("object " + id + " released more often than retained");
        }
    }

    final int refCount() {
        return refs.get();
    }

    @Override
    public String toString() {
        return typeName() + "#" + id;
    }
}
