package dev.steward;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Set} that lives on the manager node (Python 3.14's {@code manager.set()}). Each
 * operation is one atomic call on the node. The node keeps insertion order.
 *
 * <p><b>Iteration</b> is over a snapshot taken in one call, like {@link
 * java.util.concurrent.CopyOnWriteArraySet}; its iterator does not support {@code remove}. {@link
 * #equals(Object)} and {@link #hashCode()} follow the {@code Set} contract.
 *
 * @param <E> the element type: any value Steward can send, or a shared object
 */
public interface SharedSet<E> extends Set<E>, SharedObject {
    /**
     * Returns a copy of the set's current contents, taken atomically.
     *
     * @return a new, modifiable {@code LinkedHashSet}
     */
    Set<E> snapshot();

    /**
     * Returns the asynchronous form of this set.
     *
     * @return the async view; it shares this proxy's reference
     */
    Async<E> async();

    /**
     * The asynchronous operations of a {@link SharedSet}; futures complete on Steward's I/O thread.
     *
     * @param <E> the element type
     */
    interface Async<E> {
        /**
         * Adds an element.
         *
         * @param element the element
         * @return completes with {@code true} if it was not there yet
         */
        CompletableFuture<Boolean> add(E element);

        /**
         * Adds elements, atomically.
         *
         * @param elements the elements
         * @return completes with {@code true} if the set changed
         */
        CompletableFuture<Boolean> addAll(Collection<? extends E> elements);

        /**
         * Removes an element.
         *
         * @param element the element
         * @return completes with {@code true} if it was there
         */
        CompletableFuture<Boolean> remove(Object element);

        /**
         * Tests membership.
         *
         * @param element the element
         * @return completes with the answer
         */
        CompletableFuture<Boolean> contains(Object element);

        /**
         * Reads the size.
         *
         * @return completes with the number of elements
         */
        CompletableFuture<Integer> size();

        /**
         * Removes every element.
         *
         * @return completes when cleared
         */
        CompletableFuture<Void> clear();

        /**
         * Copies the contents.
         *
         * @return completes with a new {@code LinkedHashSet}
         */
        CompletableFuture<Set<E>> snapshot();
    }
}
