package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.LongOps;
import java.util.List;

/** {@code steward.long}: a counter on the node, like an {@code AtomicLong}. */
final class LongObject extends BuiltinObject {
    private long value;

    LongObject(long initial) {
        value = initial;
    }

    @Override
    public String typeName() {
        return LongOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case LongOps.GET:
                c.expect(0, "get");
                return value;
            case LongOps.SET:
                c.expect(1, "set");
                value = c.longArg(0);
                return null;
            case LongOps.GET_AND_SET: {
                c.expect(1, "getAndSet");
                long old = value;
                value = c.longArg(0);
                return old;
            }
            case LongOps.COMPARE_AND_SET:
                c.expect(2, "compareAndSet");
                if (value != c.longArg(0)) {
                    return Boolean.FALSE;
                }
                value = c.longArg(1);
                return Boolean.TRUE;
            case LongOps.ADD_AND_GET:
                c.expect(1, "addAndGet");
                value += c.longArg(0);
                return value;
            case LongOps.GET_AND_ADD: {
                c.expect(1, "getAndAdd");
                long old = value;
                value += c.longArg(0);
                return old;
            }
            default:
                throw new UnknownMethodException("steward.long has no method " + c.method());
        }
    }

    @Override
    protected List<Object> takeContents() {
        return List.of();
    }
}
