package dev.steward;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link List} that lives on the manager node (Python's {@code manager.list()}). Each operation
 * is one atomic call on the node, so concurrent {@link #add(Object)} calls from many processes
 * never lose an element.
 *
 * <p><b>Iteration</b> is over a snapshot: {@link #iterator()}, {@link #listIterator()}, {@code
 * for}-loops and {@link #stream()} fetch the whole list in one call and then iterate the copy, like
 * {@link java.util.concurrent.CopyOnWriteArrayList}. Changes made afterwards by anyone are not
 * seen, and the snapshot's iterators do not support {@code remove}, {@code set} or {@code add};
 * use the list's own methods. {@link #subList(int, int)} returns a copy as well.
 *
 * <p>{@link #equals(Object)} and {@link #hashCode()} follow the {@code List} contract (they compare
 * contents, fetched from the node), and {@link Object#toString() toString()} shows the contents.
 *
 * @param <E> the element type: any value Steward can send, or a shared object (stored as a
 *     reference)
 */
public interface SharedList<E> extends List<E>, SharedObject {
    /**
     * Returns a copy of the list's current contents, taken atomically in one call.
     *
     * @return a new, modifiable {@code ArrayList} owned by the caller
     */
    List<E> snapshot();

    /**
     * Returns the asynchronous form of this list: the same operations, each returning at once with
     * a future that completes when the node has answered.
     *
     * @return the async view; it shares this proxy's reference
     */
    Async<E> async();

    /**
     * The asynchronous operations of a {@link SharedList}. Futures complete on Steward's I/O
     * thread: use the {@code *Async} stages of {@link CompletableFuture} for work that blocks or
     * calls the node synchronously.
     *
     * @param <E> the element type
     */
    interface Async<E> {
        /**
         * Appends an element.
         *
         * @param element the element
         * @return completes with {@code true}
         */
        CompletableFuture<Boolean> add(E element);

        /**
         * Inserts an element at a position.
         *
         * @param index the position
         * @param element the element
         * @return completes when inserted
         */
        CompletableFuture<Void> add(int index, E element);

        /**
         * Appends all elements, atomically.
         *
         * @param elements the elements
         * @return completes with {@code true} if the list changed
         */
        CompletableFuture<Boolean> addAll(Collection<? extends E> elements);

        /**
         * Reads an element.
         *
         * @param index the position
         * @return completes with the element
         */
        CompletableFuture<E> get(int index);

        /**
         * Replaces an element.
         *
         * @param index the position
         * @param element the new element
         * @return completes with the element that was there
         */
        CompletableFuture<E> set(int index, E element);

        /**
         * Removes the element at a position.
         *
         * @param index the position
         * @return completes with the removed element
         */
        CompletableFuture<E> remove(int index);

        /**
         * Removes the first occurrence of a value.
         *
         * @param value the value
         * @return completes with {@code true} if one was removed
         */
        CompletableFuture<Boolean> removeValue(Object value);

        /**
         * Reads the size.
         *
         * @return completes with the number of elements
         */
        CompletableFuture<Integer> size();

        /**
         * Tells whether the list contains a value.
         *
         * @param value the value
         * @return completes with the answer
         */
        CompletableFuture<Boolean> contains(Object value);

        /**
         * Finds the first index of a value.
         *
         * @param value the value
         * @return completes with the index, or -1
         */
        CompletableFuture<Integer> indexOf(Object value);

        /**
         * Removes every element.
         *
         * @return completes when cleared
         */
        CompletableFuture<Void> clear();

        /**
         * Copies the contents.
         *
         * @return completes with a new {@code ArrayList}
         */
        CompletableFuture<List<E>> snapshot();
    }
}
