package dev.steward.runtime.node;

import dev.steward.runtime.codec.OpaqueValue;
import java.util.Collection;
import java.util.Map;

/** Walks stored values for the hosted objects inside them, to count the references they hold. */
final class Values {
    private Values() {}

    /**
     * Adds a reference to every hosted object inside a value that is being stored.
     *
     * @param v the value
     * @return {@code true} if it holds any
     */
    static boolean retain(Object v) {
        return walk(v, true);
    }

    /**
     * Drops the references of a value that is no longer stored.
     *
     * @param v the value
     */
    static void release(Object v) {
        walk(v, false);
    }

    private static boolean walk(Object v, boolean retain) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return false;
        }
        if (v instanceof HostedObject h) {
            if (retain) {
                if (!h.retain()) {
                    throw new IllegalStateException(h + " was freed while it was being stored");
                }
            } else {
                h.release(1);
            }
            return true;
        }
        boolean any = false;
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                any |= walk(o, retain);
            }
        } else if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                any |= walk(e.getKey(), retain);
                any |= walk(e.getValue(), retain);
            }
        } else if (v instanceof Object[] a) {
            for (Object o : a) {
                any |= walk(o, retain);
            }
        } else if (v instanceof OpaqueValue o) {
            for (Object part : o.parts()) {
                any |= walk(part, retain);
            }
        }
        return any;
    }
}
