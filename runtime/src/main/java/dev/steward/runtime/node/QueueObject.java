package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.QueueOps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code steward.queue} and {@code steward.joinable-queue}: a FIFO queue whose takers and putters
 * wait on the node, first come, first served.
 */
final class QueueObject extends BuiltinObject {
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final ArrayDeque<Waiter> takers = new ArrayDeque<>();
    private final ArrayDeque<Waiter> putters = new ArrayDeque<>();
    private final ArrayDeque<Waiter> joiners = new ArrayDeque<>();
    private final int capacity;
    private final boolean joinable;
    private long unfinished;

    QueueObject(int capacity, boolean joinable) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a queue's capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
        this.joinable = joinable;
    }

    @Override
    public String typeName() {
        return joinable ? QueueOps.JOINABLE_TYPE : QueueOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case QueueOps.PUT: {
                c.expect(2, "put");
                Object item = Objects.requireNonNull(c.arg(0), "a shared queue refuses null elements");
                long timeout = c.longArg(1);
                if (put(item, false)) {
                    return Boolean.TRUE;
                }
                if (timeout == 0) {
                    return Boolean.FALSE;
                }
                Waiter w = park(c, timeout, 0);
                w.item = item;
                putters.add(w);
                return PENDING;
            }
            case QueueOps.TAKE: {
                c.expect(1, "take");
                long timeout = c.longArg(0);
                if (!items.isEmpty()) {
                    return takeHead();
                }
                if (timeout == 0) {
                    return null;
                }
                takers.add(park(c, timeout, 0));
                return PENDING;
            }
            case QueueOps.PUT_FRONT: {
                c.expect(1, "putBack");
                Object item = Objects.requireNonNull(c.arg(0));
                if (joinable) {
                    unfinished--; // the put below counts it again
                }
                put(item, true);
                return null;
            }
            case QueueOps.PEEK:
                c.expect(0, "peek");
                return items.peekFirst();
            case QueueOps.SIZE:
                c.expect(0, "size");
                return items.size();
            case QueueOps.REMAINING_CAPACITY:
                c.expect(0, "remainingCapacity");
                return capacity == Integer.MAX_VALUE ? Integer.MAX_VALUE : capacity - items.size();
            case QueueOps.CLEAR:
                c.expect(0, "clear");
                items.forEach(this::dropped);
                items.clear();
                admitPutters();
                return null;
            case QueueOps.DRAIN: {
                c.expect(1, "drainTo");
                int max = c.intArg(0);
                List<Object> out = new ArrayList<>();
                while (out.size() < max && !items.isEmpty()) {
                    out.add(dropped(items.pollFirst()));
                    admitPutters();
                }
                return out;
            }
            case QueueOps.SNAPSHOT:
                c.expect(0, "snapshot");
                return new ArrayList<>(items);
            case QueueOps.REMOVE: {
                c.expect(1, "remove");
                Object o = c.arg(0);
                for (Iterator<Object> it = items.iterator(); it.hasNext(); ) {
                    Object item = it.next();
                    if (item.equals(o)) {
                        it.remove();
                        dropped(item);
                        admitPutters();
                        return Boolean.TRUE;
                    }
                }
                return Boolean.FALSE;
            }
            case QueueOps.REMOVE_ALL:
            case QueueOps.RETAIN_ALL: {
                c.expect(1, "removeAll");
                Set<Object> set = new HashSet<>(elements(c.arg(0)));
                boolean remove = c.method() == QueueOps.REMOVE_ALL;
                boolean changed = false;
                for (Iterator<Object> it = items.iterator(); it.hasNext(); ) {
                    Object item = it.next();
                    if (set.contains(item) == remove) {
                        it.remove();
                        dropped(item);
                        changed = true;
                    }
                }
                admitPutters();
                return changed;
            }
            case QueueOps.CONTAINS:
                c.expect(1, "contains");
                return items.contains(c.arg(0));
            case QueueOps.TASK_DONE:
                c.expect(0, "taskDone");
                requireJoinable();
                if (unfinished <= 0) {
                    throw new IllegalStateException("taskDone() called more times than there were items put");
                }
                if (--unfinished == 0) {
                    while (!joiners.isEmpty()) {
                        unpark(joiners.poll(), Boolean.TRUE);
                    }
                }
                return null;
            case QueueOps.JOIN: {
                c.expect(1, "join");
                requireJoinable();
                long timeout = c.longArg(0);
                if (unfinished == 0) {
                    return Boolean.TRUE;
                }
                if (timeout == 0) {
                    return Boolean.FALSE;
                }
                joiners.add(park(c, timeout, 0));
                return PENDING;
            }
            case QueueOps.UNFINISHED:
                c.expect(0, "unfinishedTasks");
                requireJoinable();
                return unfinished;
            default:
                throw new UnknownMethodException(typeName() + " has no method " + c.method());
        }
    }

    private void requireJoinable() {
        if (!joinable) {
            throw new UnsupportedOperationException("only a joinable queue counts tasks");
        }
    }

    /** Hands an item to the first taker, or stores it if there is room. */
    private boolean put(Object item, boolean front) {
        Waiter taker = takers.poll();
        if (taker != null) {
            if (joinable) {
                unfinished++;
            }
            unpark(taker, item);
            return true;
        }
        if (items.size() >= capacity && !front) {
            return false;
        }
        if (joinable) {
            unfinished++;
        }
        if (front) {
            items.addFirst(stored(item));
        } else {
            items.addLast(stored(item));
        }
        return true;
    }

    private Object takeHead() {
        Object item = dropped(items.pollFirst());
        admitPutters();
        return item;
    }

    /** Moves waiting putters' items into the queue while there is room. */
    private void admitPutters() {
        while (!putters.isEmpty() && items.size() < capacity) {
            Waiter p = putters.poll();
            if (joinable) {
                unfinished++;
            }
            items.addLast(stored(p.item));
            unpark(p, Boolean.TRUE);
        }
    }

    @Override
    protected void onTimeout(Waiter w) {
        if (takers.remove(w)) {
            unpark(w, null);
        } else if (putters.remove(w) || joiners.remove(w)) {
            unpark(w, Boolean.FALSE);
        }
    }

    @Override
    protected boolean removeWaiter(Waiter w) {
        return takers.remove(w) || putters.remove(w) || joiners.remove(w);
    }

    @Override
    protected void onSessionClosed(Session session) {
        withdraw(takers, session);
        withdraw(putters, session);
        withdraw(joiners, session);
    }

    @Override
    protected List<Object> takeContents() {
        List<Object> all = new ArrayList<>(items);
        items.clear();
        return all;
    }
}
