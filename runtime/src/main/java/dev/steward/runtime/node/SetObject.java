package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.SetOps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code steward.set}: a {@code LinkedHashSet} on the node. */
final class SetObject extends BuiltinObject {
    private final LinkedHashSet<Object> items = new LinkedHashSet<>();
    private long version;

    SetObject(Collection<?> initial) {
        for (Object o : initial) {
            if (items.add(o)) {
                stored(o);
            }
        }
    }

    @Override
    public String typeName() {
        return SetOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case SetOps.ADD:
                c.expect(1, "add");
                return add(c.arg(0));
            case SetOps.REMOVE:
                c.expect(1, "remove");
                return remove(c.arg(0));
            case SetOps.CONTAINS:
                c.expect(1, "contains");
                return items.contains(c.arg(0));
            case SetOps.SIZE:
                c.expect(0, "size");
                return items.size();
            case SetOps.CLEAR:
                c.expect(0, "clear");
                items.forEach(this::dropped);
                items.clear();
                version++;
                return null;
            case SetOps.SNAPSHOT:
                c.expect(0, "snapshot");
                return items;
            case SetOps.ADD_ALL: {
                c.expect(1, "addAll");
                boolean changed = false;
                for (Object o : elements(c.arg(0))) {
                    changed |= add(o);
                }
                return changed;
            }
            case SetOps.REMOVE_ALL: {
                c.expect(1, "removeAll");
                boolean changed = false;
                for (Object o : elements(c.arg(0))) {
                    changed |= remove(o);
                }
                return changed;
            }
            case SetOps.RETAIN_ALL: {
                c.expect(1, "retainAll");
                Set<Object> keep = new HashSet<>(elements(c.arg(0)));
                boolean changed = false;
                for (Iterator<Object> it = items.iterator(); it.hasNext(); ) {
                    Object o = it.next();
                    if (!keep.contains(o)) {
                        it.remove();
                        dropped(o);
                        changed = true;
                    }
                }
                if (changed) {
                    version++;
                }
                return changed;
            }
            case SetOps.CONTAINS_ALL:
                c.expect(1, "containsAll");
                return items.containsAll(elements(c.arg(0)));
            case SetOps.VERSIONED_SNAPSHOT:
                c.expect(0, "versionedSnapshot");
                return List.of(version, items);
            case SetOps.REPLACE_IF_VERSION: {
                c.expect(2, "replaceIfVersion");
                if (c.longArg(0) != version) {
                    return Boolean.FALSE;
                }
                List<Object> replacement = elements(c.arg(1));
                items.forEach(this::dropped);
                items.clear();
                for (Object o : replacement) {
                    if (items.add(o)) {
                        stored(o);
                    }
                }
                version++;
                return Boolean.TRUE;
            }
            default:
                throw new UnknownMethodException("steward.set has no method " + c.method());
        }
    }

    private boolean add(Object o) {
        if (!items.add(o)) {
            return false;
        }
        stored(o);
        version++;
        return true;
    }

    private boolean remove(Object o) {
        if (!items.contains(o)) {
            return false;
        }
        if (mayHoldRefs) {
            for (Object stored : items) {
                if (java.util.Objects.equals(stored, o)) {
                    dropped(stored);
                    break;
                }
            }
        }
        items.remove(o);
        version++;
        return true;
    }

    @Override
    protected List<Object> takeContents() {
        List<Object> all = new ArrayList<>(items);
        items.clear();
        return all;
    }
}
