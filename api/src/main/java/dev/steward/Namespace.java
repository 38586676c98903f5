package dev.steward;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Named attributes on the manager node (Python's {@code manager.Namespace()}). Where Python writes
 * {@code stats.score = 0} and {@code stats.score}, Java writes {@code stats.set("score", 0)} and
 * {@code int score = stats.get("score")}; or, through a {@linkplain #view(Class) typed view}, {@code
 * stats.setScore(0)} and {@code stats.getScore()}.
 *
 * <p>Each method is one atomic call on the node. A read followed by a write is not atomic: Python's
 * {@code stats.health -= 10} in two processes can lose an update. {@link #addAndGet(String, long)}
 * and {@link #compareAndSet(String, Object, Object)} are the race-free forms.
 */
public interface Namespace extends SharedObject {
    /**
     * Reads an attribute.
     *
     * @param name the attribute
     * @param <T> the type the caller expects (unchecked, like a cast)
     * @return its value
     * @throws NoSuchElementException if the namespace has no such attribute
     */
    <T> T get(String name);

    /**
     * Reads an attribute, or a default when it is absent.
     *
     * @param name the attribute
     * @param defaultValue what to return when it is absent
     * @param <T> the type the caller expects
     * @return its value, or {@code defaultValue}
     */
    <T> T getOrDefault(String name, T defaultValue);

    /**
     * Sets an attribute, creating it if needed.
     *
     * @param name the attribute
     * @param value its new value (may be {@code null})
     */
    void set(String name, Object value);

    /**
     * Deletes an attribute.
     *
     * @param name the attribute
     * @return {@code true} if it existed
     */
    boolean delete(String name);

    /**
     * Tells whether an attribute exists.
     *
     * @param name the attribute
     * @return {@code true} if it is set
     */
    boolean has(String name);

    /**
     * Lists the attribute names.
     *
     * @return a snapshot of the names, in the order they were first set
     */
    Set<String> names();

    /**
     * Copies every attribute.
     *
     * @return a new {@code LinkedHashMap} of name to value
     */
    Map<String, Object> snapshot();

    /**
     * Adds to an integral attribute atomically on the node, creating it as 0 first if absent. The
     * attribute keeps its type ({@code Integer} stays {@code Integer}); a result that does not fit
     * throws {@link ArithmeticException} and changes nothing.
     *
     * @param name the attribute
     * @param delta what to add (negative to subtract)
     * @return the new value
     * @throws IllegalStateException if the attribute holds something other than a {@code Byte},
     *     {@code Short}, {@code Integer} or {@code Long}
     */
    long addAndGet(String name, long delta);

    /**
     * Replaces an attribute atomically if it equals an expected value.
     *
     * @param name the attribute
     * @param expected the value expected (by {@code equals}); {@code null} matches an absent
     *     attribute
     * @param value the new value
     * @return {@code true} if the attribute was replaced
     */
    boolean compareAndSet(String name, Object expected, Object value);

    /**
     * Returns a typed view of this namespace through an interface of getters and setters. Each
     * method maps to an attribute: {@code getScore()}, {@code isAlive()} and {@code score()} read
     * {@code score} / {@code alive}; {@code setScore(int)} and {@code score(int)} write it. Reads of
     * a primitive type unbox and convert numbers; a missing attribute reads as {@code null}, which
     * throws {@link NoSuchElementException} for a primitive.
     *
     * @param viewType an interface of getters and setters
     * @param <V> the interface
     * @return an implementation that calls this namespace
     * @throws IllegalArgumentException if {@code viewType} is not an interface, or declares a
     *     method that is neither a getter nor a setter
     */
    <V> V view(Class<V> viewType);

    /**
     * Returns the asynchronous form of this namespace.
     *
     * @return the async view; it shares this proxy's reference
     */
    Async async();

    /** The asynchronous operations of a {@link Namespace}; futures complete on Steward's I/O thread. */
    interface Async {
        /**
         * Reads an attribute.
         *
         * @param name the attribute
         * @param <T> the type the caller expects
         * @return completes with its value, or fails with {@link NoSuchElementException}
         */
        <T> CompletableFuture<T> get(String name);

        /**
         * Sets an attribute.
         *
         * @param name the attribute
         * @param value its new value
         * @return completes when set
         */
        CompletableFuture<Void> set(String name, Object value);

        /**
         * Deletes an attribute.
         *
         * @param name the attribute
         * @return completes with {@code true} if it existed
         */
        CompletableFuture<Boolean> delete(String name);

        /**
         * Adds to an integral attribute atomically.
         *
         * @param name the attribute
         * @param delta what to add
         * @return completes with the new value
         */
        CompletableFuture<Long> addAndGet(String name, long delta);

        /**
         * Copies every attribute.
         *
         * @return completes with a new map
         */
        CompletableFuture<Map<String, Object>> snapshot();
    }
}
