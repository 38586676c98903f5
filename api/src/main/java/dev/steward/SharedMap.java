package dev.steward;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ConcurrentMap} that lives on the manager node (Python's {@code manager.dict()}). Each
 * operation is one atomic call on the node; {@link #putIfAbsent}, {@link #replace(Object, Object,
 * Object)}, {@link #replace(Object, Object)} and {@link #remove(Object, Object)} are atomic there,
 * so the {@code ConcurrentMap} defaults built on them ({@link #merge}, {@link #compute}, {@link
 * #computeIfAbsent}, {@link #computeIfPresent}, {@link #replaceAll}) are race-free across processes:
 * they retry until their update applies to the value they read. For example, two processes doing
 * {@code inventory.merge("apples", 1, Integer::sum)} never lose an increment, where Python's {@code
 * inventory["apples"] = inventory.get("apples", 0) + 1} can. (The functions run in the caller and
 * may run more than once.)
 *
 * <p>Keys and values may not be {@code null}, as in {@code ConcurrentHashMap}. The node keeps
 * insertion order.
 *
 * <p><b>Views.</b> {@link #keySet()}, {@link #values()} and {@link #entrySet()} are backed by the
 * node: {@code size}, {@code contains} and {@code remove} are calls, and their iterators walk a
 * snapshot taken when the iteration starts. An entry's {@code setValue} writes through with {@link
 * #put}. {@link #equals(Object)} and {@link #hashCode()} follow the {@code Map} contract.
 *
 * @param <K> the key type: any value Steward can send
 * @param <V> the value type: any value Steward can send, or a shared object (stored as a
 *     reference)
 */
public interface SharedMap<K, V> extends ConcurrentMap<K, V>, SharedObject {
    /**
     * Returns a copy of the map's current contents, taken atomically in one call.
     *
     * @return a new, modifiable {@code LinkedHashMap} in the node's insertion order
     */
    Map<K, V> snapshot();

    /**
     * Returns the asynchronous form of this map.
     *
     * @return the async view; it shares this proxy's reference
     */
    Async<K, V> async();

    /**
     * The asynchronous operations of a {@link SharedMap}; futures complete on Steward's I/O thread.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    interface Async<K, V> {
        /**
         * Reads a value.
         *
         * @param key the key
         * @return completes with the value, or {@code null}
         */
        CompletableFuture<V> get(Object key);

        /**
         * Stores a value.
         *
         * @param key the key
         * @param value the value
         * @return completes with the previous value, or {@code null}
         */
        CompletableFuture<V> put(K key, V value);

        /**
         * Stores every entry, atomically.
         *
         * @param entries the entries
         * @return completes when stored
         */
        CompletableFuture<Void> putAll(Map<? extends K, ? extends V> entries);

        /**
         * Removes a key.
         *
         * @param key the key
         * @return completes with the removed value, or {@code null}
         */
        CompletableFuture<V> remove(Object key);

        /**
         * Stores a value if the key is absent, atomically.
         *
         * @param key the key
         * @param value the value
         * @return completes with the current value, or {@code null} if it stored
         */
        CompletableFuture<V> putIfAbsent(K key, V value);

        /**
         * Replaces a value if the key is present, atomically.
         *
         * @param key the key
         * @param value the new value
         * @return completes with the previous value, or {@code null} if absent
         */
        CompletableFuture<V> replace(K key, V value);

        /**
         * Replaces a value if it equals an expected one, atomically.
         *
         * @param key the key
         * @param expected the value expected there
         * @param value the new value
         * @return completes with {@code true} if replaced
         */
        CompletableFuture<Boolean> replace(K key, V expected, V value);

        /**
         * Removes a key if it maps to an expected value, atomically.
         *
         * @param key the key
         * @param expected the value expected there
         * @return completes with {@code true} if removed
         */
        CompletableFuture<Boolean> remove(Object key, Object expected);

        /**
         * Tests for a key.
         *
         * @param key the key
         * @return completes with the answer
         */
        CompletableFuture<Boolean> containsKey(Object key);

        /**
         * Reads the size.
         *
         * @return completes with the number of entries
         */
        CompletableFuture<Integer> size();

        /**
         * Removes every entry.
         *
         * @return completes when cleared
         */
        CompletableFuture<Void> clear();

        /**
         * Copies the contents.
         *
         * @return completes with a new {@code LinkedHashMap}
         */
        CompletableFuture<Map<K, V>> snapshot();
    }
}
