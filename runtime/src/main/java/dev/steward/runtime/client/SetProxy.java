package dev.steward.runtime.client;

import dev.steward.SharedSet;
import dev.steward.runtime.protocol.Ops.SetOps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The proxy of {@code steward.set}. */
final class SetProxy<E> extends CollectionProxy<E> implements SharedSet<E> {
    private final Async<E> async = new AsyncView();

    SetProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    Collection<E> copy() {
        return snapshot();
    }

    @Override
    public int size() {
        return callInt(SetOps.SIZE, "size");
    }

    @Override
    public boolean contains(Object o) {
        return callBoolean(SetOps.CONTAINS, "contains", o);
    }

    @Override
    public boolean add(E e) {
        return callBoolean(SetOps.ADD, "add", e);
    }

    @Override
    public boolean remove(Object o) {
        return callBoolean(SetOps.REMOVE, "remove", o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return callBoolean(SetOps.CONTAINS_ALL, "containsAll", new ArrayList<>(c));
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return callBoolean(SetOps.ADD_ALL, "addAll", new ArrayList<>(c));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return callBoolean(SetOps.RETAIN_ALL, "retainAll", new ArrayList<>(c));
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return callBoolean(SetOps.REMOVE_ALL, "removeAll", new ArrayList<>(c));
    }

    @Override
    public void clear() {
        call(SetOps.CLEAR, "clear");
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        for (; ; ) {
            List<Object> versioned = (List<Object>) call(SetOps.VERSIONED_SNAPSHOT, "versionedSnapshot");
            long version = ((Number) versioned.get(0)).longValue();
            List<E> next = new ArrayList<>((Collection<E>) versioned.get(1));
            if (!next.removeIf(filter)) {
                return false;
            }
            if (callBoolean(SetOps.REPLACE_IF_VERSION, "replaceIfVersion", version, next)) {
                return true;
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<E> snapshot() {
        return (Set<E>) call(SetOps.SNAPSHOT, "snapshot");
    }

    @Override
    public Async<E> async() {
        return async;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Set<?> other)) {
            return false;
        }
        return snapshot().equals(other instanceof SharedSet<?> s ? s.snapshot() : other);
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    private final class AsyncView implements Async<E> {
        @Override
        public CompletableFuture<Boolean> add(E element) {
            return async(SetOps.ADD, "add", element);
        }

        @Override
        public CompletableFuture<Boolean> addAll(Collection<? extends E> elements) {
            return async(SetOps.ADD_ALL, "addAll", new ArrayList<>(elements));
        }

        @Override
        public CompletableFuture<Boolean> remove(Object element) {
            return async(SetOps.REMOVE, "remove", element);
        }

        @Override
        public CompletableFuture<Boolean> contains(Object element) {
            return async(SetOps.CONTAINS, "contains", element);
        }

        @Override
        public CompletableFuture<Integer> size() {
            return asyncInt(SetOps.SIZE, "size");
        }

        @Override
        public CompletableFuture<Void> clear() {
            return async(SetOps.CLEAR, "clear");
        }

        @Override
        public CompletableFuture<Set<E>> snapshot() {
            return async(SetOps.SNAPSHOT, "snapshot");
        }
    }
}
