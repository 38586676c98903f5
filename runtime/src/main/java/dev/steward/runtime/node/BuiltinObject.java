package dev.steward.runtime.node;

import dev.steward.runtime.codec.CodecPool;
import dev.steward.runtime.codec.Encoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A built-in shared type. Its methods are cheap and never block, so they run inline on the
 * transport thread that decoded the call, under the object's monitor; the result is encoded under
 * the monitor too (so it is a consistent snapshot) and sent after the monitor is released.
 *
 * <p>A method that must wait (a take on an empty queue, a lock held by another) parks its call as a
 * {@link Waiter} and returns {@link #PENDING}; no thread waits. A later call, the node's timer, a
 * cancel from the client or the end of a session answers it through {@link #unpark}. Answers made
 * under the monitor are encoded there and sent once it is released.
 */
abstract class BuiltinObject extends HostedObject {
    /**
     * A parked call answered after this long goes out through {@link Session#sendToWaiter}: its
     * client has probably stopped polling for it (clients poll for about 50 µs, and their transport
     * thread a while longer) and parked.
     */
    static final long LONG_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(600);

    /** What {@link #apply} returns for a call that was parked and will be answered later. */
    protected static final Object PENDING = new Object();

    /** Set once a stored value held a reference, so removals know whether to look for them. */
    protected boolean mayHoldRefs;

    /** Values removed by the running call; their references are dropped after it is answered. */
    private List<Object> drops;

    /** Answers to parked calls, encoded under the monitor and sent after it. */
    private List<Outgoing> outbox;

    /**
     * Runs a method; called with the monitor held.
     *
     * @param call the call
     * @return the result, or {@link #PENDING} if the call was parked
     */
    protected abstract Object apply(Call call);

    /**
     * Takes out the whole contents, whose references are then dropped; called once, when the object
     * is freed, with the monitor held.
     *
     * @return the contents
     */
    protected abstract List<Object> takeContents();

    @Override
    public final void invoke(Call call) {
        Session session = call.session();
        Encoder enc = CodecPool.encoder();
        List<Object> dropped = null;
        List<Outgoing> answers = null;
        boolean parked = false;
        try {
            ByteBuffer frame = null;
            synchronized (this) {
                try {
                    Object result = apply(call);
                    if (result == PENDING) {
                        parked = true;
                    } else {
                        frame = session.encodeResult(enc, call.requestId(), result);
                    }
                } finally {
                    dropped = drops;
                    drops = null;
                    answers = outbox;
                    outbox = null;
                }
            }
            if (frame != null) {
                session.send(frame);
            }
        } catch (RuntimeException e) {
            session.sendError(call.requestId(), e);
        } finally {
            CodecPool.release(enc);
            if (!parked) {
                call.done();
            }
            finish(answers, dropped);
        }
    }

    /**
     * Runs a change from outside a call (the timer, a cancel, a closed session) under the monitor,
     * then sends the answers it made.
     *
     * @param change the change
     */
    protected final void change(Runnable change) {
        List<Object> dropped;
        List<Outgoing> answers;
        synchronized (this) {
            try {
                change.run();
            } finally {
                dropped = drops;
                drops = null;
                answers = outbox;
                outbox = null;
            }
        }
        finish(answers, dropped);
    }

    /** Sends answers, then drops references: freeing could reach other monitors, never taken under this one. */
    private static void finish(List<Outgoing> answers, List<Object> dropped) {
        if (answers != null) {
            for (Outgoing o : answers) {
                try {
                    if (o.awaited) {
                        o.call.session().sendToWaiter(ByteBuffer.wrap(o.frame));
                    } else {
                        o.call.session().send(ByteBuffer.wrap(o.frame));
                    }
                } finally {
                    o.call.done();
                }
            }
        }
        if (dropped != null) {
            for (Object v : dropped) {
                Values.release(v);
            }
        }
    }

    /**
     * Parks a call; the caller keeps the waiter in its own queue. The object stays alive while the
     * call waits, and the session can cancel it by request id.
     *
     * @param call the call
     * @param timeoutNanos how long the node waits; negative for ever
     * @param threadId the client thread, for ownership (or 0)
     * @return the waiter
     */
    protected final Waiter park(Call call, long timeoutNanos, long threadId) {
        if (!retain()) {
            throw new IllegalStateException(this + " was freed");
        }
        Waiter w = new Waiter(this, call, threadId);
        call.session().parked(w);
        node().waiterCount(1);
        if (timeoutNanos >= 0) {
            w.timer = node().schedule(
                            timeoutNanos,
                            () -> change(() -> {
                                if (!w.answered) {
                                    onTimeout(w);
                                }
                            }));
        }
        return w;
    }

    /**
     * Answers a call that is not parked, from inside {@link #change} (the answer is sent after the
     * monitor is released).
     *
     * @param call the call
     * @param result its result
     */
    protected final void answer(Call call, Object result) {
        Encoder enc = CodecPool.encoder();
        byte[] frame;
        try {
            frame = toArray(call.session().encodeResult(enc, call.requestId(), result));
        } catch (RuntimeException e) {
            frame = call.session().encodeError(e, call.requestId());
        } finally {
            CodecPool.release(enc);
        }
        queue(new Outgoing(call, frame));
    }

    /**
     * Answers a call that is not parked with an error, from inside {@link #change}.
     *
     * @param call the call
     * @param error the error
     */
    protected final void answerError(Call call, Throwable error) {
        queue(new Outgoing(call, call.session().encodeError(error, call.requestId())));
    }

    private void queue(Outgoing o) {
        if (outbox == null) {
            outbox = new ArrayList<>(4);
        }
        outbox.add(o);
    }

    /**
     * Drops one reference to an object once the running call is answered (for an object created
     * for the answer, whose creation reference ends there).
     *
     * @param o the object
     */
    protected final void releaseLater(HostedObject o) {
        if (drops == null) {
            drops = new ArrayList<>(4);
        }
        drops.add(o);
    }

    /**
     * Answers a parked call.
     *
     * @param w the waiter
     * @param result its result
     */
    protected final void unpark(Waiter w, Object result) {
        Outgoing o = new Outgoing(w.call, null);
        Encoder enc = CodecPool.encoder();
        try {
            o.frame = toArray(w.call.session().encodeResult(enc, w.call.requestId(), result));
        } catch (RuntimeException e) {
            o.frame = w.call.session().encodeError(e, w.call.requestId());
        } finally {
            CodecPool.release(enc);
        }
        settle(w, o);
    }

    /**
     * Answers a parked call with an error.
     *
     * @param w the waiter
     * @param error the error
     */
    protected final void unparkError(Waiter w, Throwable error) {
        settle(w, new Outgoing(w.call, w.call.session().encodeError(error, w.call.requestId())));
    }

    private void settle(Waiter w, Outgoing o) {
        o.awaited = System.nanoTime() - w.parkedNanos > LONG_WAIT_NANOS;
        w.answered = true;
        if (w.timer != null) {
            w.timer.cancel(false);
        }
        w.call.session().unparked(w);
        node().waiterCount(-1);
        queue(o);
        // the hold taken in park(); dropped like a removed value, after the answers are sent
        releaseLater(this);
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /**
     * A parked call timed out; called with the monitor held. Remove the waiter and answer it.
     *
     * @param w the waiter
     */
    protected void onTimeout(Waiter w) {
        throw new IllegalStateException(typeName() + " has no timed waits");
    }

    /**
     * Removes a waiter from the object's queues; called with the monitor held.
     *
     * @param w the waiter
     * @return {@code true} if it was still waiting
     */
    protected boolean removeWaiter(Waiter w) {
        return false;
    }

    /**
     * The client cancelled a parked call (its thread was interrupted).
     *
     * @param w the waiter
     */
    final void cancel(Waiter w) {
        change(() -> {
            if (!w.answered && removeWaiter(w)) {
                onCancelled(w);
                unparkError(w, new CancellationException("cancelled by the client"));
            }
        });
    }

    /**
     * A waiter was cancelled; called with the monitor held, after it left the queues.
     *
     * @param w the waiter
     */
    protected void onCancelled(Waiter w) {}

    /**
     * A client session ended: drop its waiters and release what it held. Called through {@link
     * #change}.
     *
     * @param session the session
     */
    protected void onSessionClosed(Session session) {}

    /**
     * Withdraws a gone client's waiters from a queue of waiters (their answers go nowhere).
     *
     * @param waiters the queue
     * @param session the client that is gone
     * @return {@code true} if it had any there
     */
    protected final boolean withdraw(Iterable<Waiter> waiters, Session session) {
        boolean any = false;
        for (java.util.Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.session() == session) {
                it.remove();
                unparkError(w, new CancellationException("the client is gone"));
                any = true;
            }
        }
        return any;
    }

    final void sessionClosed(Session session) {
        change(() -> onSessionClosed(session));
    }

    /** One parked call. */
    static final class Waiter {
        final BuiltinObject owner;
        final Call call;
        final long threadId;
        ScheduledFuture<?> timer;
        boolean answered;
        Object item;
        int permits;
        long holds;
        long deadlineNanos;
        int index;
        /** When the call was parked ({@link System#nanoTime}). */
        final long parkedNanos = System.nanoTime();

        Waiter(BuiltinObject owner, Call call, long threadId) {
            this.owner = owner;
            this.call = call;
            this.threadId = threadId;
        }

        Session session() {
            return call.session();
        }
    }

    /** An answer waiting for the monitor to be released. */
    private static final class Outgoing {
        final Call call;
        byte[] frame;
        /** Answers a call that waited long: its client may have parked. */
        boolean awaited;

        Outgoing(Call call, byte[] frame) {
            this.call = call;
            this.frame = frame;
        }
    }

    /**
     * Counts the references of a value being stored.
     *
     * @param v the value
     * @return the value
     */
    protected final Object stored(Object v) {
        if (Values.retain(v)) {
            mayHoldRefs = true;
        }
        return v;
    }

    /**
     * Counts the references of values being stored.
     *
     * @param values the values
     */
    protected final void storedAll(Iterable<?> values) {
        for (Object v : values) {
            stored(v);
        }
    }

    /**
     * Drops the references of a value no longer stored.
     *
     * @param v the value
     * @return the value
     */
    protected final Object dropped(Object v) {
        if (mayHoldRefs && v != null) {
            if (drops == null) {
                drops = new ArrayList<>(4);
            }
            drops.add(v);
        }
        return v;
    }

    @Override
    protected final void onFree() {
        List<Object> contents;
        synchronized (this) {
            contents = mayHoldRefs ? takeContents() : List.of();
        }
        for (Object v : contents) {
            Values.release(v);
        }
    }

    /**
     * Copies a collection argument into a list.
     *
     * @param v the argument
     * @return a list of its elements
     */
    protected static List<Object> elements(Object v) {
        if (v instanceof java.util.Collection<?> c) {
            return new ArrayList<>(c);
        }
        throw new dev.steward.ProtocolException("expected a collection argument, not "
                + (v == null ? "null" : v.getClass().getName()));
    }
}
