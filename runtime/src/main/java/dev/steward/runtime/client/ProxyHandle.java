package dev.steward.runtime.client;

import dev.steward.runtime.codec.Ref;
import java.lang.ref.Cleaner;
import java.util.concurrent.CompletableFuture;

/**
 * What a proxy knows of its object: the connection, the id and type, and how many references the
 * node handed this process for it. The count goes back to the node in one RELEASE when the proxy is
 * closed or collected.
 */
public final class ProxyHandle {
    private final ClientConnection connection;
    private final Ref ref;
    private final WaitHistory waits = new WaitHistory();
    private int received;
    private boolean closed;
    private Cleaner.Cleanable cleanable;

    ProxyHandle(ClientConnection connection, Ref ref) {
        this.connection = connection;
        this.ref = ref;
        this.received = 1;
    }

    /**
     * Returns the connection.
     *
     * @return the connection this proxy calls through
     */
    public ClientConnection connection() {
        return connection;
    }

    /**
     * Returns the object's reference.
     *
     * @return the id and type
     */
    public Ref ref() {
        return ref;
    }

    /**
     * Returns the object id.
     *
     * @return the id
     */
    public long objectId() {
        return ref.objectId();
    }

    /**
     * Returns the type name.
     *
     * @return the type name
     */
    public String typeName() {
        return ref.typeName();
    }

    synchronized boolean addReceived() {
        if (closed) {
            return false;
        }
        received++;
        return true;
    }

    void cleanable(Cleaner.Cleanable c) {
        this.cleanable = c;
    }

    /** Runs once: from {@link #close()}, or from the cleaner when the proxy is collected. */
    void releaseAll() {
        int n;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            n = received;
            received = 0;
        }
        connection.proxies().forget(this);
        if (n > 0) {
            connection.release(ref.objectId(), n);
        }
    }

    /** Releases this process's references now. */
    public void close() {
        Cleaner.Cleanable c = cleanable;
        if (c != null) {
            c.clean();
        } else {
            releaseAll();
        }
    }

    /**
     * Tells whether the proxy is unusable.
     *
     * @return {@code true} if closed, or its connection is
     */
    public boolean isClosed() {
        synchronized (this) {
            if (closed) {
                return true;
            }
        }
        return connection.isClosed();
    }

    /**
     * Calls a method on the object and waits.
     *
     * @param method the method index
     * @param name the method name, for errors
     * @param args the arguments
     * @return the result
     */
    public Object call(int method, String name, Object... args) {
        checkOpen(name);
        return connection.callSync(ref.objectId(), method, name, args);
    }

    /**
     * Calls a method on the object.
     *
     * @param method the method index
     * @param name the method name, for errors
     * @param args the arguments
     * @return completes with the result
     */
    public CompletableFuture<Object> callAsync(int method, String name, Object... args) {
        checkOpen(name);
        return connection.call(ref.objectId(), method, name, args);
    }

    /**
     * Calls a method that may wait on the node for a while (a lock, say), without being
     * interruptible: like {@link #call}, but the caller looks for its answer before parking only
     * while this method's answers have come quickly lately ({@link WaitHistory}).
     *
     * @param method the method index
     * @param name the method name, for errors
     * @param args the arguments
     * @return the result
     */
    public Object callWaiting(int method, String name, Object... args) {
        checkOpen(name);
        long start = System.nanoTime();
        ClientConnection.Pending f = sendAndWatch(method, name, args);
        try {
            return ClientConnection.join(f);
        } finally {
            waits.record(method, System.nanoTime() - start);
        }
    }

    /**
     * Sends a call that may wait on the node and waits for its answer the cheapest way the
     * transport allows (a look first, while this method's answers came quickly lately, then asleep
     * on the connection), stopping early at an interrupt.
     */
    private ClientConnection.Pending sendAndWatch(int method, String name, Object... args) {
        connection.refuseWhileDelivering(name);
        ClientConnection.Pending f = connection.callAwaited(ref.objectId(), method, name, args);
        if (waits.worthLooking(method)) {
            ClientConnection.spinBriefly(f); // many waits on one host end within microseconds
        }
        ClientConnection.waitReading(f);
        return f;
    }

    /**
     * Calls a method that may wait on the node, so that an interrupt of the calling thread cancels
     * the waiter. If the node granted the call at the moment the cancel was sent, {@code onRace}
     * decides: it undoes the grant (and throws {@link InterruptedException}) or returns the result.
     *
     * @param method the method index
     * @param name the method name, for errors
     * @param onRace what to do with a result that arrived although the call was cancelled
     * @param args the arguments
     * @return the result
     * @throws InterruptedException if interrupted before or while waiting
     */
    public Object callInterruptibly(int method, String name, RaceHandler onRace, Object... args)
            throws InterruptedException {
        checkOpen(name);
        if (Thread.interrupted()) {
            throw new InterruptedException(name + " was called by an interrupted thread");
        }
        long start = System.nanoTime();
        ClientConnection.Pending f = sendAndWatch(method, name, args); // an interrupt: f.get() throws
        try {
            Object result = f.get();
            waits.record(method, System.nanoTime() - start);
            return result;
        } catch (java.util.concurrent.ExecutionException e) {
            throw ClientConnection.rethrow(e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedException(name + " was cancelled");
        } catch (InterruptedException interrupted) {
            connection.cancel(f.requestId());
            Object result;
            try {
                result = ClientConnection.await(f);
            } catch (java.util.concurrent.CancellationException cancelled) {
                throw interrupted; // the waiter was withdrawn on the node: nothing was granted
            } catch (RuntimeException failed) {
                Thread.currentThread().interrupt(); // the call failed otherwise: keep the interrupt
                throw failed;
            }
            return onRace.granted(result, interrupted);
        }
    }

    /** Decides what a grant that raced with a cancel becomes. */
    @FunctionalInterface
    public interface RaceHandler {
        /**
         * The node granted a call the client had cancelled.
         *
         * @param result what the node answered
         * @param interrupt the interrupt that cancelled it
         * @return the result to return (the thread's interrupt status is set again)
         * @throws InterruptedException after undoing the grant
         */
        Object granted(Object result, InterruptedException interrupt) throws InterruptedException;

        /** Keeps the grant: return the result, with the thread's interrupt status set. */
        RaceHandler KEEP = (result, interrupt) -> {
            Thread.currentThread().interrupt();
            return result;
        };
    }

    private void checkOpen(String name) {
        boolean isClosed;
        synchronized (this) {
            isClosed = closed;
        }
        if (isClosed) {
            throw new IllegalStateException("cannot call " + name + ": this proxy of " + ref.typeName() + " #"
                    + ref.objectId() + " was closed");
        }
    }

    @Override
    public String toString() {
        return ref.typeName() + "#" + ref.objectId();
    }
}
