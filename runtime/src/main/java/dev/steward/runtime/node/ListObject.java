package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.ListOps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@code steward.list}: an {@code ArrayList} on the node. */
final class ListObject extends BuiltinObject {
    private final ArrayList<Object> items;
    private long version;

    ListObject(Collection<?> initial) {
        items = new ArrayList<>(initial);
        storedAll(items);
    }

    @Override
    public String typeName() {
        return ListOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case ListOps.ADD:
                c.expect(1, "add");
                items.add(stored(c.arg(0)));
                version++;
                return Boolean.TRUE;
            case ListOps.ADD_AT: {
                c.expect(2, "add");
                int i = c.intArg(0);
                checkPositionIndex(i);
                items.add(i, stored(c.arg(1)));
                version++;
                return null;
            }
            case ListOps.ADD_ALL: {
                c.expect(1, "addAll");
                List<Object> add = elements(c.arg(0));
                storedAll(add);
                version++;
                return items.addAll(add);
            }
            case ListOps.ADD_ALL_AT: {
                c.expect(2, "addAll");
                int i = c.intArg(0);
                checkPositionIndex(i);
                List<Object> add = elements(c.arg(1));
                storedAll(add);
                version++;
                return items.addAll(i, add);
            }
            case ListOps.GET:
                c.expect(1, "get");
                return items.get(c.intArg(0));
            case ListOps.SET: {
                c.expect(2, "set");
                int i = c.intArg(0);
                Objects.checkIndex(i, items.size());
                version++;
                return dropped(items.set(i, stored(c.arg(1))));
            }
            case ListOps.REMOVE_AT: {
                c.expect(1, "remove");
                int i = c.intArg(0);
                Objects.checkIndex(i, items.size());
                version++;
                return dropped(items.remove(i));
            }
            case ListOps.REMOVE: {
                c.expect(1, "remove");
                int i = items.indexOf(c.arg(0));
                if (i < 0) {
                    return Boolean.FALSE;
                }
                dropped(items.remove(i));
                version++;
                return Boolean.TRUE;
            }
            case ListOps.SIZE:
                c.expect(0, "size");
                return items.size();
            case ListOps.CONTAINS:
                c.expect(1, "contains");
                return items.contains(c.arg(0));
            case ListOps.INDEX_OF:
                c.expect(1, "indexOf");
                return items.indexOf(c.arg(0));
            case ListOps.LAST_INDEX_OF:
                c.expect(1, "lastIndexOf");
                return items.lastIndexOf(c.arg(0));
            case ListOps.CLEAR:
                c.expect(0, "clear");
                items.forEach(this::dropped);
                items.clear();
                version++;
                return null;
            case ListOps.SNAPSHOT:
                c.expect(0, "snapshot");
                return items;
            case ListOps.CONTAINS_ALL:
                c.expect(1, "containsAll");
                return new HashSet<>(items).containsAll(elements(c.arg(0)));
            case ListOps.REMOVE_ALL:
                c.expect(1, "removeAll");
                return removeWhere(new HashSet<>(elements(c.arg(0))), true);
            case ListOps.RETAIN_ALL:
                c.expect(1, "retainAll");
                return removeWhere(new HashSet<>(elements(c.arg(0))), false);
            case ListOps.SUB_LIST: {
                c.expect(2, "subList");
                return new ArrayList<>(items.subList(c.intArg(0), c.intArg(1)));
            }
            case ListOps.VERSIONED_SNAPSHOT:
                c.expect(0, "versionedSnapshot");
                return List.of(version, items);
            case ListOps.REPLACE_IF_VERSION: {
                c.expect(2, "replaceIfVersion");
                if (c.longArg(0) != version) {
                    return Boolean.FALSE;
                }
                List<Object> replacement = elements(c.arg(1));
                storedAll(replacement);
                items.forEach(this::dropped);
                items.clear();
                items.addAll(replacement);
                version++;
                return Boolean.TRUE;
            }
            default:
                throw new UnknownMethodException("steward.list has no method " + c.method());
        }
    }

    private boolean removeWhere(Set<Object> set, boolean removeIfContained) {
        boolean changed = false;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (set.contains(items.get(i)) == removeIfContained) {
                dropped(items.remove(i));
                changed = true;
            }
        }
        if (changed) {
            version++;
        }
        return changed;
    }

    private void checkPositionIndex(int i) {
        if (i < 0 || i > items.size()) {
            throw new IndexOutOfBoundsException("Index: " + i + ", Size: " + items.size());
        }
    }

    @Override
    protected List<Object> takeContents() {
        List<Object> all = new ArrayList<>(items);
        items.clear();
        return all;
    }
}
