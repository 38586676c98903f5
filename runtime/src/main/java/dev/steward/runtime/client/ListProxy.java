package dev.steward.runtime.client;

import dev.steward.SharedList;
import dev.steward.runtime.protocol.Ops.ListOps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The proxy of {@code steward.list}. */
final class ListProxy<E> extends CollectionProxy<E> implements SharedList<E> {
    private final Async<E> async = new AsyncView();

    ListProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    Collection<E> copy() {
        return snapshot();
    }

    @Override
    public int size() {
        return callInt(ListOps.SIZE, "size");
    }

    @Override
    public boolean contains(Object o) {
        return callBoolean(ListOps.CONTAINS, "contains", o);
    }

    @Override
    public boolean add(E e) {
        return callBoolean(ListOps.ADD, "add", e);
    }

    @Override
    public boolean remove(Object o) {
        return callBoolean(ListOps.REMOVE, "remove", o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return callBoolean(ListOps.CONTAINS_ALL, "containsAll", new ArrayList<>(c));
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return callBoolean(ListOps.ADD_ALL, "addAll", new ArrayList<>(c));
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        return callBoolean(ListOps.ADD_ALL_AT, "addAll", index, new ArrayList<>(c));
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return callBoolean(ListOps.REMOVE_ALL, "removeAll", new ArrayList<>(c));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return callBoolean(ListOps.RETAIN_ALL, "retainAll", new ArrayList<>(c));
    }

    @Override
    public void clear() {
        call(ListOps.CLEAR, "clear");
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) call(ListOps.GET, "get", index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E set(int index, E element) {
        return (E) call(ListOps.SET, "set", index, element);
    }

    @Override
    public void add(int index, E element) {
        call(ListOps.ADD_AT, "add", index, element);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E remove(int index) {
        return (E) call(ListOps.REMOVE_AT, "remove", index);
    }

    @Override
    public int indexOf(Object o) {
        return callInt(ListOps.INDEX_OF, "indexOf", o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return callInt(ListOps.LAST_INDEX_OF, "lastIndexOf", o);
    }

    @Override
    public ListIterator<E> listIterator() {
        return Collections.unmodifiableList(snapshot()).listIterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return Collections.unmodifiableList(snapshot()).listIterator(index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> subList(int fromIndex, int toIndex) {
        return (List<E>) call(ListOps.SUB_LIST, "subList", fromIndex, toIndex);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> snapshot() {
        return (List<E>) call(ListOps.SNAPSHOT, "snapshot");
    }

    /** Applies a local change to the whole list atomically: retried until nobody changed it meanwhile. */
    @SuppressWarnings("unchecked")
    private boolean update(UnaryOperator<List<E>> change) {
        for (; ; ) {
            List<Object> versioned = (List<Object>) call(ListOps.VERSIONED_SNAPSHOT, "versionedSnapshot");
            long version = ((Number) versioned.get(0)).longValue();
            List<E> current = (List<E>) versioned.get(1);
            List<E> next = change.apply(new ArrayList<>(current));
            if (next == null) {
                return false;
            }
            if (callBoolean(ListOps.REPLACE_IF_VERSION, "replaceIfVersion", version, next)) {
                return true;
            }
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        return update(list -> list.removeIf(filter) ? list : null);
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        Objects.requireNonNull(operator);
        update(list -> {
            list.replaceAll(operator);
            return list;
        });
    }

    @Override
    public void sort(Comparator<? super E> c) {
        update(list -> {
            list.sort(c);
            return list;
        });
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
        if (!(o instanceof List<?> other)) {
            return false;
        }
        List<?> mine = snapshot();
        return mine.equals(other instanceof SharedList<?> s ? s.snapshot() : other);
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    private final class AsyncView implements Async<E> {
        @Override
        public CompletableFuture<Boolean> add(E element) {
            return async(ListOps.ADD, "add", element);
        }

        @Override
        public CompletableFuture<Void> add(int index, E element) {
            return async(ListOps.ADD_AT, "add", index, element);
        }

        @Override
        public CompletableFuture<Boolean> addAll(Collection<? extends E> elements) {
            return async(ListOps.ADD_ALL, "addAll", new ArrayList<>(elements));
        }

        @Override
        public CompletableFuture<E> get(int index) {
            return async(ListOps.GET, "get", index);
        }

        @Override
        public CompletableFuture<E> set(int index, E element) {
            return async(ListOps.SET, "set", index, element);
        }

        @Override
        public CompletableFuture<E> remove(int index) {
            return async(ListOps.REMOVE_AT, "remove", index);
        }

        @Override
        public CompletableFuture<Boolean> removeValue(Object value) {
            return async(ListOps.REMOVE, "remove", value);
        }

        @Override
        public CompletableFuture<Integer> size() {
            return asyncInt(ListOps.SIZE, "size");
        }

        @Override
        public CompletableFuture<Boolean> contains(Object value) {
            return async(ListOps.CONTAINS, "contains", value);
        }

        @Override
        public CompletableFuture<Integer> indexOf(Object value) {
            return asyncInt(ListOps.INDEX_OF, "indexOf", value);
        }

        @Override
        public CompletableFuture<Void> clear() {
            return async(ListOps.CLEAR, "clear");
        }

        @Override
        public CompletableFuture<List<E>> snapshot() {
            return async(ListOps.SNAPSHOT, "snapshot");
        }
    }
}
