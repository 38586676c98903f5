package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.ValueOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code steward.value}: one value on the node, like an {@code AtomicReference}. */
final class ValueObject extends BuiltinObject {
    private Object value;

    ValueObject(Object initial) {
        value = stored(initial);
    }

    @Override
    public String typeName() {
        return ValueOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case ValueOps.GET:
                c.expect(0, "get");
                return value;
            case ValueOps.SET:
                c.expect(1, "set");
                dropped(value);
                value = stored(c.arg(0));
                return null;
            case ValueOps.GET_AND_SET: {
                c.expect(1, "getAndSet");
                Object old = value;
                value = stored(c.arg(0));
                return dropped(old);
            }
            case ValueOps.COMPARE_AND_SET:
                c.expect(2, "compareAndSet");
                if (!Objects.equals(value, c.arg(0))) {
                    return Boolean.FALSE;
                }
                dropped(value);
                value = stored(c.arg(1));
                return Boolean.TRUE;
            default:
                throw new UnknownMethodException("steward.value has no method " + c.method());
        }
    }

    @Override
    protected List<Object> takeContents() {
        List<Object> all = new ArrayList<>(1);
        all.add(value);
        value = null;
        return all;
    }
}
