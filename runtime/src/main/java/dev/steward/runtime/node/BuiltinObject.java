package dev.steward.runtime.node;

import dev.steward.runtime.codec.CodecPool;
import dev.steward.runtime.codec.Encoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in shared type. Its methods are cheap and never block, so they run inline on the
 * transport thread that decoded the call, under the object's monitor; the result is encoded under
 * the monitor too (so it is a consistent snapshot) and sent after the monitor is released.
 */
abstract class BuiltinObject extends HostedObject {
    /** Set once a stored value held a reference, so removals know whether to look for them. */
    protected boolean mayHoldRefs;

    /** Values removed by the running call; their references are dropped after it is answered. */
    private List<Object> drops;

    /**
     * Runs a method; called with the monitor held.
     *
     * @param call the call
     * @return the result
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
        try {
            ByteBuffer frame;
            synchronized (this) {
                try {
                    Object result = apply(call);
                    frame = session.encodeResult(enc, call.requestId(), result);
                } finally {
                    dropped = drops;
                    drops = null;
                }
            }
            session.send(frame);
        } catch (RuntimeException e) {
            session.sendError(call.requestId(), e);
        } finally {
            CodecPool.release(enc);
            call.done();
            // released only now: a removed value may be the result, and freeing it could reach other
            // objects' monitors, which must never be taken while this one is held
            if (dropped != null) {
                for (Object v : dropped) {
                    Values.release(v);
                }
            }
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
