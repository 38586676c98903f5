package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.NamespaceOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** {@code steward.namespace}: named attributes on the node. */
final class NamespaceObject extends BuiltinObject {
    private final LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();

    NamespaceObject(Map<?, ?> initial) {
        initial.forEach((k, v) -> {
            if (!(k instanceof String name)) {
                throw new IllegalArgumentException("namespace attribute names must be strings, not " + k);
            }
            attributes.put(name, stored(v));
        });
    }

    @Override
    public String typeName() {
        return NamespaceOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case NamespaceOps.GET: {
                c.expect(1, "get");
                String name = c.stringArg(0);
                Object v = attributes.get(name);
                if (v == null && !attributes.containsKey(name)) {
                    throw new NoSuchElementException("the namespace has no attribute '" + name + "'");
                }
                return v;
            }
            case NamespaceOps.GET_OR_DEFAULT: {
                c.expect(2, "getOrDefault");
                String name = c.stringArg(0);
                return attributes.containsKey(name) ? attributes.get(name) : c.arg(1);
            }
            case NamespaceOps.SET: {
                c.expect(2, "set");
                String name = c.stringArg(0);
                dropped(attributes.put(name, stored(c.arg(1))));
                return null;
            }
            case NamespaceOps.DELETE: {
                c.expect(1, "delete");
                String name = c.stringArg(0);
                if (!attributes.containsKey(name)) {
                    return Boolean.FALSE;
                }
                dropped(attributes.remove(name));
                return Boolean.TRUE;
            }
            case NamespaceOps.HAS:
                c.expect(1, "has");
                return attributes.containsKey(c.stringArg(0));
            case NamespaceOps.NAMES:
                c.expect(0, "names");
                return new LinkedHashSet<>(attributes.keySet());
            case NamespaceOps.SNAPSHOT:
                c.expect(0, "snapshot");
                return attributes;
            case NamespaceOps.ADD_AND_GET:
                c.expect(2, "addAndGet");
                return addAndGet(c.stringArg(0), c.longArg(1));
            case NamespaceOps.COMPARE_AND_SET: {
                c.expect(3, "compareAndSet");
                String name = c.stringArg(0);
                Object expected = c.arg(1);
                boolean present = attributes.containsKey(name);
                Object current = attributes.get(name);
                boolean matches = expected == null ? !present || current == null : Objects.equals(current, expected);
                if (!matches) {
                    return Boolean.FALSE;
                }
                dropped(attributes.put(name, stored(c.arg(2))));
                return Boolean.TRUE;
            }
            default:
                throw new UnknownMethodException("steward.namespace has no method " + c.method());
        }
    }

    private long addAndGet(String name, long delta) {
        Object current = attributes.getOrDefault(name, 0);
        Object next;
        long result;
        if (current instanceof Integer i) {
            int r = Math.addExact(i, Math.toIntExact(delta));
            next = r;
            result = r;
        } else if (current instanceof Long l) {
            result = Math.addExact(l, delta);
            next = result;
        } else if (current instanceof Short s) {
            result = s + delta;
            if (result != (short) result) {
                throw new ArithmeticException("short overflow adding " + delta + " to attribute '" + name + "'");
            }
            next = (short) result;
        } else if (current instanceof Byte b) {
            result = b + delta;
            if (result != (byte) result) {
                throw new ArithmeticException("byte overflow adding " + delta + " to attribute '" + name + "'");
            }
            next = (byte) result;
        } else {
            throw new IllegalStateException("attribute '" + name + "' holds "
                    + (current == null ? "null" : "a " + current.getClass().getName()) + ", not an integral number");
        }
        attributes.put(name, next);
        return result;
    }

    @Override
    protected List<Object> takeContents() {
        List<Object> all = new ArrayList<>(attributes.values());
        attributes.clear();
        return all;
    }
}
