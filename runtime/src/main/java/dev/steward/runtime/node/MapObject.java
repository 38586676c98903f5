package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.MapOps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code steward.map}: a {@code LinkedHashMap} on the node, with ConcurrentMap's atomic operations. */
final class MapObject extends BuiltinObject {
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();

    MapObject(Map<?, ?> initial) {
        initial.forEach((k, v) -> map.put(stored(notNull(k, "key")), stored(notNull(v, "value"))));
    }

    @Override
    public String typeName() {
        return MapOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case MapOps.GET:
                c.expect(1, "get");
                return map.get(c.arg(0));
            case MapOps.PUT: {
                c.expect(2, "put");
                Object k = notNull(c.arg(0), "key");
                Object v = notNull(c.arg(1), "value");
                Object old = map.get(k);
                if (old == null) {
                    stored(k);
                }
                map.put(k, stored(v));
                return dropped(old);
            }
            case MapOps.REMOVE: {
                c.expect(1, "remove");
                return removeKey(c.arg(0));
            }
            case MapOps.CONTAINS_KEY:
                c.expect(1, "containsKey");
                return map.containsKey(c.arg(0));
            case MapOps.CONTAINS_VALUE:
                c.expect(1, "containsValue");
                return map.containsValue(c.arg(0));
            case MapOps.SIZE:
                c.expect(0, "size");
                return map.size();
            case MapOps.CLEAR:
                c.expect(0, "clear");
                map.forEach((k, v) -> {
                    dropped(k);
                    dropped(v);
                });
                map.clear();
                return null;
            case MapOps.SNAPSHOT:
                c.expect(0, "snapshot");
                return map;
            case MapOps.PUT_ALL: {
                c.expect(1, "putAll");
                if (!(c.arg(0) instanceof Map<?, ?> entries)) {
                    throw new dev.steward.ProtocolException("putAll needs a map argument");
                }
                entries.forEach((k, v) -> {
                    notNull(k, "key");
                    notNull(v, "value");
                });
                entries.forEach((k, v) -> {
                    Object old = map.get(k);
                    if (old == null) {
                        stored(k);
                    }
                    map.put(k, stored(v));
                    dropped(old);
                });
                return null;
            }
            case MapOps.PUT_IF_ABSENT: {
                c.expect(2, "putIfAbsent");
                Object k = notNull(c.arg(0), "key");
                Object v = notNull(c.arg(1), "value");
                Object old = map.get(k);
                if (old != null) {
                    return old;
                }
                map.put(stored(k), stored(v));
                return null;
            }
            case MapOps.REPLACE: {
                c.expect(2, "replace");
                Object k = notNull(c.arg(0), "key");
                Object v = notNull(c.arg(1), "value");
                if (!map.containsKey(k)) {
                    return null;
                }
                return dropped(map.put(k, stored(v)));
            }
            case MapOps.REPLACE_IF: {
                c.expect(3, "replace");
                Object k = notNull(c.arg(0), "key");
                Object expected = notNull(c.arg(1), "value");
                Object v = notNull(c.arg(2), "value");
                Object current = map.get(k);
                if (current == null || !current.equals(expected)) {
                    return Boolean.FALSE;
                }
                map.put(k, stored(v));
                dropped(current);
                return Boolean.TRUE;
            }
            case MapOps.REMOVE_IF: {
                c.expect(2, "remove");
                Object k = c.arg(0);
                Object current = map.get(k);
                if (current == null || !current.equals(c.arg(1))) {
                    return Boolean.FALSE;
                }
                removeKey(k);
                return Boolean.TRUE;
            }
            case MapOps.KEYS:
                c.expect(0, "keySet");
                return new ArrayList<>(map.keySet());
            case MapOps.VALUES:
                c.expect(0, "values");
                return new ArrayList<>(map.values());
            case MapOps.REMOVE_VALUE: {
                c.expect(1, "values().remove");
                Object value = c.arg(0);
                for (Iterator<Map.Entry<Object, Object>> it = map.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Object, Object> e = it.next();
                    if (Objects.equals(e.getValue(), value)) {
                        it.remove();
                        dropped(e.getKey());
                        dropped(e.getValue());
                        return Boolean.TRUE;
                    }
                }
                return Boolean.FALSE;
            }
            default:
                throw new UnknownMethodException("steward.map has no method " + c.method());
        }
    }

    private Object removeKey(Object k) {
        if (!map.containsKey(k)) {
            return null;
        }
        if (mayHoldRefs) {
            // drop the stored key instance, which holds the references, not the argument
            for (Object key : map.keySet()) {
                if (key.equals(k)) {
                    dropped(key);
                    break;
                }
            }
        }
        return dropped(map.remove(k));
    }

    private static Object notNull(Object v, String what) {
        if (v == null) {
            throw new NullPointerException("a shared map's " + what + " must not be null");
        }
        return v;
    }

    @Override
    protected List<Object> takeContents() {
        List<Object> all = new ArrayList<>(map.size() * 2);
        map.forEach((k, v) -> {
            all.add(k);
            all.add(v);
        });
        map.clear();
        return all;
    }
}
