package dev.steward.runtime.client;

import dev.steward.SharedQueue;
import dev.steward.runtime.protocol.Ops.QueueOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The proxy of {@code steward.queue} and {@code steward.joinable-queue}. Blocking methods wait on
 * the node; an item granted at the moment its taker was interrupted is put back at the head.
 */
class QueueProxy<E> extends CollectionProxy<E> implements SharedQueue<E> {
    static final long FOREVER = -1;
    private final Async<E> async = new AsyncView();

    QueueProxy(ProxyHandle handle) {
        super(handle);
    }

    /** An item taken by a cancelled take goes back to the head of the queue; then the interrupt is thrown. */
    private final ProxyHandle.RaceHandler putBack = (item, interrupt) -> {
        if (item != null) {
            call(QueueOps.PUT_FRONT, "putBack", item);
        }
        throw interrupt;
    };

    private static long nanos(long timeout, TimeUnit unit) {
        return Math.max(0, unit.toNanos(timeout));
    }

    @Override
    Collection<E> copy() {
        return snapshot();
    }

    @Override
    public boolean add(E e) {
        if (!offer(e)) {
            throw new IllegalStateException("Queue full");
        }
        return true;
    }

    @Override
    public boolean offer(E e) {
        return callBoolean(QueueOps.PUT, "offer", Objects.requireNonNull(e), 0L);
    }

    @Override
    public void put(E e) throws InterruptedException {
        Objects.requireNonNull(e);
        handle.callInterruptibly(QueueOps.PUT, "put", ProxyHandle.RaceHandler.KEEP, e, FOREVER);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(e);
        return (Boolean)
                handle.callInterruptibly(QueueOps.PUT, "offer", ProxyHandle.RaceHandler.KEEP, e, nanos(timeout, unit));
    }

    @Override
    @SuppressWarnings("unchecked")
    public E take() throws InterruptedException {
        return (E) handle.callInterruptibly(QueueOps.TAKE, "take", putBack, FOREVER);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return (E) handle.callInterruptibly(QueueOps.TAKE, "poll", putBack, nanos(timeout, unit));
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        return (E) call(QueueOps.TAKE, "poll", 0L);
    }

    @Override
    public E remove() {
        E e = poll();
        if (e == null) {
            throw new NoSuchElementException("the queue is empty");
        }
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E peek() {
        return (E) call(QueueOps.PEEK, "peek");
    }

    @Override
    public E element() {
        E e = peek();
        if (e == null) {
            throw new NoSuchElementException("the queue is empty");
        }
        return e;
    }

    @Override
    public int remainingCapacity() {
        return callInt(QueueOps.REMAINING_CAPACITY, "remainingCapacity");
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int drainTo(Collection<? super E> c, int maxElements) {
        if (c == this) {
            throw new IllegalArgumentException("cannot drain a queue into itself");
        }
        if (maxElements <= 0) {
            return 0;
        }
        List<E> drained = (List<E>) call(QueueOps.DRAIN, "drainTo", maxElements);
        c.addAll(drained);
        return drained.size();
    }

    @Override
    public int size() {
        return callInt(QueueOps.SIZE, "size");
    }

    @Override
    public boolean contains(Object o) {
        return o != null && callBoolean(QueueOps.CONTAINS, "contains", o);
    }

    @Override
    public boolean remove(Object o) {
        return o != null && callBoolean(QueueOps.REMOVE, "remove", o);
    }

    @SuppressWarnings("unchecked")
    private List<E> snapshot() {
        return (List<E>) call(QueueOps.SNAPSHOT, "snapshot");
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return snapshot().containsAll(c);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            throw new IllegalArgumentException("cannot add a queue to itself");
        }
        boolean changed = false;
        for (E e : c) {
            changed |= add(e);
        }
        return changed;
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return callBoolean(QueueOps.REMOVE_ALL, "removeAll", new ArrayList<>(c));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return callBoolean(QueueOps.RETAIN_ALL, "retainAll", new ArrayList<>(c));
    }

    /** Not atomic: removes, on the node, the elements of a snapshot that match. */
    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        List<E> matching = new ArrayList<>();
        for (E e : snapshot()) {
            if (filter.test(e)) {
                matching.add(e);
            }
        }
        return !matching.isEmpty() && removeAll(matching);
    }

    @Override
    public void clear() {
        call(QueueOps.CLEAR, "clear");
    }

    @Override
    public Async<E> async() {
        return async;
    }

    private final class AsyncView implements Async<E> {
        @Override
        public CompletableFuture<Void> put(E element) {
            return async(QueueOps.PUT, "put", Objects.requireNonNull(element), FOREVER)
                    .thenApply(ok -> null);
        }

        @Override
        public CompletableFuture<E> take() {
            return async(QueueOps.TAKE, "take", FOREVER);
        }

        @Override
        public CompletableFuture<E> poll(Duration timeout) {
            return async(QueueOps.TAKE, "poll", Math.max(0, timeout.toNanos()));
        }

        @Override
        public CompletableFuture<Boolean> offer(E element, Duration timeout) {
            return async(QueueOps.PUT, "offer", Objects.requireNonNull(element), Math.max(0, timeout.toNanos()));
        }

        @Override
        public CompletableFuture<Integer> size() {
            return asyncInt(QueueOps.SIZE, "size");
        }
    }
}
