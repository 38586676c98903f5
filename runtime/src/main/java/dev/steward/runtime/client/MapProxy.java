package dev.steward.runtime.client;

import dev.steward.SharedMap;
import dev.steward.runtime.protocol.Ops.MapOps;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** The proxy of {@code steward.map}. */
final class MapProxy<K, V> extends AbstractProxy implements SharedMap<K, V> {
    private final Async<K, V> async = new AsyncView();

    MapProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    public int size() {
        return callInt(MapOps.SIZE, "size");
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return callBoolean(MapOps.CONTAINS_KEY, "containsKey", key);
    }

    @Override
    public boolean containsValue(Object value) {
        return callBoolean(MapOps.CONTAINS_VALUE, "containsValue", value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        return (V) call(MapOps.GET, "get", key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V v = get(key);
        return v == null ? defaultValue : v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        return (V) call(MapOps.PUT, "put", requireKey(key), requireValue(value));
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        return (V) call(MapOps.REMOVE, "remove", key);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        call(MapOps.PUT_ALL, "putAll", new LinkedHashMap<>(m));
    }

    @Override
    public void clear() {
        call(MapOps.CLEAR, "clear");
    }

    @Override
    @SuppressWarnings("unchecked")
    public V putIfAbsent(K key, V value) {
        return (V) call(MapOps.PUT_IF_ABSENT, "putIfAbsent", requireKey(key), requireValue(value));
    }

    @Override
    public boolean remove(Object key, Object value) {
        return value != null && callBoolean(MapOps.REMOVE_IF, "remove", key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return callBoolean(
                MapOps.REPLACE_IF, "replace", requireKey(key), requireValue(oldValue), requireValue(newValue));
    }

    @Override
    @SuppressWarnings("unchecked")
    public V replace(K key, V value) {
        return (V) call(MapOps.REPLACE, "replace", requireKey(key), requireValue(value));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<K, V> snapshot() {
        return (Map<K, V>) call(MapOps.SNAPSHOT, "snapshot");
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        snapshot().forEach(action);
    }

    @Override
    public Set<K> keySet() {
        return new KeyView();
    }

    @Override
    public Collection<V> values() {
        return new ValueView();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new EntryView();
    }

    @Override
    public Async<K, V> async() {
        return async;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map<?, ?> other)) {
            return false;
        }
        return snapshot().equals(other instanceof SharedMap<?, ?> s ? s.snapshot() : other);
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    @Override
    public String toString() {
        return showOrClosed(() -> snapshot().toString());
    }

    private static <T> T requireKey(T key) {
        return Objects.requireNonNull(key, "a shared map's keys must not be null");
    }

    private static <T> T requireValue(T value) {
        return Objects.requireNonNull(value, "a shared map's values must not be null");
    }

    /** Iterates a snapshot; removing through the iterator removes the key on the node. */
    private abstract class SnapshotIterator<T> implements Iterator<T> {
        private final Iterator<Map.Entry<K, V>> entries = snapshot().entrySet().iterator();
        private Map.Entry<K, V> last;

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public T next() {
            last = entries.next();
            return map(last);
        }

        abstract T map(Map.Entry<K, V> e);

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() was not called");
            }
            MapProxy.this.remove(last.getKey());
            last = null;
        }
    }

    private final class KeyView extends AbstractSet<K> {
        @Override
        public Iterator<K> iterator() {
            return new SnapshotIterator<>() {
                @Override
                K map(Map.Entry<K, V> e) {
                    return e.getKey();
                }
            };
        }

        @Override
        public int size() {
            return MapProxy.this.size();
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return MapProxy.this.remove(o) != null;
        }

        @Override
        public void clear() {
            MapProxy.this.clear();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object[] toArray() {
            return ((List<K>) call(MapOps.KEYS, "keySet")).toArray();
        }
    }

    private final class ValueView extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return new SnapshotIterator<>() {
                @Override
                V map(Map.Entry<K, V> e) {
                    return e.getValue();
                }
            };
        }

        @Override
        public int size() {
            return MapProxy.this.size();
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        @Override
        public boolean remove(Object o) {
            return callBoolean(MapOps.REMOVE_VALUE, "values().remove", o);
        }

        @Override
        public void clear() {
            MapProxy.this.clear();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object[] toArray() {
            return ((List<V>) call(MapOps.VALUES, "values")).toArray();
        }
    }

    private final class EntryView extends AbstractSet<Entry<K, V>> {
        @Override
        public Iterator<Entry<K, V>> iterator() {
            return new SnapshotIterator<>() {
                @Override
                Entry<K, V> map(Map.Entry<K, V> e) {
                    return new WriteThroughEntry(e.getKey(), e.getValue());
                }
            };
        }

        @Override
        public int size() {
            return MapProxy.this.size();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry<?, ?> e) || e.getValue() == null) {
                return false;
            }
            return e.getValue().equals(get(e.getKey()));
        }

        @Override
        public boolean remove(Object o) {
            return o instanceof Map.Entry<?, ?> e && MapProxy.this.remove(e.getKey(), e.getValue());
        }

        @Override
        public void clear() {
            MapProxy.this.clear();
        }

        @Override
        public Object[] toArray() {
            return new ArrayList<>(snapshot().entrySet()).toArray();
        }
    }

    /** An entry whose {@code setValue} writes through to the node, like ConcurrentHashMap's. */
    private final class WriteThroughEntry extends AbstractMap.SimpleEntry<K, V> {
        private static final long serialVersionUID = 1L;

        WriteThroughEntry(K key, V value) {
            super(key, value);
        }

        @Override
        public V setValue(V value) {
            V old = super.setValue(requireValue(value));
            put(getKey(), value);
            return old;
        }
    }

    private final class AsyncView implements Async<K, V> {
        @Override
        public CompletableFuture<V> get(Object key) {
            return async(MapOps.GET, "get", key);
        }

        @Override
        public CompletableFuture<V> put(K key, V value) {
            return async(MapOps.PUT, "put", requireKey(key), requireValue(value));
        }

        @Override
        public CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries) {
            return async(MapOps.PUT_ALL, "putAll", new LinkedHashMap<>(entries));
        }

        @Override
        public CompletableFuture<V> remove(Object key) {
            return async(MapOps.REMOVE, "remove", key);
        }

        @Override
        public CompletableFuture<V> putIfAbsent(K key, V value) {
            return async(MapOps.PUT_IF_ABSENT, "putIfAbsent", requireKey(key), requireValue(value));
        }

        @Override
        public CompletableFuture<V> replace(K key, V value) {
            return async(MapOps.REPLACE, "replace", requireKey(key), requireValue(value));
        }

        @Override
        public CompletableFuture<Boolean> replace(K key, V expected, V value) {
            return async(MapOps.REPLACE_IF, "replace", requireKey(key), requireValue(expected), requireValue(value));
        }

        @Override
        public CompletableFuture<Boolean> remove(Object key, Object expected) {
            return async(MapOps.REMOVE_IF, "remove", key, expected);
        }

        @Override
        public CompletableFuture<Boolean> containsKey(Object key) {
            return async(MapOps.CONTAINS_KEY, "containsKey", key);
        }

        @Override
        public CompletableFuture<Integer> size() {
            return asyncInt(MapOps.SIZE, "size");
        }

        @Override
        public CompletableFuture<Void> clear() {
            return async(MapOps.CLEAR, "clear");
        }

        @Override
        public CompletableFuture<Map<K, V>> snapshot() {
            return async(MapOps.SNAPSHOT, "snapshot");
        }
    }
}
